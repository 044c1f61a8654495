package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.LeafSpec;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.TlsVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** CloudFront's certificate rules, end to end, against chains served by real {@code openssl s_server} processes. */
class OpenSslCertificateInteropIT {

    private static SamplePki pki;
    private static OriginProber prober;

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(OpenSslServer.available(), "openssl is not installed");
        pki = SamplePki.create("CertInterop");
        var rules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(pki.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, Clock.systemUTC());
        prober = LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), rules);
    }

    @Test
    void fullChain_passesWithoutFindings() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(pki.issueLeaf(LeafSpec.forNames(Targets.ORIGIN)), "-www")) {
            assertThat(probe(server).problems()).isEmpty();
        }
    }

    @Test
    void expiredLeaf_isCertExpired_andNoRequestIsSent() throws Exception {
        Instant now = Instant.now();
        SamplePki.Issued expired = pki.issueLeaf(LeafSpec.forNames(Targets.ORIGIN)
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2))));
        try (OpenSslServer server = OpenSslServer.start(expired, "-www")) {
            ProbeResult result = probe(server);
            assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.CERT_EXPIRED);
            assertThat(result.httpStatus()).isEmpty();
        }
    }

    @Test
    void leafWithoutIntermediate_isChainIncomplete() throws Exception {
        SamplePki.Issued leaf = pki.issueLeaf(LeafSpec.forNames(Targets.ORIGIN));
        SamplePki.Issued leafOnly = new SamplePki.Issued(leaf.certificate(), leaf.privateKey(), List.of(leaf.certificate()));
        try (OpenSslServer server = OpenSslServer.start(leafOnly, "-www")) {
            assertThat(probe(server).problems()).extracting(Problem::code)
                    .containsExactly(FindingCode.CERT_CHAIN_INCOMPLETE);
        }
    }

    @Test
    void rootBeforeIntermediate_isChainOrder() throws Exception {
        SamplePki.Issued leaf = pki.issueLeaf(LeafSpec.forNames(Targets.ORIGIN));
        SamplePki.Issued misordered = new SamplePki.Issued(leaf.certificate(), leaf.privateKey(),
                List.of(leaf.certificate(), pki.rootCertificate(), pki.intermediateCertificate()));
        try (OpenSslServer server = OpenSslServer.start(misordered, "-www")) {
            ProbeResult result = probe(server);
            assertThat(result.certificateChain()).hasSize(3);
            assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.CERT_CHAIN_ORDER);
        }
    }

    @Test
    void certificateForAnotherName_isNameMismatch() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(pki.issueLeaf(LeafSpec.forNames("elsewhere.test")), "-www")) {
            assertThat(probe(server).problems()).extracting(Problem::code)
                    .containsExactly(FindingCode.CERT_NAME_MISMATCH);
        }
    }

    @Test
    void tls10OnlyServer_whenConfigAllowsTlsV1_isDeprecatedProtocol() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(pki.issueLeaf(LeafSpec.forNames(Targets.ORIGIN)),
                "-www", "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port())
                    .versions(TlsVersion.TLSV1, TlsVersion.TLSV1_2).build());
            assertThat(result.tlsVersion()).contains("TLSv1");
            assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.TLS_DEPRECATED_PROTOCOL);
        }
    }

    private static ProbeResult probe(OpenSslServer server) {
        return prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());
    }
}
