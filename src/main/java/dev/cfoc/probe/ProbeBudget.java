package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;

import java.time.Duration;

/** What a run's {@link Deadline} must still leave for a probe to start, and the result of a probe never started. */
public final class ProbeBudget {

    private ProbeBudget() {
    }

    /**
     * Decision: the most one probe may take, from its origin's settings: ConnectionAttempts × ConnectionTimeout (TCP),
     * plus ConnectionTimeout (the TLS handshake, HTTPS only), plus OriginReadTimeout (the response head). Not counted:
     * DNS (one lookup per name per run, bounded by {@link HostResolver#SYSTEM_LOOKUP_TIMEOUT}) and the follow-up
     * handshakes that explain a failed handshake; the margin the caller keeps below its hard limit covers them.
     */
    public static Duration worstCase(ProbeTarget target) {
        Duration connect = target.connectTimeout().multipliedBy(Math.max(1, target.connectionAttempts()));
        Duration handshake = target.isTls() ? OriginProber.handshakeTimeout(target) : Duration.ZERO;
        return connect.plus(handshake).plus(target.readTimeout());
    }

    /** The result of a probe that was not started because the deadline left less than its worst case. */
    static ProbeResult notChecked(ProbeTarget target, Duration left) {
        Duration needed = worstCase(target);
        Problem problem = Problem.of(FindingCode.NOT_CHECKED_DEADLINE, "not checked: " + Durations.human(left)
                        + " of the run's deadline were left and this connection may take up to "
                        + Durations.human(needed))
                .withEvidence("deadlineLeft", Durations.human(left))
                .withEvidence("worstCase", Durations.human(needed))
                .withEvidence("worstCaseFrom", target.connectionAttempts() + " × ConnectionTimeout "
                        + Durations.human(target.connectTimeout())
                        + (target.isTls() ? " + TLS handshake " + Durations.human(OriginProber.handshakeTimeout(target)) : "")
                        + " + OriginReadTimeout " + Durations.human(target.readTimeout()));
        return ProbeResult.nothingSeen(target, problem);
    }
}
