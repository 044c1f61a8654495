package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.testing.SampleTlsServer.Behaviour;
import dev.cfoc.testing.SampleTlsServer.ClientCertificate;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile origins on 127.0.0.1, one per test: each gives one precise problem, within what a run reserves for the
 * probe ({@link OriginProber#deadline} + {@link MeasuredProbe#DEADLINE_MARGIN}) and, where an origin sends megabytes,
 * with bounded allocation on the probing thread. Real certificate rules, with the sample root as trust anchor.
 */
class HostileOriginsIT {

    private static final long MIB = 1024 * 1024;
    private static final SamplePki PKI = SamplePki.create("Hostile");
    private static SamplePki.Issued leaf;
    private static OriginProber prober;

    @BeforeAll
    static void issueCertificatesAndWarmUp() {
        leaf = PKI.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        var rules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(PKI.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, Clock.systemUTC());
        prober = LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), rules);
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start()) {
            // loads and initialises the TLS stack, so that allocation measured later is the probe's own
            assertThat(prober.probe(https(server).build()).problems()).isEmpty();
        }
    }

    @Test
    void originThatAcceptsAndNeverSpeaks_timesOutAtConnectionTimeout() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(Behaviour.SILENT).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_TIMEOUT);
            assertThat(problem.evidence().get("received")).contains("(0 bytes received from the origin)");
            assertThat(probe.result().timingsMs().get("tls")).isBetween(950L, 1600L);
            assertThat(server.connections()).as("no follow-up handshakes after a timeout").isEqualTo(1);
        }
    }

    @Test
    void originSendingOneBytePerSecond_cannotStretchTheHandshake() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(Behaviour.SLOWLORIS).start()) {
            MeasuredProbe probe = withinDeadline(https(server).connectTimeout(Duration.ofMillis(1500)).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_TIMEOUT);
            assertThat(problem.message()).contains("not complete after 1.5 s (bounded by ConnectionTimeout)");
            assertThat(problem.evidence().get("received")).containsPattern("\\([12] bytes received from the origin\\)");
            assertThat(probe.result().timingsMs().get("tls")).isBetween(1450L, 2100L);
        }
    }

    @Test
    void randomBytesInReplyToTheClientHello_areShownAsNotTls() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[0] = (byte) 0x8F; // not a TLS content type, whatever the seed gives
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(Behaviour.GARBAGE).garbage(random)
                .start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("not TLS: the origin answered bytes 8f ");
            assertThat(server.connections()).isEqualTo(1);
            assertThat(probe.allocatedBytes()).isLessThan(MIB);
        }
    }

    @Test
    void randomBytesInsideAWellFormedRecord_areHandshakeFailedNamingWhatWasWrong() {
        byte[] record = new byte[5 + 200];
        new Random(2).nextBytes(record);
        record[0] = 22; // handshake
        record[1] = 3;
        record[2] = 3;
        record[3] = 0;
        record[4] = (byte) 200;
        record[5] = (byte) 185; // a handshake type that does not exist
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(Behaviour.GARBAGE).garbage(record)
                .start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).isEqualTo("the TLS client aborted with alert unexpected_message(10): "
                    + "Handshake message of unrecognized type: 185; the origin completed no ServerHello with any "
                    + "TLS version and suite the checker can offer");
        }
    }

    @Test
    void randomBytesAnnouncingALongerRecord_timeOutAtConnectionTimeout() {
        byte[] record = new byte[1000];
        new Random(3).nextBytes(record);
        record[0] = 22;
        record[1] = 3;
        record[2] = 3;
        record[3] = 0x30; // announces 12 KiB, sends 995 bytes and waits
        record[4] = 0;
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(Behaviour.GARBAGE).garbage(record)
                .start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_TIMEOUT);
            assertThat(problem.evidence().get("received")).contains("(1000 bytes received from the origin)");
        }
    }

    @Test
    void resetInReplyToTheClientHello_isHandshakeFailedSayingReset() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(Behaviour.RESET).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("the origin reset the connection without answering");
        }
    }

    @Test
    void closeAfterTheServerHello_isHandshakeFailedSayingWhereItStopped() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_2)
                .behaviour(Behaviour.CLOSE_AFTER_SERVER_HELLO).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).matches("the origin closed the connection after sending \\d+ bytes "
                    + "\\(after its ServerHello: TLSv1\\.2 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\\)");
            assertThat(probe.result().certificateChain()).isEmpty();
        }
    }

    @Test
    void plainHttpOnTheHttpsPort_isNotTls() {
        try (SampleHttpServer server = SampleHttpServer.start()) {
            MeasuredProbe probe = withinDeadline(Targets.https(Targets.ORIGIN, server.port())
                    .connectTimeout(Duration.ofSeconds(1)).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("not TLS: the origin answered 'HTTP/1.1 400 Bad Request'");
        }
    }

    @Test
    void chainOfHundredsOfCertificates_isReportedByItsLengthAndNoRequestIsSent() {
        List<X509Certificate> chain = new ArrayList<>(leaf.chain());
        for (int i = 0; i < 300; i++) {
            chain.add(PKI.intermediateCertificate());
        }
        try (SampleTlsServer server = SampleTlsServer.builder(
                new SamplePki.Issued(leaf.certificate(), leaf.privateKey(), chain)).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("origin sends a chain of 302 certificates;")
                    .endsWith("Only the first " + CertificateRules.MAX_CHAIN_LENGTH + " were checked");
            assertThat(probe.result().certificateChain()).hasSize(302);
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void chainOfFourteenValidCertificates_isJudgedByTheRulesNotCutByTheTlsStack() {
        List<X509Certificate> chain = new ArrayList<>(leaf.chain());
        for (int i = 0; i < 12; i++) {
            chain.add(PKI.intermediateCertificate());
        }
        try (SampleTlsServer server = SampleTlsServer.builder(
                new SamplePki.Issued(leaf.certificate(), leaf.privateKey(), chain)).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            assertThat(probe.result().problems()).isEmpty();
            assertThat(probe.result().certificateChain()).hasSize(14);
            assertThat(probe.result().httpStatus()).hasValue(200);
        }
    }

    @Test
    void certificateMessageOfMegabytes_isRefusedAtTheLimitWithoutBeingBuffered() {
        List<X509Certificate> chain = new ArrayList<>(leaf.chain());
        for (int i = 0; i < 8000; i++) {
            chain.add(PKI.intermediateCertificate());
        }
        try (SampleTlsServer server = SampleTlsServer.builder(
                new SamplePki.Issued(leaf.certificate(), leaf.privateKey(), chain)).start()) {
            // the server encodes 8000 certificates per connection: seconds on a loaded 2-core machine
            MeasuredProbe probe = withinDeadline(https(server).connectTimeout(Duration.ofSeconds(10)).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).matches("the origin's certificate message is \\d{7} bytes, more than the "
                    + CloudFrontTlsClient.MAX_HANDSHAKE_MESSAGE_BYTES + " bytes the checker reads; CloudFront's limit "
                    + "is not documented, real chains are a few KiB: send only the leaf and its intermediates");
            assertThat(server.connections()).as("no follow-up handshakes").isEqualTo(1);
            assertThat(probe.allocatedBytes()).as("allocated while the origin sent about 4 MB").isLessThan(MIB);
        }
    }

    @Test
    void originRequiringAClientCertificate_isHandshakeFailedNamingOriginMtls() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_2)
                .clientCertificate(ClientCertificate.REQUIRED).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            // the origin's alert races with the client's own writes: either may end the handshake first
            assertThat(problem.message()).matches("the origin requires a client certificate: it sent a "
                    + "CertificateRequest and ended the handshake when none was presented \\((fatal alert "
                    + "handshake_failure\\(40\\)|connection closed)\\); CloudFront presents one only when origin "
                    + "mTLS is configured");
            assertThat(server.connections()).as("no follow-up handshakes").isEqualTo(1);
        }
    }

    @Test
    void originAskingForAnOptionalClientCertificate_isHealthy() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).clientCertificate(ClientCertificate.REQUESTED)
                .start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            assertThat(probe.result().problems()).isEmpty();
            assertThat(probe.result().httpStatus()).hasValue(200);
        }
    }

    @Test
    void responseHeadOfMegabytes_isCutAt64KiBWithBoundedMemory() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).responseHeaderBytes(8 * MIB).start()) {
            MeasuredProbe probe = withinDeadline(https(server).build());

            Problem problem = only(probe, FindingCode.HTTP_INVALID_RESPONSE);
            assertThat(problem.message()).contains("'HTTP/1.1 200 OK'", "longer than 65536 bytes");
            assertThat(probe.result().httpStatus()).hasValue(200);
            assertThat(probe.allocatedBytes()).as("allocated while the origin sent 8 MiB of header")
                    .isLessThan(2 * MIB);
        }
    }

    @Test
    void responseHeadSentOneRecordPerByte_costsWorkInProportionToItsSize() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).responseHeaderBytes(70_000)
                .responseByteInterval(Duration.ZERO).start()) {
            MeasuredProbe probe = withinDeadline(https(server).readTimeout(Duration.ofSeconds(10)).build());

            only(probe, FindingCode.HTTP_INVALID_RESPONSE);
            // each 1-byte record costs the TLS stack about 1.6 KiB; rescanning the head on every read would add GiBs
            assertThat(probe.allocatedBytes()).isLessThan(256 * MIB);
        }
    }

    @Test
    void endlessBody_isNeverRead() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).endlessBody().start()) {
            MeasuredProbe probe = withinDeadline(https(server).readTimeout(Duration.ofSeconds(5)).build());

            assertThat(probe.result().problems()).isEmpty();
            assertThat(probe.result().httpStatus()).hasValue(200);
            assertThat(probe.result().timingsMs().get("http")).isLessThan(1000L);
            assertThat(probe.allocatedBytes()).isLessThan(2 * MIB);
        }
    }

    @Test
    void redirectLoop_isOneRequestNeverFollowed() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).httpStatus(302).start()) {
            int port = server.port();
            try (SampleTlsServer loop = SampleTlsServer.builder(leaf).httpStatus(302)
                    .location("https://" + Targets.ORIGIN + ":" + port + "/").start()) {
                MeasuredProbe probe = withinDeadline(https(loop).build());

                assertThat(probe.result().problems()).isEmpty();
                assertThat(probe.result().httpStatus()).hasValue(302);
                assertThat(loop.requests()).singleElement().satisfies(r -> assertThat(r).startsWith("GET / HTTP/1.1"));
                assertThat(loop.connections()).isEqualTo(1);
                assertThat(server.connections()).isZero();
            }
        }
    }

    @Test
    void responseTrickledOneBytePerSecond_isOriginReadTimeoutAtTheDeadline() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).responseByteInterval(Duration.ofSeconds(1))
                .start()) {
            MeasuredProbe probe = withinDeadline(https(server).readTimeout(Duration.ofMillis(1500)).build());

            Problem problem = only(probe, FindingCode.ORIGIN_READ_TIMEOUT);
            assertThat(problem.evidence().get("received")).containsPattern("\\([12] bytes received\\)");
            assertThat(probe.result().timingsMs().get("http")).isBetween(1450L, 2100L);
        }
    }

    @Test
    void slowOriginAcceptingOnlyForeignSuites_isDiagnosedWithinTheBudget() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_2)
                .handshakeDelay(Duration.ofMillis(800)).cipherSuites(
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CCM,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256).start()) {
            ProbeTarget target = https(server).build();

            MeasuredProbe probe = withinDeadline(target);

            Problem problem = only(probe, FindingCode.TLS_NO_COMMON_CIPHER);
            assertThat(problem.message()).contains("(and maybe more) at TLSv1.2; CloudFront offers none of them");
            assertThat(problem.evidence()).containsEntry("diagnosis", "stopped: its time budget of 2 s was spent");
            Duration budget = OriginProber.diagnosisBudget(target);
            assertThat(probe.result().timingsMs().get("tlsDiagnosis"))
                    .isLessThanOrEqualTo(budget.plus(MeasuredProbe.DEADLINE_MARGIN).toMillis());
        }
    }

    @Test
    void helloRequestsWithoutEndAfterTheServerHello_areCutByCount_asTheOriginsFault() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf)
                .behaviour(Behaviour.HELLO_REQUESTS_AFTER_SERVER_HELLO).start()) {
            // a long ConnectionTimeout: only the handshake's bounds in bytes and records can end this probe early
            MeasuredProbe probe = withinDeadline(https(server).connectTimeout(Duration.ofSeconds(10)).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).startsWith("the origin sent ").contains("records during the TLS handshake",
                    "hello_request", "more than " + TlsRecordMeter.MAX_HANDSHAKE_RECORDS + " records");
            assertThat(problem.evidence()).containsEntry("receivedRecords",
                    String.valueOf(TlsRecordMeter.MAX_HANDSHAKE_RECORDS + 1)).containsEntry("recordTypes",
                    "handshake " + (TlsRecordMeter.MAX_HANDSHAKE_RECORDS + 1));
            assertThat(server.connections()).as("no follow-up handshakes").isEqualTo(1);
        }
    }

    @Test
    void warningAlertsWithoutEndAfterTheServerHello_areCutByCount_asTheOriginsFault() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf)
                .behaviour(Behaviour.WARNING_ALERTS_AFTER_SERVER_HELLO).start()) {
            MeasuredProbe probe = withinDeadline(https(server).connectTimeout(Duration.ofSeconds(10)).build());

            Problem problem = only(probe, FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).contains("alert warning unrecognized_name(112)");
            assertThat(problem.evidence()).containsEntry("recordTypes",
                    "handshake 1, alert " + TlsRecordMeter.MAX_HANDSHAKE_RECORDS);
            assertThat(server.connections()).as("no follow-up handshakes").isEqualTo(1);
        }
    }

    @Test
    void warningAlertsWithoutEndAfterTheHandshake_areCutByCount_insteadOfAResponse() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf)
                .behaviour(Behaviour.WARNING_ALERTS_AFTER_HANDSHAKE).start()) {
            // a long OriginReadTimeout: only the response's bound in records can end this probe early
            MeasuredProbe probe = withinDeadline(https(server).readTimeout(Duration.ofSeconds(30)).build());

            Problem problem = only(probe, FindingCode.HTTP_INVALID_RESPONSE);
            assertThat(problem.message()).contains("after the TLS handshake, before the end of the response head",
                    "more than " + TlsRecordMeter.MAX_RESPONSE_OTHER_RECORDS + " records other than application data");
            assertThat(problem.evidence()).containsEntry("recordTypes",
                    "alert " + (TlsRecordMeter.MAX_RESPONSE_OTHER_RECORDS + 1));
        }
    }

    /** ConnectionTimeout 1 s: these tests measure the probe against its CloudFront-derived deadline. */
    private static Targets.Builder https(SampleTlsServer server) {
        return Targets.https(Targets.ORIGIN, server.port()).connectTimeout(Duration.ofSeconds(1));
    }

    private static MeasuredProbe withinDeadline(ProbeTarget target) {
        MeasuredProbe probe = MeasuredProbe.of(prober, target);
        assertThat(probe.elapsed()).as("probe time, deadline %s", OriginProber.deadline(target))
                .isLessThanOrEqualTo(MeasuredProbe.bound(target));
        return probe;
    }

    private static Problem only(MeasuredProbe probe, FindingCode code) {
        assertThat(probe.result().problems()).extracting(Problem::code).containsExactly(code);
        Problem problem = probe.result().problems().getFirst();
        assertThat(problem.message()).isNotBlank();
        return problem;
    }
}
