package dev.cfoc.probe;

import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.cert.CertificateVerifier;
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

/**
 * Probes one {@link ProbeTarget} the way CloudFront connects: DNS → TCP → TLS (CloudFront's origin profile) →
 * certificate rules → one HTTP/1.1 request. Records timings and every problem on the way ({@link ProbeFindings} words
 * them); never throws for what the origin does (only for bad input, naming the field). Thread-safe: one instance
 * serves a whole run.
 */
public final class OriginProber {

    /** The versions CloudFront can offer and this probe can test: SSLv3 cannot be tested, TLS 1.3 is never offered. */
    static final Set<TlsVersion> OFFERABLE_VERSIONS = Set.of(TlsVersion.TLSV1, TlsVersion.TLSV1_1, TlsVersion.TLSV1_2);

    private final HostResolver resolver;
    private final CertificateVerifier verifier;
    private final Redaction redaction;

    /** A prober that redacts each probe's own custom header values only (tests of one origin). */
    public OriginProber(HostResolver resolver, CertificateVerifier verifier) {
        this(resolver, verifier, Redaction.none());
    }

    /**
     * @param redaction the run's ({@link Redaction#of}): every custom header value of the run, so that an origin
     *                  reflecting another origin's value is redacted too; each probe adds its own values
     */
    public OriginProber(HostResolver resolver, CertificateVerifier verifier, Redaction redaction) {
        this.resolver = resolver;
        this.verifier = verifier;
        this.redaction = redaction;
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
        private final Redaction redaction;
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private Optional<String> address = Optional.empty();
        private Optional<String> tlsVersion = Optional.empty();
        private Optional<String> cipherSuite = Optional.empty();
        private List<CertificateSummary> chain = List.of();
        private OptionalInt httpStatus = OptionalInt.empty();

        Run(ProbeTarget target) {
            this.target = target;
            this.redaction = OriginProber.this.redaction.with(target.customHeaders());
        }

        ProbeResult execute() {
            HttpExchange.request(target); // rejects unusable header values before any connection is made
            List<TlsVersion> versions = target.tlsVersions().stream().filter(OFFERABLE_VERSIONS::contains).toList();
            if (target.isTls() && versions.isEmpty()) {
                problems.add(ProbeFindings.noTestableVersion(target));
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
                    problems.add(ProbeFindings.connectionLost(e));
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
                problems.add(ProbeFindings.unresolvable(target, e));
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
            address = Optional.of(outcome.attempts().getLast().address().getHostAddress());
            return switch (outcome) {
                case TcpConnector.Connected connected -> Optional.of(connected.socket());
                case TcpConnector.NotConnected failed -> {
                    problems.add(ProbeFindings.notConnected(target, addresses, failed));
                    yield Optional.empty();
                }
            };
        }

        private void secure(Socket socket, TlsOffer offer) {
            Map<String, String> evidence = ProbeFindings.offerEvidence(target, offer);
            long start = System.nanoTime();
            HandshakeOutcome outcome = TlsHandshaker.handshake(socket, offer, target.sni(), handshakeTimeout(target),
                    redaction);
            timings.put("tls", Durations.millisSince(start));
            switch (outcome) {
                case HandshakeOutcome.TimedOut timedOut -> problems.add(ProbeFindings.handshakeTimedOut(target,
                        handshakeTimeout(target), evidence, timedOut));
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
                    target.sni(), handshakeTimeout(target), diagnosisBudget(target), redaction);
            problems.add(diagnosis.diagnose(offer, failed, evidence));
            timings.put("tlsDiagnosis", Durations.millisSince(start));
        }

        private void completed(Socket socket, HandshakeOutcome.Completed done) {
            tlsVersion = Optional.of(done.version().apiName());
            cipherSuite = Optional.of(TlsNames.cipherSuite(done.cipherSuite()));
            chain = done.chain().stream().map(CertificateSummary::of).toList();
            ProbeFindings.deprecatedProtocol(target, done).ifPresent(problems::add);
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
            HttpOutcome outcome = HttpExchange.exchange(socket, in, out, target, target.readTimeout(), redaction);
            timings.put("http", Durations.millisSince(start));
            if (outcome instanceof HttpOutcome.Response response) {
                httpStatus = OptionalInt.of(response.status());
            }
            ProbeFindings.http(target, outcome).ifPresent(problems::add);
        }

        private ProbeResult result() {
            List<Problem> redacted = problems.stream().map(redaction::redact).toList();
            return new ProbeResult(target, address, tlsVersion, cipherSuite, chain, httpStatus, timings, redacted);
        }
    }
}
