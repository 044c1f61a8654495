package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.TlsProfile;
import dev.cfoc.plan.TlsVersion;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Says why CloudFront's handshake failed, with follow-up handshakes (each on a new connection, each bounded):
 * <ol>
 *   <li>for TLS 1.0, 1.1, 1.2 and 1.3, offer only that version with every suite Bouncy Castle has: the versions
 *       the origin answers with a ServerHello are the ones it speaks (run in parallel);</li>
 *   <li>none of them offered by CloudFront → {@link FindingCode#TLS_NO_COMMON_PROTOCOL};</li>
 *   <li>else, at the best common version, offer CloudFront's suites with every curve and signature scheme: if the
 *       origin picks one, the cipher is not the problem;</li>
 *   <li>otherwise list the suites it accepts (offer all, remove the one picked, repeat; at most
 *       {@link #MAX_CIPHER_ROUNDS}) → {@link FindingCode#TLS_NO_COMMON_CIPHER};</li>
 *   <li>anything unclear → {@link FindingCode#TLS_HANDSHAKE_FAILED} with what was seen.</li>
 * </ol>
 * An origin that answered bytes that are not TLS, wants a client certificate or sends more than the client reads is
 * not diagnosed further. Sequential follow-ups stop at the first one that cannot connect or times out (the origin is
 * unwell; more connections would only add time). The whole diagnosis, connections included, stays within a time
 * budget: each follow-up gets what is left of it, at most the handshake timeout.
 */
final class TlsDiagnosis {

    /** Decision: at most this many suites are enumerated; enough to show what an origin accepts. */
    static final int MAX_CIPHER_ROUNDS = 6;

    private static final List<TlsVersion> DIAGNOSED_VERSIONS =
            List.of(TlsVersion.TLSV1, TlsVersion.TLSV1_1, TlsVersion.TLSV1_2, TlsVersion.TLSV1_3);

    /** Opens a fresh TCP connection to the origin address that accepted the first one, within {@code timeout}. */
    @FunctionalInterface
    interface Connector {
        Socket open(Duration timeout) throws IOException;
    }

    private final Connector connector;
    private final Optional<String> sni;
    private final Duration handshakeTimeout;
    private final Duration budget;
    private final Redaction redaction;
    private long deadlineNanos;

    /**
     * @param budget    the most the whole diagnosis may take, every follow-up connection and handshake included
     * @param redaction how what the origin sends is quoted
     */
    TlsDiagnosis(Connector connector, Optional<String> sni, Duration handshakeTimeout, Duration budget,
                 Redaction redaction) {
        this.connector = connector;
        this.sni = sni;
        this.handshakeTimeout = handshakeTimeout;
        this.budget = budget;
        this.redaction = redaction;
    }

    /** What one follow-up handshake showed. */
    private record Answer(Optional<TlsVersion> version, OptionalInt cipherSuite, String description, boolean unwell) {
        boolean serverHello() {
            return version.isPresent() && cipherSuite.isPresent();
        }
    }

    /**
     * @param offered CloudFront's offer that failed
     * @param failure how it failed
     * @param evidence what is already known (offered versions/suites, SNI); diagnosis adds to a copy
     */
    Problem diagnose(TlsOffer offered, HandshakeOutcome.Failed failure, Map<String, String> evidence) {
        Map<String, String> facts = new LinkedHashMap<>(evidence);
        facts.put("cloudFrontHandshake", failure.description());
        if (failure.needsNoDiagnosis()) {
            return ProbeFindings.handshakeFailed(failure, facts);
        }
        deadlineNanos = System.nanoTime() + budget.toNanos();
        Problem problem = diagnoseWithin(offered, failure, facts);
        return remaining().isZero() ? ProbeFindings.diagnosisStopped(problem, budget) : problem;
    }

    private Problem diagnoseWithin(TlsOffer offered, HandshakeOutcome.Failed failure, Map<String, String> facts) {
        Map<TlsVersion, Answer> byVersion = probeVersions();
        byVersion.forEach((version, answer) -> facts.put("offerOnly" + version.apiName(), answer.description()));
        List<TlsVersion> spoken = byVersion.entrySet().stream()
                .filter(e -> e.getValue().version().equals(Optional.of(e.getKey())))
                .map(Map.Entry::getKey).toList();
        if (spoken.isEmpty()) {
            return ProbeFindings.noServerHelloToAnyOffer(failure, facts);
        }
        facts.put("originSpeaks", TlsNames.versions(spoken));
        List<TlsVersion> common = spoken.stream().filter(offered.versions()::contains).toList();
        if (common.isEmpty()) {
            return ProbeFindings.noCommonProtocol(spoken, offered, facts);
        }
        TlsVersion version = common.getLast();
        return diagnoseCipher(version, byVersion.get(version), offered, failure, facts);
    }

    private Problem diagnoseCipher(TlsVersion version, Answer firstAnswer, TlsOffer offered,
                                   HandshakeOutcome.Failed failure, Map<String, String> facts) {
        Answer withCloudFrontSuites = attempt(TlsOffer.everythingAt(version).withCipherSuites(offered.cipherSuites()));
        facts.put("cloudFrontSuitesWithAllCurvesAndSignatures", withCloudFrontSuites.description());
        if (withCloudFrontSuites.serverHello() && failure.kind() == HandshakeOutcome.Kind.ALERT_RECEIVED) {
            return ProbeFindings.needsACurveOrSignatureNotOffered(failure,
                    withCloudFrontSuites.cipherSuite().getAsInt(), version, facts);
        }
        if (withCloudFrontSuites.serverHello() || withCloudFrontSuites.unwell()) {
            return ProbeFindings.handshakeFailed(failure, facts);
        }
        AcceptedSuites found = acceptedSuites(version, firstAnswer);
        List<Integer> accepted = found.suites();
        facts.put("originAcceptsAt" + version.apiName(), TlsNames.cipherSuites(accepted)
                + (found.complete() ? "" : " (first " + accepted.size() + " found)"));
        if (accepted.isEmpty() || accepted.stream().anyMatch(TlsProfile.CLOUDFRONT_ORIGIN.cipherSuiteCodes()::contains)) {
            return ProbeFindings.handshakeFailed(failure, facts);
        }
        return ProbeFindings.noCommonCipher(accepted, found.complete(), version, facts);
    }

    /** Suites an origin accepted; not complete when the enumeration stopped at its round limit or budget. */
    private record AcceptedSuites(List<Integer> suites, boolean complete) {
    }

    private AcceptedSuites acceptedSuites(TlsVersion version, Answer firstAnswer) {
        List<Integer> accepted = new ArrayList<>();
        if (firstAnswer.serverHello()) {
            accepted.add(firstAnswer.cipherSuite().getAsInt());
        }
        while (accepted.size() < MAX_CIPHER_ROUNDS) {
            Optional<TlsOffer> rest = TlsOffer.everythingAt(version).without(accepted);
            if (rest.isEmpty()) {
                return new AcceptedSuites(accepted, true);
            }
            Answer answer = attempt(rest.get());
            if (answer.unwell()) {
                return new AcceptedSuites(accepted, false);
            }
            if (!answer.serverHello() || accepted.contains(answer.cipherSuite().getAsInt())) {
                return new AcceptedSuites(accepted, true);
            }
            accepted.add(answer.cipherSuite().getAsInt());
        }
        return new AcceptedSuites(accepted, false);
    }

    private Map<TlsVersion, Answer> probeVersions() {
        Map<TlsVersion, Answer> answers = new EnumMap<>(TlsVersion.class);
        // the same kind of thread as the probe's (ProbeRunner.PLATFORM_THREADS_UP_TO: a small run exits sooner)
        ThreadFactory threads = Thread.currentThread().isVirtual() ? Thread.ofVirtual().factory()
                : Thread.ofPlatform().daemon().factory();
        try (var executor = Executors.newThreadPerTaskExecutor(threads)) {
            Map<TlsVersion, Future<Answer>> futures = new LinkedHashMap<>();
            for (TlsVersion version : DIAGNOSED_VERSIONS) {
                futures.put(version, executor.submit(() -> attempt(TlsOffer.everythingAt(version))));
            }
            for (var entry : futures.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("TLS diagnosis failed unexpectedly", e.getCause());
        }
        return answers;
    }

    /** What is left of the budget, at most one handshake timeout; zero when spent. */
    private Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(left, handshakeTimeout.toNanos()));
    }

    private Answer attempt(TlsOffer offer) {
        if (remaining().isZero()) {
            return new Answer(Optional.empty(), OptionalInt.empty(), "not tried: the diagnosis budget of "
                    + Durations.human(budget) + " was spent", true);
        }
        Socket socket;
        try {
            socket = connector.open(remaining());
        } catch (IOException e) {
            return new Answer(Optional.empty(), OptionalInt.empty(), "could not connect: " + e.getMessage(), true);
        }
        try (socket) {
            Duration timeout = remaining();
            if (timeout.isZero()) {
                return new Answer(Optional.empty(), OptionalInt.empty(), "not tried: the diagnosis budget of "
                        + Durations.human(budget) + " was spent", true);
            }
            HandshakeOutcome outcome = TlsHandshaker.handshake(socket, offer, sni, timeout, redaction);
            return switch (outcome) {
                case HandshakeOutcome.Completed done -> new Answer(Optional.of(done.version()),
                        OptionalInt.of(done.cipherSuite()),
                        "handshake completed: " + done.version().apiName() + " " + TlsNames.cipherSuite(done.cipherSuite()),
                        false);
                case HandshakeOutcome.TimedOut timedOut ->
                        new Answer(Optional.empty(), OptionalInt.empty(), timedOut.description(), true);
                case HandshakeOutcome.Overrun overrun -> new Answer(Optional.empty(), OptionalInt.empty(),
                        ProbeFindings.overrunSummary(overrun.tally()), true);
                case HandshakeOutcome.Failed failed -> failedAnswer(failed);
            };
        } catch (IOException e) {
            return new Answer(Optional.empty(), OptionalInt.empty(), "connection failed: " + e.getMessage(), true);
        }
    }

    private static Answer failedAnswer(HandshakeOutcome.Failed failed) {
        if (failed.serverHelloSeen() && failed.serverCipherSuite().isPresent()) {
            return new Answer(failed.serverVersion(), failed.serverCipherSuite(), "ServerHello "
                    + failed.serverVersion().get().apiName() + " "
                    + TlsNames.cipherSuite(failed.serverCipherSuite().getAsInt()) + ", then " + failed.description(),
                    false);
        }
        return new Answer(Optional.empty(), OptionalInt.empty(), "refused: " + failed.description(), false);
    }
}
