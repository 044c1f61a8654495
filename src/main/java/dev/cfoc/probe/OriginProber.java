package dev.cfoc.probe;

import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.cert.CertificateVerifier;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.TlsVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Probes one {@link ProbeTarget} the way CloudFront connects: DNS → TCP → TLS (CloudFront's origin profile) →
 * certificate rules → one HTTP/1.1 request. Records timings and every problem on the way; never throws for what the
 * origin does (only for bad input, naming the field). Thread-safe: one instance serves a whole run.
 */
public final class OriginProber {

    /** The versions CloudFront can offer and this probe can test: SSLv3 cannot be tested, TLS 1.3 is never offered. */
    static final Set<TlsVersion> OFFERABLE_VERSIONS = Set.of(TlsVersion.TLSV1, TlsVersion.TLSV1_1, TlsVersion.TLSV1_2);

    private final HostResolver resolver;
    private final CertificateVerifier verifier;

    public OriginProber(HostResolver resolver, CertificateVerifier verifier) {
        this.resolver = resolver;
        this.verifier = verifier;
    }

    /**
     * Decision: AWS documents no TLS handshake timeout, so the whole handshake (ClientHello to Finished) is bounded
     * by the origin's ConnectionTimeout, as an absolute deadline.
     */
    public static Duration handshakeTimeout(ProbeTarget target) {
        return target.connectTimeout();
    }

    /**
     * Decision: follow-up handshakes that explain a failed handshake (all of them, connections included) take at most
     * twice the handshake timeout. They are the checker's own work, not CloudFront's: they must not turn one slow
     * origin into the slowest part of a run.
     */
    public static Duration diagnosisBudget(ProbeTarget target) {
        return handshakeTimeout(target).multipliedBy(2);
    }

    /**
     * The longest one probe of {@code target} can take, DNS excluded (bounded by {@link HostResolver}): every
     * connection attempt ({@code ConnectionAttempts × ConnectionTimeout}), the handshake ({@link #handshakeTimeout}),
     * then either the response head ({@code OriginReadTimeout}) or, when the handshake failed, its diagnosis
     * ({@link #diagnosisBudget}). Each step is bounded by an absolute deadline; this is their sum.
     */
    public static Duration deadline(ProbeTarget target) {
        Duration afterHandshake = target.readTimeout().compareTo(diagnosisBudget(target)) > 0
                ? target.readTimeout() : diagnosisBudget(target);
        return target.connectTimeout().multipliedBy(Math.max(1, target.connectionAttempts()))
                .plus(handshakeTimeout(target)).plus(afterHandshake);
    }

    public ProbeResult probe(ProbeTarget target) {
        return new Run(target).execute();
    }

    /** The state of one probe while it runs. */
    private final class Run {
        private final ProbeTarget target;
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private Optional<String> address = Optional.empty();
        private Optional<String> tlsVersion = Optional.empty();
        private Optional<String> cipherSuite = Optional.empty();
        private List<CertificateSummary> chain = List.of();
        private OptionalInt httpStatus = OptionalInt.empty();

        Run(ProbeTarget target) {
            this.target = target;
        }

        ProbeResult execute() {
            HttpExchange.request(target); // rejects unusable header values before any connection is made
            List<TlsVersion> versions = target.tlsVersions().stream().filter(OFFERABLE_VERSIONS::contains).toList();
            if (target.isTls() && versions.isEmpty()) {
                problems.add(Problem.of(FindingCode.ORIGIN_NOT_PROBED, "OriginSslProtocols lists no version that can "
                        + "be tested (" + TlsNames.versions(target.tlsVersions()) + "); SSLv3 cannot be tested by a "
                        + "modern TLS stack").withEvidence("tlsVersions", TlsNames.versions(target.tlsVersions())));
                return result();
            }
            resolve().ifPresent(addresses -> connect(addresses).ifPresent(socket -> {
                try (socket) {
                    if (target.isTls()) {
                        secure(socket, TlsOffer.cloudFront(versions));
                    } else {
                        http(socket, socket.getInputStream(), socket.getOutputStream());
                    }
                } catch (IOException e) {
                    problems.add(Problem.of(FindingCode.PORT_UNREACHABLE, "the connection failed right after it was "
                            + "opened: " + e.getMessage()));
                }
            }));
            return result();
        }

        private Optional<List<InetAddress>> resolve() {
            long start = System.nanoTime();
            try {
                List<InetAddress> addresses = resolver.resolve(target.host());
                if (addresses.isEmpty()) {
                    throw new UnknownHostException(target.host() + ": no address");
                }
                return Optional.of(addresses);
            } catch (UnknownHostException e) {
                problems.add(Problem.of(FindingCode.DNS_UNRESOLVABLE, "origin domain name " + target.host()
                                + " does not resolve")
                        .withEvidence("host", target.host())
                        .withEvidence("resolver", String.valueOf(e.getMessage())));
                return Optional.empty();
            } finally {
                timings.put("dns", Durations.millisSince(start));
            }
        }

        private Optional<Socket> connect(List<InetAddress> addresses) {
            long start = System.nanoTime();
            TcpConnector.Outcome outcome = TcpConnector.connect(addresses, target.port(), target.connectTimeout(),
                    target.connectionAttempts());
            timings.put("connect", Durations.millisSince(start));
            InetAddress last = outcome.attempts().getLast().address();
            address = Optional.of(last.getHostAddress());
            if (outcome instanceof TcpConnector.Connected connected) {
                return Optional.of(connected.socket());
            }
            TcpConnector.NotConnected failed = (TcpConnector.NotConnected) outcome;
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("attempts", String.valueOf(failed.attempts().size()));
            evidence.put("addresses", addresses.stream().map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(", ")));
            evidence.put("connectionTimeout", Durations.human(target.connectTimeout()));
            for (int i = 0; i < failed.attempts().size(); i++) {
                evidence.put("attempt" + (i + 1), failed.attempts().get(i).describe(target.port()));
            }
            String where = target.host() + ":" + target.port();
            problems.add(failed.anyTimedOut()
                    ? new Problem(FindingCode.CONNECT_TIMEOUT, where + " did not accept a TCP connection within "
                    + Durations.human(target.connectTimeout()) + " (" + failed.attempts().size() + " attempts)", evidence)
                    : new Problem(FindingCode.PORT_UNREACHABLE, where + " refused the TCP connection ("
                    + failed.attempts().size() + " attempts)", evidence));
            return Optional.empty();
        }

        private void secure(Socket socket, TlsOffer offer) {
            Map<String, String> evidence = tlsEvidence(offer);
            long start = System.nanoTime();
            HandshakeOutcome outcome = TlsHandshaker.handshake(socket, offer, target.sni(), handshakeTimeout(target));
            timings.put("tls", Durations.millisSince(start));
            switch (outcome) {
                case HandshakeOutcome.TimedOut timedOut -> problems.add(new Problem(FindingCode.TLS_HANDSHAKE_TIMEOUT,
                        "TLS handshake with " + target.host() + ":" + target.port() + " not complete after "
                                + Durations.human(handshakeTimeout(target)) + " (bounded by ConnectionTimeout)",
                        with(evidence, "received", timedOut.description())));
                case HandshakeOutcome.Failed failed -> diagnose(socket, offer, failed, evidence);
                case HandshakeOutcome.Completed done -> completed(socket, done);
            }
        }

        private void diagnose(Socket socket, TlsOffer offer, HandshakeOutcome.Failed failed,
                              Map<String, String> evidence) {
            chain = failed.chain().stream().map(CertificateSummary::of).toList();
            InetAddress peer = socket.getInetAddress();
            long start = System.nanoTime();
            TlsDiagnosis diagnosis = new TlsDiagnosis(timeout -> TcpConnector.open(peer, target.port(), timeout),
                    target.sni(), handshakeTimeout(target), diagnosisBudget(target));
            problems.add(diagnosis.diagnose(offer, failed, evidence));
            timings.put("tlsDiagnosis", Durations.millisSince(start));
        }

        private void completed(Socket socket, HandshakeOutcome.Completed done) {
            tlsVersion = Optional.of(done.version().apiName());
            cipherSuite = Optional.of(TlsNames.cipherSuite(done.cipherSuite()));
            chain = done.chain().stream().map(CertificateSummary::of).toList();
            if (done.version().isDeprecated()) {
                problems.add(Problem.of(FindingCode.TLS_DEPRECATED_PROTOCOL, "the origin negotiated "
                                + done.version().apiName() + " with CloudFront's offer")
                        .withEvidence("offeredVersions", TlsNames.versions(target.tlsVersions()))
                        .withEvidence("negotiated", done.version().apiName() + " " + cipherSuite.get()));
            }
            List<Problem> certificateProblems = verify(done.chain());
            problems.addAll(certificateProblems);
            if (certificateProblems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
                // CloudFront drops the connection here; sending the request would also hand the custom
                // headers (often a shared secret) to an origin that failed authentication.
                TlsHandshaker.closeQuietly(done.protocol()::close);
                return;
            }
            try {
                http(socket, done.protocol().getInputStream(), done.protocol().getOutputStream());
            } finally {
                TlsHandshaker.closeQuietly(done.protocol()::close);
            }
        }

        private List<Problem> verify(List<X509Certificate> certificates) {
            return List.copyOf(verifier.verify(certificates, target.acceptedCertificateNames()));
        }

        private void http(Socket socket, InputStream in, OutputStream out) {
            long start = System.nanoTime();
            try {
                socket.setSoTimeout(Durations.socketMillis(target.readTimeout()));
            } catch (SocketException e) {
                // the watchdog still bounds the read
            }
            HttpOutcome outcome = HttpExchange.exchange(socket, in, out, target, target.readTimeout());
            timings.put("http", Durations.millisSince(start));
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("request", HttpExchange.requestLine(target));
            evidence.put("headersSent", String.join(", ", HttpExchange.headerNamesSent(target)));
            switch (outcome) {
                case HttpOutcome.Response response -> {
                    httpStatus = OptionalInt.of(response.status());
                    if (response.truncated()) {
                        problems.add(oversizedHead(response, evidence));
                    } else if (response.status() >= 500) {
                        evidence.put("statusLine", response.statusLine());
                        problems.add(new Problem(FindingCode.HTTP_5XX, "the origin answered '" + response.statusLine()
                                + "' to " + HttpExchange.requestLine(target) + " (Host: " + target.hostHeader() + ")",
                                evidence));
                    }
                }
                case HttpOutcome.TimedOut timedOut -> {
                    evidence.put("originReadTimeout", Durations.human(target.readTimeout()));
                    evidence.put("received", timedOut.description());
                    problems.add(new Problem(FindingCode.ORIGIN_READ_TIMEOUT, "no response to "
                            + HttpExchange.requestLine(target) + " within OriginReadTimeout "
                            + Durations.human(target.readTimeout()) + ": CloudFront would answer 504", evidence));
                }
                case HttpOutcome.Invalid invalid -> problems.add(invalidResponse(invalid, evidence));
            }
        }

        /**
         * Decision: a response head longer than {@link HttpExchange#MAX_RESPONSE_HEAD_BYTES} is an invalid response
         * (ERROR). AWS documents no limit on origin response headers, but proxies reject heads far smaller than this.
         */
        private Problem oversizedHead(HttpOutcome.Response response, Map<String, String> evidence) {
            evidence.put("statusLine", response.statusLine());
            evidence.put("responseHead", "longer than " + HttpExchange.MAX_RESPONSE_HEAD_BYTES
                    + " bytes; reading stopped there");
            return new Problem(FindingCode.HTTP_INVALID_RESPONSE, "the origin answered '" + response.statusLine()
                    + "' to " + HttpExchange.requestLine(target) + " with a response head (status line and headers) "
                    + "longer than " + HttpExchange.MAX_RESPONSE_HEAD_BYTES + " bytes; AWS documents no limit, but a "
                    + "head this large is far beyond what proxies accept: CloudFront would likely answer 502",
                    evidence);
        }

        /**
         * Decision (to confirm with the lead): an answer that is not HTTP (garbage, or a hang-up without a status
         * line) gets its own code, HTTP_INVALID_RESPONSE (ERROR): CloudFront answers 502 and no other code fits.
         */
        private Problem invalidResponse(HttpOutcome.Invalid invalid, Map<String, String> evidence) {
            evidence.put("received", invalid.description());
            return new Problem(FindingCode.HTTP_INVALID_RESPONSE, "the origin did not answer " + HttpExchange.requestLine(target)
                    + " with an HTTP response: " + invalid.description() + "; CloudFront would answer 502", evidence);
        }

        private Map<String, String> tlsEvidence(TlsOffer offer) {
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("sni", target.sni().orElse("(none)"));
            evidence.put("offeredVersions", TlsNames.versions(offer.versions().reversed()));
            evidence.put("offeredCipherSuites", TlsNames.cipherSuites(offer.cipherSuites()));
            return evidence;
        }

        private ProbeResult result() {
            List<Problem> redacted = problems.stream().map(p -> Redaction.redact(p, target.customHeaders())).toList();
            return new ProbeResult(target, address, tlsVersion, cipherSuite, chain, httpStatus, timings, redacted);
        }
    }

    private static Map<String, String> with(Map<String, String> evidence, String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return more;
    }
}
