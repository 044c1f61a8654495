package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.sample.LocalPorts;
import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.testing.FullBacklogListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The probe's main path against real loopback origins: DNS, TCP, TLS, certificate gate, HTTP. */
class OriginProberIT {

    private static final String SECRET = "s3cret-origin-verify-value";
    private static SamplePki.Issued leaf;
    private final OriginProber prober = LoopbackOrigins.prober(
            HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), TestVerifiers.leafNameMatches());

    @BeforeAll
    static void issueCertificates() {
        leaf = SamplePki.create("Prober").issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
    }

    @Test
    void healthyHttpsOrigin_negotiatesTls12EcdheWithoutErrors() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start()) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
            assertThat(result.tlsVersion()).contains("TLSv1.2");
            assertThat(result.cipherSuite()).hasValueSatisfying(s -> assertThat(s).startsWith("TLS_ECDHE_"));
            assertThat(result.certificateChain()).extracting(c -> c.subjectAltNames()).first()
                    .isEqualTo(java.util.List.of(Targets.ORIGIN));
            assertThat(result.httpStatus()).hasValue(200);
            assertThat(result.address()).contains("127.0.0.1");
            assertThat(result.timingsMs()).containsKeys("dns", "connect", "tls", "http");
        }
    }

    @Test
    void healthyHttpOrigin_answers200WithoutTls() {
        try (SampleHttpServer server = SampleHttpServer.start()) {
            ProbeResult result = prober.probe(Targets.http(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).isEmpty();
            assertThat(result.httpStatus()).hasValue(200);
            assertThat(result.tlsVersion()).isEmpty();
            assertThat(result.timingsMs()).containsKeys("dns", "connect", "http").doesNotContainKey("tls");
            assertThat(server.requests()).singleElement().satisfies(request -> assertThat(request)
                    .startsWith("GET / HTTP/1.1\r\nHost: origin.test\r\n")
                    .contains("User-Agent: Amazon CloudFront\r\n", "Via: 1.1 cloudfront-origin-checker\r\n",
                            "Connection: close\r\n"));
        }
    }

    @Test
    void unresolvableName_isReportedAsDnsUnresolvable() {
        ProbeResult result = prober.probe(Targets.https("missing.test", 443).build());

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FindingCode.DNS_UNRESOLVABLE);
            assertThat(p.message()).contains("missing.test");
        });
        assertThat(result.address()).isEmpty();
        assertThat(result.timingsMs()).containsOnlyKeys("dns");
    }

    @Test
    void closedPort_isReportedAsPortUnreachableAfterEveryAttempt() {
        int port = LocalPorts.closedPort();

        ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, port).attempts(3).build());

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FindingCode.PORT_UNREACHABLE);
            assertThat(p.evidence()).containsEntry("attempts", "3").containsEntry("addresses", "127.0.0.1")
                    .containsEntry("attempt3", "127.0.0.1:" + port + " refused");
        });
    }

    @Test
    void refusedFirstAddress_isRetriedOnTheNextAddressWithoutAProblem() throws Exception {
        HostResolver twoAddresses = host -> java.util.List.of(InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.1"));
        OriginProber retrying = LoopbackOrigins.prober(twoAddresses, TestVerifiers.leafNameMatches());
        try (SampleHttpServer server = SampleHttpServer.start()) {
            ProbeResult result = retrying.probe(Targets.http(Targets.ORIGIN, server.port()).attempts(2).build());

            assertThat(result.problems()).isEmpty();
            assertThat(result.address()).contains("127.0.0.1");
            assertThat(result.httpStatus()).hasValue(200);
        }
    }

    @Test
    void customHeaderWithLineBreak_isRejectedNamingTheHeaderNotItsValue() {
        var target = Targets.http(Targets.ORIGIN, 80)
                .headers(new CustomHeader("X-Origin-Verify", Secret.of(SECRET + "\r\nX-Injected: 1"))).build();

        assertThatThrownBy(() -> prober.probe(target)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customHeaders[X-Origin-Verify]:")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void listenerWithFullBacklog_isReportedAsConnectTimeoutAfterEveryAttempt() throws Exception {
        try (FullBacklogListener listener = new FullBacklogListener()) {
            long start = System.nanoTime();
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, listener.port())
                    .connectTimeout(Duration.ofMillis(300)).attempts(2).build());
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.CONNECT_TIMEOUT);
                assertThat(p.evidence()).containsEntry("attempts", "2").containsEntry("connectionTimeout", "300 ms");
            });
            assertThat(elapsedMs).isBetween(550L, 3000L);
        }
    }

    @Test
    void certificateError_stopsBeforeTheHttpRequest() {
        Problem expired = Problem.of(FindingCode.CERT_EXPIRED, "leaf expired");
        OriginProber strict = LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                TestVerifiers.always(expired));
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start()) {
            ProbeResult result = strict.probe(Targets.https(Targets.ORIGIN, server.port())
                    .headers(new CustomHeader("X-Origin-Verify", Secret.of(SECRET))).build());

            assertThat(result.problems()).containsExactly(expired);
            assertThat(result.tlsVersion()).contains("TLSv1.2");
            assertThat(result.certificateChain()).hasSize(2);
            assertThat(result.httpStatus()).isEmpty();
            assertThat(result.timingsMs()).doesNotContainKey("http");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void certificateWarning_stillSendsTheHttpRequest() {
        Problem expiringSoon = Problem.of(FindingCode.CERT_EXPIRING_SOON, "leaf expires in 3 days");
        OriginProber lenient = LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                TestVerifiers.always(expiringSoon));
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start()) {
            ProbeResult result = lenient.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.problems()).containsExactly(expiringSoon);
            assertThat(result.httpStatus()).hasValue(200);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void customHeaders_reachTheOriginButNeverTheResult() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).httpStatus(503).start()) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port())
                    .headers(new CustomHeader("X-Origin-Verify", Secret.of(SECRET))).build());

            assertThat(server.requests()).singleElement().satisfies(request ->
                    assertThat(request).contains("X-Origin-Verify: " + SECRET + "\r\n"));
            assertThat(result.problems()).extracting(Problem::code).containsExactly(FindingCode.HTTP_5XX);
            assertThat(result.problems().getFirst().evidence())
                    .containsEntry("headersSent", "Host, User-Agent, Via, X-Origin-Verify, Connection");
            assertThat(result.toString()).doesNotContain(SECRET);
            assertThat(result.problems()).allSatisfy(p -> {
                assertThat(p.message()).doesNotContain(SECRET);
                assertThat(p.evidence().values()).noneMatch(v -> v.contains(SECRET));
            });
        }
    }

    @Test
    void customHeaderValueQuotedByTheOriginBeforeAnyRequest_isRedactedFromTheResult() {
        // not TLS: an origin that answers a ClientHello with a line naming the secret it expects
        byte[] answer = ("403 X-Origin-Verify must be " + SECRET + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(SampleTlsServer.Behaviour.GARBAGE)
                .garbage(answer).start()) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port())
                    .headers(new CustomHeader("X-Origin-Verify", Secret.of(SECRET))).build());

            assertThat(server.requestCount()).as("the header was never sent: no handshake").isZero();
            assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.message() + p.evidence()).contains("X-Origin-Verify must be " + Secret.REDACTED)
                        .doesNotContain(SECRET);
            });
        }
    }

    @Test
    void status503_isReportedAsHttp5xxWithTheStatusLine() {
        try (SampleHttpServer server = SampleHttpServer.start(503, Duration.ZERO)) {
            ProbeResult result = prober.probe(Targets.http(Targets.ORIGIN, server.port()).build());

            assertThat(result.httpStatus()).hasValue(503);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.HTTP_5XX);
                assertThat(p.message()).contains("HTTP/1.1 503 Service Unavailable");
                assertThat(p.evidence()).containsEntry("statusLine", "HTTP/1.1 503 Service Unavailable");
            });
        }
    }

    @Test
    void redirect_isRecordedAndNotFollowed() {
        try (SampleHttpServer server = SampleHttpServer.start(301, Duration.ZERO)) {
            ProbeResult result = prober.probe(Targets.http(Targets.ORIGIN, server.port()).build());

            assertThat(result.httpStatus()).hasValue(301);
            assertThat(result.problems()).isEmpty();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void slowResponse_isReportedAsOriginReadTimeoutAtTheDeadline() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).responseDelay(Duration.ofSeconds(4)).start()) {
            long start = System.nanoTime();
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port())
                    .readTimeout(Duration.ofSeconds(1)).build());
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.ORIGIN_READ_TIMEOUT);
                assertThat(p.message()).contains("504");
                assertThat(p.evidence()).containsEntry("originReadTimeout", "1 s");
            });
            assertThat(result.httpStatus()).isEmpty();
            assertThat(result.timingsMs().get("http")).isBetween(950L, 2000L);
            assertThat(elapsedMs).isLessThan(3000L);
        }
    }

    @Test
    void answerThatIsNotHttp_isReportedAsInvalidResponse() {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).behaviour(SampleTlsServer.Behaviour.GARBAGE)
                .start()) {
            ProbeResult result = prober.probe(Targets.http(Targets.ORIGIN, server.port()).build());

            assertThat(result.httpStatus()).isEmpty();
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.HTTP_INVALID_RESPONSE);
                assertThat(p.message()).contains("'SSH-2.0-OpenSSH_9.6'", "502");
            });
        }
    }

    @Test
    void hugeResponseHead_isCutAtTheCapKeepsTheStatusAndIsAnInvalidResponse() throws Exception {
        try (ServerSocket origin = new ServerSocket()) {
            origin.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread server = Thread.ofVirtual().start(() -> serveEndlessHeaders(origin));

            ProbeResult result = prober.probe(Targets.http(Targets.ORIGIN, origin.getLocalPort()).build());

            assertThat(result.httpStatus()).hasValue(500);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.HTTP_INVALID_RESPONSE);
                assertThat(p.evidence()).containsEntry("statusLine", "HTTP/1.1 500 Internal Server Error");
                assertThat(p.evidence()).containsEntry("responseHead",
                        "longer than " + HttpExchange.MAX_RESPONSE_HEAD_BYTES + " bytes; reading stopped there");
            });
            server.interrupt();
        }
    }

    @Test
    void sniDependentCertificate_isTheOneCaptured() {
        SamplePki.Issued other = SamplePki.create("Other").issueLeaf(SamplePki.LeafSpec.forNames("other.test"));
        OriginProber otherNames = LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                TestVerifiers.leafNameMatches());
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).credentialsFor("other.test", other).start()) {
            ProbeResult result = otherNames.probe(Targets.https(Targets.ORIGIN, server.port()).sni("other.test").build());

            assertThat(result.certificateChain().getFirst().subjectAltNames()).containsExactly("other.test");
            assertThat(result.problems()).isEmpty();
            assertThat(server.clientHellos()).singleElement()
                    .satisfies(hello -> assertThat(hello.serverName()).contains("other.test"));
        }
    }

    @Test
    void chainInWrongOrder_isCapturedInTheOrderSent() {
        SamplePki.Issued reversed = new SamplePki.Issued(leaf.certificate(), leaf.privateKey(),
                leaf.chain().reversed());
        try (SampleTlsServer server = SampleTlsServer.builder(reversed).start()) {
            ProbeResult result = prober.probe(Targets.https(Targets.ORIGIN, server.port()).build());

            assertThat(result.certificateChain()).extracting(c -> c.subject())
                    .containsExactly(leaf.chain().get(1).getSubjectX500Principal().getName(),
                            leaf.certificate().getSubjectX500Principal().getName());
        }
    }

    private static void serveEndlessHeaders(ServerSocket origin) {
        try (Socket socket = origin.accept()) {
            socket.getInputStream().read(new byte[8192]);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 500 Internal Server Error\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = ("X-Padding: " + "x".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(line);
            }
            out.flush();
        } catch (java.io.IOException e) {
            // the probe stops reading at the cap and hangs up: expected
        }
    }
}
