package dev.cfoc.lambda;

import dev.cfoc.probe.Deadline;

import java.time.Instant;

/**
 * What every step of one {@link Pipeline} run shares: when the run started, its probes' deadline, its log and the
 * log of its findings (one {@link RunLog} per run).
 */
record RunContext(Instant started, Deadline probeDeadline, StructuredLog log, RunLog runLog) {

    RunContext(Instant started, Deadline probeDeadline, StructuredLog log) {
        this(started, probeDeadline, log, new RunLog(log));
    }
}
