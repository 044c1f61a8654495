package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The probe against real {@code openssl s_server} processes (skipped where openssl is absent). */
class OpenSslInteropIT {

    private static SamplePki pki;
    private final OriginProber prober = LoopbackOrigins.prober(
            HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), TestVerifiers.leafNameMatches());

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(OpenSslServer.available(), "openssl is not installed");
        pki = SamplePki.create("Interop");
    }

    @Test
    void healthyOpenSslServer_completesTheHandshakeAndAnswersHttp() throws Exception {
        SamplePki.Issued leaf = pki.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        try (OpenSslServer server = OpenSslServer.start(leaf, "-www")) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).isEmpty();
            assertThat(result.tlsVersion()).contains("TLSv1.2");
            assertThat(result.cipherSuite()).contains("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
            assertThat(result.certificateChain()).extracting(c -> c.sha256Fingerprint()).containsExactly(
                    CertificateFingerprints.of(leaf.chain().get(0)), CertificateFingerprints.of(leaf.chain().get(1)));
            assertThat(result.httpStatus()).hasValue(200);
        }
    }

    @Test
    void tls13OnlyOpenSslServer_isReportedAsNoCommonProtocol() throws Exception {
        SamplePki.Issued leaf = pki.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        try (OpenSslServer server = OpenSslServer.start(leaf, "-tls1_3")) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.TLS_NO_COMMON_PROTOCOL);
            assertThat(result.problems().getFirst().message()).startsWith("origin speaks only TLSv1.3;");
        }
    }

    @Test
    void chacha20OnlyOpenSslServer_isReportedAsNoCommonCipher() throws Exception {
        SamplePki.Issued rsaLeaf = pki.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN)
                .keyType(SamplePki.KeyType.RSA_2048));
        try (OpenSslServer server = OpenSslServer.start(rsaLeaf,
                "-cipher", "ECDHE-RSA-CHACHA20-POLY1305", "-no_tls1_3")) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.TLS_NO_COMMON_CIPHER);
            assertThat(result.problems().getFirst().message()).isEqualTo("origin accepts only "
                    + "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 at TLSv1.2; CloudFront offers none of them");
        }
    }
}
