package dev.cfoc.lambda;

import dev.cfoc.probe.Deadline;

import java.time.Instant;

/**
 * What every step of one {@link Pipeline} run shares: when the run started, its probes' deadline, when the
 * invocation itself ends, and its log.
 *
 * @param invocationDeadline when Lambda stops the invocation (none for runs without one): what may still block
 *                           (publishing) is bounded by it
 */
record RunContext(Instant started, Deadline probeDeadline, Deadline invocationDeadline, StructuredLog log) {

    /** A run with no invocation deadline of its own. */
    RunContext(Instant started, Deadline probeDeadline, StructuredLog log) {
        this(started, probeDeadline, Deadline.none(), log);
    }

    /** The log lines about the run's findings, written to {@link #log}. */
    RunLog runLog() {
        return new RunLog(log);
    }
}
