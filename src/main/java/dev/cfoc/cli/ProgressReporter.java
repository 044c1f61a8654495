package dev.cfoc.cli;

import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.probe.ProbeListener;
import dev.cfoc.probe.ProbeResult;
import dev.cfoc.report.PlainText;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Progress on stderr while a run probes (only when attached to a terminal): one line rewritten in place, e.g.
 * {@code probing 12/40 connections; slowest pending: origin api (api.example.com:443) for 7 s}, cleared at the end.
 */
final class ProgressReporter implements ProbeListener {

    /** Carriage return and ANSI "erase line": the line is rewritten in place. */
    static final String REWRITE_LINE = "\r\u001b[2K";

    private final PrintWriter err;
    private final Clock clock;
    private final Map<ProbeTarget, Instant> pending = new IdentityHashMap<>();
    private int total;
    private int done;

    ProgressReporter(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void runStarted(List<ProbeTarget> targets) {
        total = targets.size();
        done = 0;
        pending.clear();
        show();
    }

    @Override
    public synchronized void probeStarted(ProbeTarget target) {
        pending.put(target, clock.instant());
        show();
    }

    @Override
    public synchronized void probeFinished(ProbeTarget target, ProbeResult result) {
        pending.remove(target);
        done++;
        if (done >= total) {
            err.print(REWRITE_LINE);
            err.flush();
        } else {
            show();
        }
    }

    /** The current status line, without the control characters. */
    synchronized String status() {
        StringBuilder line = new StringBuilder("probing ").append(done).append('/').append(total).append(" connections");
        slowestPending().ifPresent(slowest -> {
            ProbeTarget t = slowest.getKey();
            line.append("; slowest pending: origin ").append(PlainText.of(t.originId())).append(" (").append(t.host())
                    .append(':')
                    .append(t.port()).append(") for ")
                    .append(Duration.between(slowest.getValue(), clock.instant()).toSeconds()).append(" s");
        });
        return line.toString();
    }

    private Optional<Map.Entry<ProbeTarget, Instant>> slowestPending() {
        return pending.entrySet().stream().min(Map.Entry.comparingByValue());
    }

    private void show() {
        err.print(REWRITE_LINE + status());
        err.flush();
    }
}
