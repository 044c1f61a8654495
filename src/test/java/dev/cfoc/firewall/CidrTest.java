package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

    @Test
    void parsesBothFamilies_andKnowsEverywhere() {
        assertThat(Cidr.parse("0.0.0.0/0").isEverywhere()).isTrue();
        assertThat(Cidr.parse("::/0").isEverywhere()).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").isEverywhere()).isFalse();
        assertThat(Cidr.parse("2600:9000::/28").family()).isEqualTo(AddressFamily.IPV6);
        assertThat(Cidr.parse("130.176.0.1/18").covers(Cidr.parse("130.176.63.255"))).isTrue();
    }

    @Test
    void unionCovers_acrossAdjacentRanges_notAcrossAGap() {
        List<Cidr> adjacent = List.of(Cidr.parse("10.0.1.0/24"), Cidr.parse("10.0.0.0/24"));
        List<Cidr> gap = List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("10.0.2.0/24"));

        assertThat(Cidr.unionCovers(adjacent, List.of(Cidr.parse("10.0.0.0/23")))).isTrue();
        assertThat(Cidr.unionCovers(gap, List.of(Cidr.parse("10.0.0.0/22")))).isFalse();
    }

    @Test
    void rejectsWhatIsNotACidr_withoutALookup() {
        assertThatThrownBy(() -> Cidr.parse("example.com/24")).hasMessageContaining("not a CIDR");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
    }
}
