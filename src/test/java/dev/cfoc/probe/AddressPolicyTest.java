package dev.cfoc.probe;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

    @Test
    void publicOnly_keepsThePublicAddressesInTheResolversOrder_andNamesTheOthers() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress first = InetAddress.getByName("54.239.28.85");
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        InetAddress second = InetAddress.getByName("2600:9000:2000::1");

        AddressPolicy.Split split = AddressPolicy.publicOnly(CheckerNetwork.notPrivate())
                .split(List.of(loopback, first, metadata, second));

        assertThat(split.probed()).containsExactly(first, second);
        assertThat(split.notProbed()).containsExactly(loopback, metadata);
    }

    @Test
    void allowPrivate_keepsEveryAddress() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.1"));

        AddressPolicy.Split split = AddressPolicy.allowPrivate().split(addresses);

        assertThat(split.probed()).isEqualTo(addresses);
        assertThat(split.notProbed()).isEmpty();
    }
}
