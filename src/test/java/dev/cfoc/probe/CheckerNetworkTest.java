package dev.cfoc.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckerNetworkTest {

    @TempDir
    Path dir;

    @Test
    void aPrivateAddressOnAnInterface_isAPrivateNetwork_namingIt() throws Exception {
        CheckerNetwork network = CheckerNetwork.detect(List.of(
                new CheckerNetwork.InterfaceAddress("eth0", InetAddress.getByName("fe80::1")),
                new CheckerNetwork.InterfaceAddress("eth0", InetAddress.getByName("10.0.3.17"))), List.of());

        assertThat(network.isPrivate()).isTrue();
        assertThat(network.evidence()).contains("interface eth0 has 10.0.3.17");
    }

    @Test
    void onlyLinkLocalAndPublicAddresses_andAPublicResolver_areNoPrivateNetwork() throws Exception {
        // a Lambda function outside any VPC: its sandbox network is link-local
        CheckerNetwork network = CheckerNetwork.detect(List.of(
                new CheckerNetwork.InterfaceAddress("vinternal_1", InetAddress.getByName("169.254.79.129")),
                new CheckerNetwork.InterfaceAddress("eth1", InetAddress.getByName("54.1.2.3"))),
                List.of(InetAddress.getByName("169.254.78.1"), InetAddress.getByName("1.1.1.1")));

        assertThat(network.isPrivate()).isFalse();
    }

    @Test
    void aResolverAtAPrivateAddress_isAPrivateNetwork() throws Exception {
        // a VPC's resolver is at its CIDR base + 2
        CheckerNetwork network = CheckerNetwork.detect(List.of(), List.of(InetAddress.getByName("172.31.0.2")));

        assertThat(network.evidence()).hasValueSatisfying(e -> assertThat(e).contains("172.31.0.2"));
    }

    @Test
    void nameservers_areTheAddressLiteralsOfResolvConf_andAnUnreadableFileIsNone() throws Exception {
        Path conf = Files.writeString(dir.resolve("resolv.conf"), """
                # generated
                search ec2.internal
                nameserver 10.0.0.2
                nameserver   fd00:ec2::253
                nameserver not-an-address
                options timeout:2
                """);

        assertThat(CheckerNetwork.nameservers(conf)).containsExactly(InetAddress.getByName("10.0.0.2"),
                InetAddress.getByName("fd00:ec2::253"));
        assertThat(CheckerNetwork.nameservers(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aCheckerAttachedToAVpc_isInAPrivateNetwork_whateverItsInterfacesShow() {
        CheckerNetwork attached = CheckerNetwork.detect(true);

        assertThat(attached.isPrivate()).isTrue();
        assertThat(attached.evidence()).hasValueSatisfying(e -> assertThat(e).contains("attached to a VPC"));
    }
}
