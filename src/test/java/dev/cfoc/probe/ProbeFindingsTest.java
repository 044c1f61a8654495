package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsClientProtocol;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The words of the probe's findings, from outcomes built by hand (no socket): each message and each piece of
 * evidence exactly as a user reads it in a report.
 */
class ProbeFindingsTest {

    private static final ProbeTarget TARGET = new ProbeTarget("origin-1", Scheme.HTTPS, "origin.example.com", 8443,
            Optional.of("www.example.com"), "www.example.com", Set.of("www.example.com", "origin.example.com"),
            List.of(TlsVersion.TLSV1_1, TlsVersion.TLSV1_2), Duration.ofSeconds(10), 3, Duration.ofMillis(1500),
            "/app/", List.of(new CustomHeader("X-Origin-Verify", Secret.of("s3cret-value"))), List.of("*"));
    private static final String HEADERS_SENT = "Host, User-Agent, Via, X-Origin-Verify, Connection";

    private static final TlsOffer OFFER = new TlsOffer(List.of(TlsVersion.TLSV1_1, TlsVersion.TLSV1_2),
            List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
            List.of(NamedGroup.x25519), List.of(SignatureScheme.rsa_pkcs1_sha256));
    private static final HandshakeOutcome.Failed ALERT = new HandshakeOutcome.Failed(
            HandshakeOutcome.Kind.ALERT_RECEIVED, "the origin sent fatal alert handshake_failure(40)",
            Optional.empty(), OptionalInt.empty(), List.of());

    @Test
    void sslv3Only_isNotProbed_namingTheConfiguredVersions() {
        ProbeTarget sslv3 = withVersions(List.of(TlsVersion.SSLV3));

        Problem problem = ProbeFindings.noTestableVersion(sslv3);

        assertThat(problem.code()).isEqualTo(FindingCode.ORIGIN_NOT_PROBED);
        assertThat(problem.message()).isEqualTo("OriginSslProtocols lists no version that can be tested (SSLv3); "
                + "SSLv3 cannot be tested by a modern TLS stack");
        assertThat(problem.evidence()).containsExactly(entry("tlsVersions", "SSLv3"));
    }

    @Test
    void unknownName_isDnsUnresolvable_withTheResolversWords() {
        Problem problem = ProbeFindings.unresolvable(TARGET,
                new UnknownHostException("origin.example.com: Name or service not known"));

        assertThat(problem.code()).isEqualTo(FindingCode.DNS_UNRESOLVABLE);
        assertThat(problem.message()).isEqualTo("origin domain name origin.example.com does not resolve");
        assertThat(problem.evidence()).containsExactly(entry("host", "origin.example.com"),
                entry("resolver", "origin.example.com: Name or service not known"));
    }

    @Test
    void everyAttemptRefused_isPortUnreachable_withEachAttempt() throws Exception {
        InetAddress first = address(10);
        InetAddress second = address(11);
        var refused = new TcpConnector.NotConnected(List.of(
                new TcpConnector.Attempt(first, TcpConnector.Result.REFUSED, ""),
                new TcpConnector.Attempt(second, TcpConnector.Result.FAILED, "No route to host"),
                new TcpConnector.Attempt(first, TcpConnector.Result.REFUSED, "")), false);

        Problem problem = ProbeFindings.notConnected(TARGET, List.of(first, second), refused, false);

        assertThat(problem.code()).isEqualTo(FindingCode.PORT_UNREACHABLE);
        assertThat(problem.message()).isEqualTo("origin.example.com:8443 refused the TCP connection (3 attempts): "
                + "viewers get 502 (Bad Gateway)");
        assertThat(problem.evidence()).containsExactly(entry("attempts", "3"),
                entry("addresses", "192.0.2.10, 192.0.2.11"), entry("connectionTimeout", "10 s"),
                entry("attempt1", "192.0.2.10:8443 refused"),
                entry("attempt2", "192.0.2.11:8443 failed (No route to host)"),
                entry("attempt3", "192.0.2.10:8443 refused"));
    }

    @Test
    void anyAttemptTimedOut_isConnectTimeout_a504ForViewers() throws Exception {
        InetAddress only = address(10);
        var timedOut = new TcpConnector.NotConnected(List.of(
                new TcpConnector.Attempt(only, TcpConnector.Result.REFUSED, ""),
                new TcpConnector.Attempt(only, TcpConnector.Result.TIMED_OUT, "after 10 s")), false);

        Problem problem = ProbeFindings.notConnected(TARGET, List.of(only), timedOut, false);

        assertThat(problem.code()).isEqualTo(FindingCode.CONNECT_TIMEOUT);
        assertThat(problem.message())
                .isEqualTo("origin.example.com:8443 did not accept a TCP connection within 10 s (2 attempts): viewers "
                        + "get 504 (Gateway Timeout), which is what CloudFront answers when a firewall or security group "
                        + "drops its traffic");
        assertThat(problem.evidence()).containsExactly(entry("attempts", "2"), entry("addresses", "192.0.2.10"),
                entry("connectionTimeout", "10 s"), entry("attempt1", "192.0.2.10:8443 refused"),
                entry("attempt2", "192.0.2.10:8443 timed out (after 10 s)"));
    }

    @Test
    void connectionLostRightAfterConnecting_isPortUnreachable() {
        Problem problem = ProbeFindings.connectionLost(new SocketException("Connection reset"));

        assertThat(problem).isEqualTo(Problem.of(FindingCode.PORT_UNREACHABLE,
                "the connection failed right after it was opened: Connection reset"));
    }

    @Test
    void offerEvidence_namesSniVersionsAscendingAndSuitesInOrder() {
        assertThat(ProbeFindings.offerEvidence(TARGET, OFFER)).containsExactly(entry("sni", "www.example.com"),
                entry("offeredVersions", "TLSv1.1, TLSv1.2"),
                entry("offeredCipherSuites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_CBC_SHA"));
    }

    @Test
    void handshakeTimeout_saysWhatBoundedItAndWhatArrived() {
        Problem problem = ProbeFindings.handshakeTimedOut(TARGET, Duration.ofSeconds(10), offer(),
                new HandshakeOutcome.TimedOut("ServerHello not complete (3 bytes received)"));

        assertThat(problem.code()).isEqualTo(FindingCode.TLS_HANDSHAKE_TIMEOUT);
        assertThat(problem.message()).isEqualTo("TLS handshake with origin.example.com:8443 not complete after 10 s "
                + "(bounded by ConnectionTimeout)");
        assertThat(problem.evidence()).containsExactly(entry("sni", "www.example.com"),
                entry("offered", "TLSv1.1, TLSv1.2"),
                entry("received", "ServerHello not complete (3 bytes received)"));
    }

    @Test
    void tls10Negotiated_isDeprecatedProtocol_withTheSuite() {
        var done = new HandshakeOutcome.Completed(TlsVersion.TLSV1, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
                List.of(), new TlsClientProtocol(), new TlsRecordMeter(InputStream.nullInputStream()));

        assertThat(ProbeFindings.deprecatedProtocol(TARGET, done)).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.TLS_DEPRECATED_PROTOCOL);
            assertThat(problem.message()).isEqualTo("the origin negotiated TLSv1 with CloudFront's offer");
            assertThat(problem.evidence()).containsExactly(entry("offeredVersions", "TLSv1.1, TLSv1.2"),
                    entry("negotiated", "TLSv1 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
        });
    }

    @Test
    void tls12Negotiated_isNoFinding() {
        var done = new HandshakeOutcome.Completed(TlsVersion.TLSV1_2,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, List.of(), new TlsClientProtocol(),
                new TlsRecordMeter(InputStream.nullInputStream()));

        assertThat(ProbeFindings.deprecatedProtocol(TARGET, done)).isEmpty();
    }

    @Test
    void statusBelow500_isNoFinding() {
        assertThat(ProbeFindings.http(TARGET, new HttpOutcome.Response(200, "HTTP/1.1 200 OK", false))).isEmpty();
        assertThat(ProbeFindings.http(TARGET, new HttpOutcome.Response(499, "HTTP/1.1 499 Closed", false))).isEmpty();
    }

    @Test
    void status500_isHttp5xx_quotingTheStatusLineRequestAndHost() {
        Problem problem = ProbeFindings.http(TARGET,
                new HttpOutcome.Response(500, "HTTP/1.1 500 Internal Server Error", false)).orElseThrow();

        assertThat(problem.code()).isEqualTo(FindingCode.HTTP_5XX);
        assertThat(problem.message()).isEqualTo("the origin answered 'HTTP/1.1 500 Internal Server Error' to "
                + "GET /app/ HTTP/1.1 (Host: www.example.com)");
        assertThat(problem.evidence()).containsExactly(entry("request", "GET /app/ HTTP/1.1"),
                entry("headersSent", HEADERS_SENT), entry("statusLine", "HTTP/1.1 500 Internal Server Error"));
    }

    @Test
    void oversizedHead_isInvalidResponse_evenWithA200() {
        Problem problem = ProbeFindings.http(TARGET, new HttpOutcome.Response(200, "HTTP/1.1 200 OK", true))
                .orElseThrow();

        assertThat(problem.code()).isEqualTo(FindingCode.HTTP_INVALID_RESPONSE);
        assertThat(problem.message()).isEqualTo("the origin answered 'HTTP/1.1 200 OK' to GET /app/ HTTP/1.1 with a "
                + "response head (status line and headers) longer than 65536 bytes; AWS documents no limit, but a "
                + "head this large is far beyond what proxies accept: CloudFront would likely answer 502");
        assertThat(problem.evidence()).containsExactly(entry("request", "GET /app/ HTTP/1.1"),
                entry("headersSent", HEADERS_SENT), entry("statusLine", "HTTP/1.1 200 OK"),
                entry("responseHead", "longer than 65536 bytes; reading stopped there"));
    }

    @Test
    void noHeadWithinOriginReadTimeout_isOriginReadTimeout_and504() {
        Problem problem = ProbeFindings.http(TARGET,
                new HttpOutcome.TimedOut("no complete response head within 1.5 s (12 bytes received)")).orElseThrow();

        assertThat(problem.code()).isEqualTo(FindingCode.ORIGIN_READ_TIMEOUT);
        assertThat(problem.message()).isEqualTo("no response to GET /app/ HTTP/1.1 within OriginReadTimeout 1.5 s: "
                + "CloudFront would answer 504");
        assertThat(problem.evidence()).containsExactly(entry("request", "GET /app/ HTTP/1.1"),
                entry("headersSent", HEADERS_SENT), entry("originReadTimeout", "1.5 s"),
                entry("received", "no complete response head within 1.5 s (12 bytes received)"));
    }

    /** The decision {@code ProbeFindings.answerNotHttp}: CloudFront answers 502 and no other code fits. */
    @Test
    void answerThatIsNotHttp_isAnInvalidResponseError_becauseCloudFrontAnswers502() {
        Problem problem = ProbeFindings.http(TARGET,
                new HttpOutcome.Invalid("not an HTTP response: the origin answered 'SSH-2.0-OpenSSH_9.6'"))
                .orElseThrow();

        assertThat(problem.code()).isEqualTo(FindingCode.HTTP_INVALID_RESPONSE);
        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.message()).isEqualTo("the origin did not answer GET /app/ HTTP/1.1 with an HTTP response: "
                + "not an HTTP response: the origin answered 'SSH-2.0-OpenSSH_9.6'; CloudFront would answer 502");
        assertThat(problem.evidence()).containsExactly(entry("request", "GET /app/ HTTP/1.1"),
                entry("headersSent", HEADERS_SENT),
                entry("received", "not an HTTP response: the origin answered 'SSH-2.0-OpenSSH_9.6'"));
    }

    @Test
    void hangUpWithoutAStatusLine_isTheSameDecision() {
        Problem problem = ProbeFindings.http(TARGET,
                new HttpOutcome.Invalid("the origin closed the connection without answering the request"))
                .orElseThrow();

        assertThat(problem.code()).isEqualTo(FindingCode.HTTP_INVALID_RESPONSE);
        assertThat(problem.message()).isEqualTo("the origin did not answer GET /app/ HTTP/1.1 with an HTTP response: "
                + "the origin closed the connection without answering the request; CloudFront would answer 502");
    }

    @Test
    void undiagnosedHandshakeFailure_saysHowItFailed_keepingTheFacts() {
        Problem problem = ProbeFindings.handshakeFailed(ALERT, offer());

        assertThat(problem).isEqualTo(new Problem(FindingCode.TLS_HANDSHAKE_FAILED,
                "the origin sent fatal alert handshake_failure(40)", offer()));
    }

    @Test
    void noServerHelloToAnyOffer_isHandshakeFailed() {
        Problem problem = ProbeFindings.noServerHelloToAnyOffer(ALERT, offer());

        assertThat(problem.code()).isEqualTo(FindingCode.TLS_HANDSHAKE_FAILED);
        assertThat(problem.message()).isEqualTo("the origin sent fatal alert handshake_failure(40); the origin "
                + "completed no ServerHello with any TLS version and suite the checker can offer");
        assertThat(problem.evidence()).isEqualTo(offer());
    }

    @Test
    void originSpeakingOnlyTls13_isNoCommonProtocol_listingBothSides() {
        Problem problem = ProbeFindings.noCommonProtocol(List.of(TlsVersion.TLSV1_3), OFFER, offer());

        assertThat(problem.code()).isEqualTo(FindingCode.TLS_NO_COMMON_PROTOCOL);
        assertThat(problem.message())
                .isEqualTo("origin speaks only TLSv1.3; CloudFront offers TLSv1.1, TLSv1.2 (OriginSslProtocols)");
        assertThat(problem.evidence()).isEqualTo(offer());
    }

    @Test
    void suiteAcceptedWithMoreCurves_isHandshakeFailed_namingCloudFrontsCurves() {
        Problem problem = ProbeFindings.needsACurveOrSignatureNotOffered(ALERT,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsVersion.TLSV1_2, offer());

        assertThat(problem.code()).isEqualTo(FindingCode.TLS_HANDSHAKE_FAILED);
        assertThat(problem.message()).isEqualTo("the origin sent fatal alert handshake_failure(40); the origin "
                + "accepts TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 at TLSv1.2 when offered more curves or signature "
                + "schemes than CloudFront's (X25519, P-256, P-384; RSA PKCS#1 and ECDSA): the origin likely needs "
                + "one CloudFront does not offer");
    }

    @Test
    void onlyOtherSuitesAccepted_isNoCommonCipher_sayingWhetherTheListIsComplete() {
        List<Integer> accepted = List.of(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256);

        Problem complete = ProbeFindings.noCommonCipher(accepted, true, TlsVersion.TLSV1_2, offer());
        Problem partial = ProbeFindings.noCommonCipher(accepted, false, TlsVersion.TLSV1_2, offer());

        assertThat(complete.code()).isEqualTo(FindingCode.TLS_NO_COMMON_CIPHER);
        assertThat(complete.message()).isEqualTo("origin accepts only TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "
                + "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 at TLSv1.2; CloudFront offers none of them");
        assertThat(partial.message()).isEqualTo("origin accepts only TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "
                + "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 (and maybe more) at TLSv1.2; CloudFront offers none of them");
    }

    @Test
    void diagnosisOutOfTime_addsItsBudgetAsTheLastEvidence() {
        Problem problem = ProbeFindings.diagnosisStopped(ProbeFindings.handshakeFailed(ALERT, offer()),
                Duration.ofSeconds(20));

        assertThat(problem.message()).isEqualTo("the origin sent fatal alert handshake_failure(40)");
        assertThat(problem.evidence()).containsExactly(entry("sni", "www.example.com"),
                entry("offered", "TLSv1.1, TLSv1.2"),
                entry("diagnosis", "stopped: its time budget of 20 s was spent"));
    }

    @Test
    void someAddressesNotPublic_isAWarningNamingBothSides() throws Exception {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetAddress reachable = InetAddress.getByAddress(new byte[] {54, (byte) 239, 28, 85});

        Problem problem = ProbeFindings.someNotPublic(TARGET,
                new AddressPolicy.Split(List.of(reachable), List.of(loopback)), CheckerNetwork.notPrivate());

        assertThat(problem.code()).isEqualTo(FindingCode.ORIGIN_SOME_NOT_PUBLIC);
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message()).isEqualTo("origin domain name origin.example.com also resolves to addresses "
                + "CloudFront cannot reach (127.0.0.1 loopback (this host)); only its public addresses were probed "
                + "(54.239.28.85). AWS does not document whether CloudFront skips such an address: a connection "
                + "attempt to one fails");
        assertThat(problem.evidence()).containsExactly(entry("host", "origin.example.com"),
                entry("probed", "54.239.28.85"), entry("notProbed", "127.0.0.1 loopback (this host)"));
    }

    @Test
    void deadlineCutTheResponseWait_isNotCheckedSayingHowFarItGot() {
        Problem problem = ProbeFindings.cutByDeadline(TARGET,
                ProbeFindings.DeadlineStage.AWAITING_RESPONSE_AFTER_HANDSHAKE, Duration.ofMillis(2100),
                Duration.ofSeconds(30));

        assertThat(problem.code()).isEqualTo(FindingCode.NOT_CHECKED_DEADLINE);
        assertThat(problem.message()).isEqualTo("not checked: connected and handshook, no response within the 2.1 s "
                + "the run's deadline left (OriginReadTimeout 30 s)");
        assertThat(problem.evidence()).containsExactly(entry("connection", "origin.example.com:8443"),
                entry("progress", "connected and handshook"), entry("deadlineLeft", "2.1 s"),
                entry("OriginReadTimeout", "30 s"));
    }

    @Test
    void deadlineLeftNoTimeForTheHandshake_saysSo() {
        Problem problem = ProbeFindings.cutByDeadline(TARGET, ProbeFindings.DeadlineStage.HANDSHAKING, Duration.ZERO,
                Duration.ofSeconds(10));

        assertThat(problem.message()).isEqualTo("not checked: connected; the run's deadline left no time for more "
                + "(ConnectionTimeout 10 s)");
    }

    @Test
    void deadlineCutTheConnectionAttempts_listsThoseMade() throws Exception {
        var failed = new TcpConnector.NotConnected(List.of(
                new TcpConnector.Attempt(address(10), TcpConnector.Result.TIMED_OUT, "after 10 s"),
                new TcpConnector.Attempt(address(10), TcpConnector.Result.TIMED_OUT, "after 4 s")), true);

        Problem problem = ProbeFindings.connectCutByDeadline(TARGET, failed, Duration.ofSeconds(14));

        assertThat(problem.message()).isEqualTo("not checked: resolved the name, no TCP connection within the 14 s "
                + "the run's deadline left (ConnectionAttempts × ConnectionTimeout 30 s)");
        assertThat(problem.evidence()).containsEntry("attempts", "2 of 3")
                .containsEntry("attempt2", "192.0.2.10:8443 timed out (after 4 s)");
    }

    @Test
    void connectionWhoseTurnCameAfterTheDeadline_isNotCheckedNotStarted() {
        Problem problem = ProbeFindings.notStarted(TARGET);

        assertThat(problem.code()).isEqualTo(FindingCode.NOT_CHECKED_DEADLINE);
        assertThat(problem.message())
                .isEqualTo("not checked: the run's deadline had passed before this connection's turn came");
    }

    @Test
    void handshakeOverrun_isTheOriginsHandshakeFailure_withWhatItSent() {
        Map<String, Long> records = new LinkedHashMap<>();
        records.put("handshake", 1L);
        records.put("alert", 1024L);
        Map<String, Long> messages = new LinkedHashMap<>();
        messages.put("server_hello", 1L);
        messages.put("alert warning unrecognized_name(112)", 1024L);
        var tally = new TlsRecordMeter.Tally(TlsRecordMeter.Phase.HANDSHAKE, 7234, 1025, records, messages,
                Optional.of("1024 records"));

        Problem problem = ProbeFindings.handshakeOverrun(offer(), tally);

        assertThat(problem.code()).isEqualTo(FindingCode.TLS_HANDSHAKE_FAILED);
        assertThat(problem.message()).isEqualTo("the origin sent 7234 bytes in 1025 records during the TLS handshake "
                + "(server_hello 1, alert warning unrecognized_name(112) 1024) without completing it: more than 1024 "
                + "records, which no real handshake needs (they take a few KiB in about ten records); the checker "
                + "stopped reading there. AWS documents no limit of CloudFront's own");
        assertThat(problem.evidence()).containsExactly(entry("sni", "www.example.com"),
                entry("offered", "TLSv1.1, TLSv1.2"), entry("receivedBytes", "7234"),
                entry("receivedRecords", "1025"), entry("recordTypes", "handshake 1, alert 1024"),
                entry("messagesInClear", "server_hello 1, alert warning unrecognized_name(112) 1024"),
                entry("boundPassed", "1024 records during the TLS handshake"));
    }

    @Test
    void failedHandshakeWithoutTimeForItsDiagnosis_saysWhyItIsUnexplained() {
        Problem problem = ProbeFindings.undiagnosed(ALERT, offer(), Duration.ofMillis(800), Duration.ofSeconds(20));

        assertThat(problem.code()).isEqualTo(FindingCode.TLS_HANDSHAKE_FAILED);
        assertThat(problem.evidence()).containsEntry("diagnosis", "not run: the run's deadline left 800 ms, less "
                + "than the 20 s it may take");
    }

    /** Evidence a TLS finding starts from (in the probe: {@link ProbeFindings#offerEvidence}). */
    private static Map<String, String> offer() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("sni", "www.example.com");
        evidence.put("offered", "TLSv1.1, TLSv1.2");
        return evidence;
    }

    private static ProbeTarget withVersions(List<TlsVersion> versions) {
        return new ProbeTarget(TARGET.originId(), TARGET.scheme(), TARGET.host(), TARGET.port(), TARGET.sni(),
                TARGET.hostHeader(), TARGET.acceptedCertificateNames(), versions, TARGET.connectTimeout(),
                TARGET.connectionAttempts(), TARGET.readTimeout(), TARGET.requestPath(), TARGET.customHeaders(),
                TARGET.behaviors());
    }

    /** 192.0.2.x (TEST-NET-1), built from bytes: no lookup. */
    private static InetAddress address(int last) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) last});
    }
}
