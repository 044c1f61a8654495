package dev.cfoc.probe;

import dev.cfoc.plan.ProbeTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs all probes of a run at once, on virtual threads, so a run lasts about as long as its slowest origin.
 * Bounded three times: by a global limit (sockets and memory of this process), by a per-host limit (do not hammer one
 * origin; TLS diagnosis follow-ups of a probe happen within its slot) and by a {@link LoadGate} that starts no new
 * probe while this process is short of CPU. Given a {@link Deadline}, a probe whose worst case no longer fits is not
 * started: its result says NOT_CHECKED_DEADLINE.
 */
public final class ProbeRunner {

    /** Decision: default global concurrency; far below file-descriptor limits, far above typical origin counts. */
    public static final int DEFAULT_MAX_CONCURRENT = 256;

    /** Decision: default concurrent probes per origin host name, so that one origin sees a handful of connections. */
    public static final int DEFAULT_MAX_PER_HOST = 8;

    private final OriginProber prober;
    private final Semaphore global;
    private final int maxPerHost;

    public ProbeRunner(OriginProber prober) {
        this(prober, DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_PER_HOST);
    }

    public ProbeRunner(OriginProber prober, int maxConcurrent, int maxPerHost) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent: must be at least 1, was " + maxConcurrent);
        }
        if (maxPerHost < 1) {
            throw new IllegalArgumentException("maxPerHost: must be at least 1, was " + maxPerHost);
        }
        this.prober = prober;
        this.global = new Semaphore(maxConcurrent, true);
        this.maxPerHost = maxPerHost;
    }

    /** Probes every target; results in the order of {@code targets}. */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets) {
        return probeAll(targets, Deadline.none());
    }

    /**
     * Probes every target whose worst case ({@link ProbeBudget#worstCase}) still fits in what the deadline leaves
     * when its turn comes; the others get a NOT_CHECKED_DEADLINE result. Results in the order of {@code targets}.
     */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets, Deadline deadline) {
        ConcurrentMap<String, Semaphore> perHost = new ConcurrentHashMap<>();
        try (var gate = new LoadGate(); var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ProbeResult>> futures = new ArrayList<>(targets.size());
            for (ProbeTarget target : targets) {
                Semaphore hostSlots = perHost.computeIfAbsent(target.host().toLowerCase(Locale.ROOT),
                        host -> new Semaphore(maxPerHost, true));
                futures.add(executor.submit(() -> probeWithin(hostSlots, gate, deadline, target)));
            }
            List<ProbeResult> results = new ArrayList<>(targets.size());
            for (Future<ProbeResult> future : futures) {
                results.add(future.get());
            }
            return List.copyOf(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    private ProbeResult probeWithin(Semaphore hostSlots, LoadGate gate, Deadline deadline, ProbeTarget target)
            throws InterruptedException {
        if (!deadline.leaves(ProbeBudget.worstCase(target))) {
            return ProbeBudget.notChecked(target, deadline.remaining().orElseThrow());
        }
        hostSlots.acquire();
        try {
            global.acquire();
            try {
                // waiting for slots and for the gate takes time: the worst case must still fit when the probe starts
                if (!deadline.leaves(ProbeBudget.worstCase(target))) {
                    return ProbeBudget.notChecked(target, deadline.remaining().orElseThrow());
                }
                gate.enter();
                if (!deadline.leaves(ProbeBudget.worstCase(target))) {
                    return ProbeBudget.notChecked(target, deadline.remaining().orElseThrow());
                }
                return prober.probe(target);
            } finally {
                global.release();
            }
        } finally {
            hostSlots.release();
        }
    }
}
