package dev.cfoc.probe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class AddressScopeTest {

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED",
            "0.1.2.3, RESERVED",
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK", "::ffff:127.0.0.1, LOOPBACK",
            "169.254.169.254, LINK_LOCAL", "169.254.0.1, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "10.0.0.5, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "::ffff:10.1.2.3, PRIVATE",
            "100.64.0.1, SHARED", "100.127.255.254, SHARED",
            "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL", "fec0::1, UNIQUE_LOCAL",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
            "192.0.2.10, RESERVED", "198.51.100.1, RESERVED", "203.0.113.7, RESERVED", "198.18.0.1, RESERVED",
            "240.0.0.1, RESERVED", "255.255.255.255, RESERVED", "2001:db8::1, RESERVED", "100::1, RESERVED",
            "::1.2.3.4, RESERVED",
            "1.1.1.1, PUBLIC", "8.8.8.8, PUBLIC", "172.15.255.255, PUBLIC", "172.32.0.0, PUBLIC",
            "100.63.255.255, PUBLIC", "100.128.0.0, PUBLIC", "169.253.255.255, PUBLIC", "54.239.28.85, PUBLIC",
            "2600:9000:2000::1, PUBLIC", "::ffff:8.8.8.8, PUBLIC", "fbff::1, PUBLIC"})
    void everyAddress_hasTheScopeOfItsIanaRange(String literal, AddressScope expected) throws UnknownHostException {
        assertThat(AddressScope.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }
}
