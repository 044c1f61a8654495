package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.testing.SampleTlsServer.Behaviour;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Handshakes that fail, and the follow-up handshakes that say why, against real loopback origins. */
class TlsFailureDiagnosisIT {

    private static SamplePki.Issued ecLeaf;
    private final OriginProber prober = LoopbackOrigins.prober(
            HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), TestVerifiers.leafNameMatches());

    @BeforeAll
    static void issueCertificates() {
        ecLeaf = SamplePki.create("Diagnosis").issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
    }

    @Test
    void silentOrigin_isReportedAsHandshakeTimeoutAtConnectionTimeout() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).behaviour(Behaviour.SILENT).start()) {
            ProbeResult result = probe(server, Duration.ofMillis(500), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_HANDSHAKE_TIMEOUT);
            assertThat(problem.message()).contains("500 ms", "ConnectionTimeout");
            assertThat(problem.evidence().get("received")).contains("0 bytes");
            assertThat(result.timingsMs().get("tls")).isBetween(450L, 1500L);
        }
    }

    @Test
    void originSendingOneBytePerSecond_cannotStretchTheHandshakeDeadline() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).behaviour(Behaviour.SLOWLORIS).start()) {
            ProbeResult result = probe(server, Duration.ofMillis(1500), TlsVersion.TLSV1_2);

            onlyProblem(result, FindingCode.TLS_HANDSHAKE_TIMEOUT);
            assertThat(result.timingsMs().get("tls")).isBetween(1400L, 2500L);
        }
    }

    @Test
    void garbageReply_isReportedAsHandshakeFailedShowingTheBytes() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).behaviour(Behaviour.GARBAGE).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).isEqualTo("not TLS: the origin answered 'SSH-2.0-OpenSSH_9.6'");
            assertThat(server.connections()).as("no follow-up handshakes for a non-TLS port").isEqualTo(1);
        }
    }

    @Test
    void plainHttpOnTheHttpsPort_isReportedAsNotTls() {
        try (SampleHttpServer server = SampleHttpServer.start()) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            Problem problem = onlyProblem(result, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("not TLS: the origin answered 'HTTP/1.1 400 Bad Request'");
            assertThat(problem.evidence()).containsKeys("sni", "offeredVersions", "offeredCipherSuites");
        }
    }

    @Test
    void resetAfterClientHello_isReportedAsHandshakeFailedWithReset() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).behaviour(Behaviour.RESET).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("the origin reset the connection");
            assertThat(problem.evidence()).containsEntry("offerOnlyTLSv1.3",
                    "refused: the origin reset the connection without answering");
        }
    }

    @Test
    void tls13OnlyOrigin_isReportedAsNoCommonProtocolSayingTls13Only() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).versions(TlsVersion.TLSV1_3).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_NO_COMMON_PROTOCOL);
            assertThat(problem.message())
                    .isEqualTo("origin speaks only TLSv1.3; CloudFront offers TLSv1.2 (OriginSslProtocols)");
            assertThat(problem.evidence()).containsEntry("originSpeaks", "TLSv1.3")
                    .containsEntry("cloudFrontHandshake", "the origin sent fatal alert protocol_version(70)");
        }
    }

    @Test
    void tls10OnlyOrigin_whenOnlyTls12IsOffered_isReportedAsNoCommonProtocol() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).versions(TlsVersion.TLSV1).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_NO_COMMON_PROTOCOL);
            assertThat(problem.message())
                    .isEqualTo("origin speaks only TLSv1; CloudFront offers TLSv1.2 (OriginSslProtocols)");
            assertThat(problem.evidence().get("cloudFrontHandshake"))
                    .isEqualTo("the origin answered with TLSv1, which was not offered");
        }
    }

    @Test
    void chacha20OnlyOrigin_isReportedAsNoCommonCipherNamingTheSuite() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).versions(TlsVersion.TLSV1_2)
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_NO_COMMON_CIPHER);
            assertThat(problem.message()).isEqualTo("origin accepts only "
                    + "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 at TLSv1.2; CloudFront offers none of them");
            assertThat(problem.evidence()).containsEntry("cloudFrontHandshake",
                    "the origin sent fatal alert handshake_failure(40)");
        }
    }

    @Test
    void originAcceptingTwoForeignSuites_hasBothListed() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).versions(TlsVersion.TLSV1_2)
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_NO_COMMON_CIPHER);
            assertThat(problem.evidence().get("originAcceptsAtTLSv1.2")).contains(
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM");
        }
    }

    @Test
    void tls10OnlyOrigin_whenTls10IsOffered_isReportedAsDeprecatedProtocol() {
        try (SampleTlsServer server = SampleTlsServer.builder(ecLeaf).versions(TlsVersion.TLSV1).start()) {
            ProbeResult result = probe(server, Duration.ofSeconds(1), TlsVersion.TLSV1, TlsVersion.TLSV1_2);

            Problem problem = onlyProblem(result, FindingCode.TLS_DEPRECATED_PROTOCOL);
            assertThat(problem.message()).contains("TLSv1");
            assertThat(result.tlsVersion()).contains("TLSv1");
            assertThat(result.cipherSuite()).hasValueSatisfying(s -> assertThat(s).endsWith("_CBC_SHA"));
            assertThat(result.httpStatus()).hasValue(200);
        }
    }

    private ProbeResult probe(SampleTlsServer server, Duration connectTimeout, TlsVersion... offered) {
        return prober.probe(Targets.https(Targets.ORIGIN, server.port()).connectTimeout(connectTimeout)
                .versions(offered).build());
    }

    private static Problem onlyProblem(ProbeResult result, FindingCode code) {
        assertThat(result.problems()).extracting(Problem::code).containsExactly(code);
        return result.problems().getFirst();
    }
}
