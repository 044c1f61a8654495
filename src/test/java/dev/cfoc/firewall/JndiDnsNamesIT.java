package dev.cfoc.firewall;

import dev.cfoc.testing.LocalDns;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** JNDI's DNS provider against a real DNS server on loopback: CNAME chains and PTR names, bounded lookups. */
class JndiDnsNamesIT {

    @Test
    void followsTheCnameChain_andReadsPtrNames() throws Exception {
        try (LocalDns dns = LocalDns.serving(Map.of(
                "api.example.com", "edge.example.net.",
                "edge.example.net", "web-1234567890.eu-west-1.elb.amazonaws.com",
                "web-1234567890.eu-west-1.elb.amazonaws.com", "",
                "plain.example.com", ""), Map.of(
                "7.100.51.198.in-addr.arpa", "ec2-198-51-100-7.eu-west-1.compute.amazonaws.com"))) {
            var names = new JndiDnsNames(Optional.of(dns.address()), Duration.ofSeconds(3));

            assertThat(names.cnameChain("api.example.com"))
                    .containsExactly("edge.example.net", "web-1234567890.eu-west-1.elb.amazonaws.com");
            assertThat(names.cnameChain("plain.example.com")).isEmpty();
            assertThat(names.cnameChain("nowhere.example.com")).isEmpty();
            assertThat(names.reverse(InetAddress.getByName("198.51.100.7")))
                    .hasValue("ec2-198-51-100-7.eu-west-1.compute.amazonaws.com");
            assertThat(names.reverse(InetAddress.getByName("198.51.100.8"))).isEmpty();
        }
    }

    @Test
    void aServerThatNeverAnswers_givesNothing_andTheLookupEnds() throws Exception {
        try (LocalDns dns = LocalDns.silent()) {
            var names = new JndiDnsNames(Optional.of(dns.address()), Duration.ofMillis(300));

            assertThat(names.cnameChain("api.example.com")).isEmpty();
        }
    }

    @Test
    void ipv6Addresses_haveNibbleReverseNames() throws Exception {
        assertThat(JndiDnsNames.reverseName(InetAddress.getByName("2001:db8::1")))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    }
}
