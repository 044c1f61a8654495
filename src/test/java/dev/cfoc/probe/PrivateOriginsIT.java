package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Origins CloudFront cannot reach are reported, never connected to: a real server listens on loopback and must see
 * no connection, unless the lab opts in.
 */
class PrivateOriginsIT {

    private static final SamplePki PKI = SamplePki.create("PrivateOrigins");
    private static final SamplePki.Issued LEAF = PKI.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));

    @Test
    void nameResolvingToLoopback_isOriginNotPublic_andNothingConnects() {
        try (SampleTlsServer server = SampleTlsServer.builder(LEAF).start()) {
            ProbeResult result = prober("127.0.0.1", AddressPolicy.publicOnly(CheckerNetwork.notPrivate()))
                    .probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.ORIGIN_NOT_PUBLIC);
                assertThat(p.severity()).isEqualTo(Severity.ERROR);
                assertThat(p.message()).isEqualTo("origin domain name origin.test resolves only to addresses "
                        + "CloudFront cannot reach from its edge (127.0.0.1 loopback (this host)): CloudFront cannot "
                        + "connect (502); not probed");
                assertThat(p.evidence()).containsEntry("addresses", "127.0.0.1 loopback (this host)");
            });
            assertThat(result.timingsMs()).containsOnlyKeys("dns");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void nameResolvingToTheMetadataService_isNotProbed() {
        ProbeResult result = prober("169.254.169.254", AddressPolicy.publicOnly(CheckerNetwork.notPrivate()))
                .probe(Targets.http(Targets.ORIGIN, 80).build());

        assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.ORIGIN_NOT_PUBLIC);
        assertThat(result.problems().getFirst().message()).contains("169.254.169.254 link-local");
        assertThat(result.timingsMs()).doesNotContainKey("connect");
    }

    @Test
    void insideAPrivateNetwork_aPrivateAnswerIsAWarningSayingPrivateDnsMayGiveIt_andNothingConnects() {
        try (SampleTlsServer server = SampleTlsServer.builder(LEAF).start()) {
            CheckerNetwork vpc = CheckerNetwork.privateNetwork("interface eth0 has 10.0.3.17");
            ProbeResult result = prober("127.0.0.1", AddressPolicy.publicOnly(vpc))
                    .probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.ORIGIN_PRIVATE_ANSWER);
                assertThat(p.severity()).isEqualTo(Severity.WARNING);
                assertThat(p.message()).contains("the checker runs inside a private network, so this answer may "
                        + "come from private DNS (a Route 53 private hosted zone, split-horizon DNS) that CloudFront "
                        + "does not see");
                assertThat(p.evidence()).containsEntry("checkerNetwork", "private: interface eth0 has 10.0.3.17");
            });
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void withTheLabsOptIn_theLoopbackOriginIsProbed() {
        try (SampleTlsServer server = SampleTlsServer.builder(LEAF).start()) {
            ProbeResult result = prober("127.0.0.1", AddressPolicy.allowPrivate())
                    .probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).isEmpty();
            assertThat(result.httpStatus()).hasValue(200);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aVpcOriginsPrivateEndpoint_isProbedWithoutTheLabsOptIn() {
        try (SampleTlsServer server = SampleTlsServer.builder(LEAF).start()) {
            OriginProber publicOnly = prober("127.0.0.1", AddressPolicy.publicOnly(CheckerNetwork.notPrivate()));

            ProbeResult vpcOrigin = publicOnly.probe(Targets.https(Targets.ORIGIN, server.port())
                    .vpcOrigin("vo_0a1b2c3d").build());
            ProbeResult sameNameAsACustomOrigin = publicOnly.probe(Targets.https(Targets.ORIGIN, server.port())
                    .build());

            assertThat(vpcOrigin.problems()).isEmpty();
            assertThat(vpcOrigin.httpStatus()).hasValue(200);
            assertThat(sameNameAsACustomOrigin.problems()).extracting(Problem::code)
                    .containsExactly(FindingCode.ORIGIN_NOT_PUBLIC);
            assertThat(server.connections()).as("the VPC origin's connection only").isEqualTo(1);
        }
    }

    private static OriginProber prober(String address, AddressPolicy policy) {
        return new OriginProber(HostResolver.fixed(Map.of(Targets.ORIGIN, address)), (chain, names) -> List.of(),
                policy);
    }
}
