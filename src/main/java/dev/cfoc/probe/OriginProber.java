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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes one {@link ProbeTarget} the way CloudFront connects: DNS → TCP → TLS (CloudFront's origin profile) →
 * certificate rules → one HTTP/1.1 request. Records timings and every problem on the way ({@link ProbeFindings} words
 * them); never throws for what the origin does (only for bad input, naming the field). Connects only to the addresses
 * its {@link AddressPolicy} allows. Within a run ({@link ProbeRunner}) a probe is two steps: {@link #resolve} (DNS and
 * the address policy), then {@link #probe(Resolution.Resolved, Deadline, ConnectOnce)} with every wait capped to what
 * the run's deadline leaves. Thread-safe: one instance serves a whole run, and decodes each distinct server certificate
 * of the run once ({@link ServerCertificates}).
 */
public final class OriginProber {

    /** The versions CloudFront can offer and this probe can test: SSLv3 cannot be tested, TLS 1.3 is never offered. */
    static final Set<TlsVersion> OFFERABLE_VERSIONS = Set.of(TlsVersion.TLSV1, TlsVersion.TLSV1_1, TlsVersion.TLSV1_2);

    private final HostResolver resolver;
    private final CertificateVerifier verifier;
    private final AddressPolicy addressPolicy;
    private final RouteCheck routes;
    private final Redaction redaction;
    private final ServerCertificates certificates = ServerCertificates.forRun();

    /** @param addressPolicy which resolved addresses may be connected to (public ones only, unless a lab opts in) */
    public OriginProber(HostResolver resolver, CertificateVerifier verifier, AddressPolicy addressPolicy) {
        this(resolver, verifier, addressPolicy, RouteCheck.SYSTEM, Redaction.none());
    }

    /**
     * @param routes    whether this machine can route to an address (the system's, except in tests)
     * @param redaction the run's ({@link Redaction#of}): every custom header value of the run, so that an origin
     *                  reflecting another origin's value is redacted too; each probe adds its own values
     */
    public OriginProber(HostResolver resolver, CertificateVerifier verifier, AddressPolicy addressPolicy,
                        RouteCheck routes, Redaction redaction) {
        this.resolver = resolver;
        this.verifier = verifier;
        this.addressPolicy = addressPolicy;
        this.routes = routesOnce(routes);
        this.redaction = redaction;
    }

    /** Each address's route is looked up once per run (the kernel's answer opens a socket each time). */
    private static RouteCheck routesOnce(RouteCheck routes) {
        Map<InetAddress, Boolean> known = new ConcurrentHashMap<>();
        return address -> known.computeIfAbsent(address, routes::routable);
    }

    /** The most connecting may take, as CloudFront waits: {@code ConnectionAttempts × ConnectionTimeout}. */
    static Duration connectBudget(ProbeTarget target) {
        return target.connectTimeout().multipliedBy(Math.max(1, target.connectionAttempts()));
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
     * connection attempt ({@link #connectBudget}), the handshake ({@link #handshakeTimeout}),
     * then either the response head ({@code OriginReadTimeout}) or, when the handshake failed, its diagnosis
     * ({@link #diagnosisBudget}). Each step is bounded by an absolute deadline; this is their sum.
     */
    public static Duration deadline(ProbeTarget target) {
        Duration afterHandshake = target.readTimeout().compareTo(diagnosisBudget(target)) > 0
                ? target.readTimeout() : diagnosisBudget(target);
        return connectBudget(target).plus(handshakeTimeout(target)).plus(afterHandshake);
    }

    /** Probes {@code target} on its own: no deadline, no connection shared with other probes. */
    public ProbeResult probe(ProbeTarget target) {
        return switch (resolve(target)) {
            case Resolution.Stopped stopped -> stopped.result();
            case Resolution.Resolved resolved -> probe(resolved, Deadline.none(), new ConnectOnce());
        };
    }

    /** What DNS and the address policy gave a probe: addresses to connect to, or its result when it ends there. */
    sealed interface Resolution {

        /** The probe goes on; {@link #addresses()} are the ones it may connect to, in the resolver's order. */
        final class Resolved implements Resolution {
            private final Run run;
            private final List<InetAddress> addresses;

            private Resolved(Run run, List<InetAddress> addresses) {
                this.run = run;
                this.addresses = List.copyOf(addresses);
            }

            List<InetAddress> addresses() {
                return addresses;
            }
        }

        /** The probe ended before connecting (no testable version, no address, no address CloudFront can reach). */
        record Stopped(ProbeResult result) implements Resolution {
        }
    }

    /** The first step of a probe: checks the target, resolves its name and applies the address policy. */
    Resolution resolve(ProbeTarget target) {
        return new Run(target).resolve();
    }

    /** The second step: connect, TLS, certificates, HTTP; every wait capped to what {@code deadline} leaves. */
    ProbeResult probe(Resolution.Resolved resolved, Deadline deadline, ConnectOnce connections) {
        return resolved.run.connectAndProbe(resolved.addresses, deadline, connections);
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
        private List<TlsVersion> versions = List.of();
        private Deadline deadline = Deadline.none();

        Run(ProbeTarget target) {
            this.target = target;
            this.redaction = OriginProber.this.redaction.with(target.customHeaders());
        }

        Resolution resolve() {
            HttpExchange.request(target); // rejects unusable header values before any connection is made
            versions = target.tlsVersions().stream().filter(OFFERABLE_VERSIONS::contains).toList();
            if (target.isTls() && versions.isEmpty()) {
                problems.add(ProbeFindings.noTestableVersion(target));
                return new Resolution.Stopped(result());
            }
            Optional<List<InetAddress>> resolved = lookUp().flatMap(this::inFamily);
            if (resolved.isEmpty()) {
                return new Resolution.Stopped(result());
            }
            // a VPC origin's private endpoint is reached from inside its VPC: private addresses are expected there
            AddressPolicy policy = target.vpcOriginId().isPresent() ? AddressPolicy.allowPrivate() : addressPolicy;
            AddressPolicy.Split split = policy.split(resolved.get());
            if (split.probed().isEmpty()) {
                problems.add(ProbeFindings.notPublic(target, split.notProbed(), policy.network()));
                return new Resolution.Stopped(result());
            }
            if (!split.notProbed().isEmpty()) {
                problems.add(ProbeFindings.someNotPublic(target, split, policy.network()));
            }
            return new Resolution.Resolved(this, split.probed());
        }

        ProbeResult connectAndProbe(List<InetAddress> addresses, Deadline runDeadline, ConnectOnce connections) {
            this.deadline = runDeadline;
            connect(addresses, connections).ifPresent(socket -> {
                try (socket) {
                    if (target.isTls()) {
                        secure(socket, TlsOffer.cloudFront(versions));
                    } else {
                        http(socket, socket.getInputStream(), socket.getOutputStream(), Optional.empty());
                    }
                } catch (IOException e) {
                    problems.add(ProbeFindings.connectionLost(e));
                }
            });
            return result();
        }

        private Optional<List<InetAddress>> lookUp() {
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

        /** The resolved addresses of the target's family ({@link AddressFamilies}). */
        private Optional<List<InetAddress>> inFamily(List<InetAddress> resolved) {
            return switch (AddressFamilies.select(target, resolved, routes)) {
                case AddressFamilies.Selection.Usable usable -> Optional.of(usable.addresses());
                case AddressFamilies.Selection.Unusable unusable -> {
                    unusable.problem().ifPresent(problems::add);
                    yield Optional.empty();
                }
            };
        }

        private Optional<Socket> connect(List<InetAddress> addresses, ConnectOnce connections) {
            long start = System.nanoTime();
            Duration left = deadline.cap(connectBudget(target));
            ConnectOnce.Result connection = connections.connect(addresses, target.port(), target.connectTimeout(),
                    target.connectionAttempts(), deadline);
            timings.put("connect", Durations.millisSince(start));
            List<TcpConnector.Attempt> attempts = connection.outcome().attempts();
            if (!attempts.isEmpty()) {
                address = Optional.of(attempts.getLast().address().getHostAddress());
            }
            return switch (connection.outcome()) {
                case TcpConnector.Connected connected -> Optional.of(connected.socket());
                case TcpConnector.NotConnected failed when failed.cutByDeadline() -> {
                    problems.add(ProbeFindings.connectCutByDeadline(target, failed, left));
                    yield Optional.empty();
                }
                case TcpConnector.NotConnected failed -> {
                    problems.add(ProbeFindings.notConnected(target, addresses, failed, connection.shared()));
                    yield Optional.empty();
                }
            };
        }

        private void secure(Socket socket, TlsOffer offer) {
            Duration timeout = handshakeTimeout(target);
            Duration wait = deadline.cap(timeout);
            if (wait.isZero()) {
                problems.add(ProbeFindings.cutByDeadline(target, ProbeFindings.DeadlineStage.HANDSHAKING, wait, timeout));
                return;
            }
            long start = System.nanoTime();
            HandshakeOutcome outcome = TlsHandshaker.handshake(socket, offer, target.sni(), wait, redaction,
                    certificates);
            timings.put("tls", Durations.millisSince(start));
            switch (outcome) {
                case HandshakeOutcome.TimedOut timedOut when wait.compareTo(timeout) < 0 -> problems.add(
                        ProbeFindings.cutByDeadline(target, ProbeFindings.DeadlineStage.HANDSHAKING, wait, timeout));
                case HandshakeOutcome.TimedOut timedOut -> problems.add(ProbeFindings.handshakeTimedOut(target,
                        timeout, ProbeFindings.offerEvidence(target, offer), timedOut));
                case HandshakeOutcome.Overrun overrun -> problems.add(ProbeFindings.handshakeOverrun(
                        ProbeFindings.offerEvidence(target, offer), overrun.tally()));
                case HandshakeOutcome.Failed failed ->
                        diagnose(socket, offer, failed, ProbeFindings.offerEvidence(target, offer));
                case HandshakeOutcome.Completed done -> completed(socket, done);
            }
        }

        /**
         * Follow-up handshakes that say why CloudFront's failed; not run when the deadline leaves less than they may
         * take (a diagnosis cut short could not tell "no answer" from "no time").
         */
        private void diagnose(Socket socket, TlsOffer offer, HandshakeOutcome.Failed failed,
                              Map<String, String> evidence) {
            chain = failed.chain().stream().map(certificates::summary).toList();
            Duration budget = diagnosisBudget(target);
            Duration left = deadline.cap(budget);
            if (left.compareTo(budget) < 0 && !failed.needsNoDiagnosis()) {
                problems.add(ProbeFindings.undiagnosed(failed, evidence, left, budget));
                return;
            }
            InetAddress peer = socket.getInetAddress();
            long start = System.nanoTime();
            TlsDiagnosis diagnosis = new TlsDiagnosis(timeout -> TcpConnector.open(peer, target.port(), timeout),
                    target.sni(), handshakeTimeout(target), budget, redaction);
            problems.add(diagnosis.diagnose(offer, failed, evidence));
            timings.put("tlsDiagnosis", Durations.millisSince(start));
        }

        private void completed(Socket socket, HandshakeOutcome.Completed done) {
            tlsVersion = Optional.of(done.version().apiName());
            cipherSuite = Optional.of(TlsNames.cipherSuite(done.cipherSuite()));
            chain = done.chain().stream().map(certificates::summary).toList();
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
                done.meter().startResponse();
                http(socket, done.protocol().getInputStream(), done.protocol().getOutputStream(),
                        Optional.of(done.meter()));
            } finally {
                TlsHandshaker.closeQuietly(done.protocol()::close);
            }
        }

        private List<Problem> verify(List<X509Certificate> certificates) {
            return List.copyOf(verifier.verify(certificates, target.acceptedCertificateNames()));
        }

        /** @param meter bounds what a TLS origin sends (empty for plain HTTP: the head's own bound suffices) */
        private void http(Socket socket, InputStream in, OutputStream out, Optional<TlsRecordMeter> meter) {
            ProbeFindings.DeadlineStage stage = meter.isPresent()
                    ? ProbeFindings.DeadlineStage.AWAITING_RESPONSE_AFTER_HANDSHAKE
                    : ProbeFindings.DeadlineStage.AWAITING_RESPONSE;
            Duration timeout = target.readTimeout();
            Duration wait = deadline.cap(timeout);
            if (wait.isZero()) {
                problems.add(ProbeFindings.cutByDeadline(target, stage, wait, timeout));
                return;
            }
            long start = System.nanoTime();
            try {
                socket.setSoTimeout(Durations.socketMillis(wait));
            } catch (SocketException e) {
                // the watchdog still bounds the read
            }
            HttpOutcome outcome = HttpExchange.exchange(socket, in, out, target, wait, redaction);
            timings.put("http", Durations.millisSince(start));
            if (outcome instanceof HttpOutcome.Response response) {
                httpStatus = OptionalInt.of(response.status());
            }
            Optional<TlsRecordMeter.Tally> overrun = meter.flatMap(TlsRecordMeter::exceeded);
            if (overrun.isPresent()) {
                problems.add(ProbeFindings.responseOverrun(target, overrun.get()));
            } else if (outcome instanceof HttpOutcome.TimedOut && wait.compareTo(timeout) < 0) {
                problems.add(ProbeFindings.cutByDeadline(target, stage, wait, timeout));
            } else {
                ProbeFindings.http(target, outcome).ifPresent(problems::add);
            }
        }

        private ProbeResult result() {
            List<Problem> redacted = problems.stream().map(redaction::redact).toList();
            return new ProbeResult(target, address, tlsVersion, cipherSuite, chain, httpStatus, timings, redacted);
        }
    }
}
