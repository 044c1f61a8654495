package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import dev.cfoc.plan.ProbeTarget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

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

    /**
     * Decision: a run of at most this many probes, none of which waits for a slot (global or per host), runs them on
     * platform threads; any other run on virtual threads. A virtual thread that waits on a socket starts the JDK's
     * poller threads, which then wait in native code (epoll) until the process ends, and a JVM that exits while a
     * thread is in native code first waits up to 300 ms for it (HotSpot's VM_Exit::wait_for_threads_in_native_to_block;
     * -XX:UserThreadWaitAttemptsAtExit from JDK 22). For a CLI check of one origin that was a fifth of its wall time
     * (docs/benchmarks.md §5). A few platform threads cost nothing, the probes do the same work on either kind, and
     * when no probe waits for a slot the order in which the threads start cannot change which probes run.
     */
    static final int PLATFORM_THREADS_UP_TO = 16;

    private final OriginProber prober;
    private final Semaphore global;
    private final int maxPerHost;
    private final ProbeListener listener;

    public ProbeRunner(OriginProber prober) {
        this(prober, DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_PER_HOST);
    }

    /** @param listener told when each probe starts and finishes (progress on a terminal) */
    public ProbeRunner(OriginProber prober, ProbeListener listener) {
        this(prober, DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_PER_HOST, listener);
    }

    public ProbeRunner(OriginProber prober, int maxConcurrent, int maxPerHost) {
        this(prober, maxConcurrent, maxPerHost, ProbeListener.NONE);
    }

    public ProbeRunner(OriginProber prober, int maxConcurrent, int maxPerHost, ProbeListener listener) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent: must be at least 1, was " + maxConcurrent);
        }
        if (maxPerHost < 1) {
            throw new IllegalArgumentException("maxPerHost: must be at least 1, was " + maxPerHost);
        }
        this.prober = prober;
        this.global = new Semaphore(maxConcurrent, true);
        this.maxPerHost = maxPerHost;
        this.listener = listener;
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
        listener.runStarted(targets);
        if (targets.isEmpty()) {
            return List.of();
        }
        ConcurrentMap<String, Semaphore> perHost = new ConcurrentHashMap<>();
        try (var gate = new LoadGate(); var executor = executorFor(targets)) {
            List<Future<ProbeResult>> futures = new ArrayList<>(targets.size());
            for (ProbeTarget target : targets) {
                Semaphore hostSlots = perHost.computeIfAbsent(target.host().toLowerCase(Locale.ROOT),
                        host -> new Semaphore(maxPerHost, true));
                futures.add(executor.submit(() -> probeWithin(hostSlots, gate, deadline, target)));
            }
            List<ProbeResult> results = new ArrayList<>(targets.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    ProbeResult failed = internalError(targets.get(i), e.getCause());
                    listener.probeFinished(targets.get(i), failed);
                    results.add(failed);
                }
            }
            return List.copyOf(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe run interrupted", e);
        }
    }

    private ExecutorService executorFor(List<ProbeTarget> targets) {
        Map<String, Long> perHost = targets.stream()
                .collect(Collectors.groupingBy(t -> t.host().toLowerCase(Locale.ROOT), Collectors.counting()));
        boolean noneWaits = targets.size() <= global.availablePermits()
                && perHost.values().stream().allMatch(count -> count <= maxPerHost);
        return targets.size() <= PLATFORM_THREADS_UP_TO && noneWaits
                ? Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("probe-", 0).factory())
                : Executors.newVirtualThreadPerTaskExecutor();
    }

    /**
     * A bug in one probe must not cost the run its other findings: that connection gets PROBE_INTERNAL_ERROR.
     * Only the exception's type and where it was thrown are kept (its message could quote what the origin sent).
     */
    static ProbeResult internalError(ProbeTarget target, Throwable cause) {
        StackTraceElement[] frames = cause.getStackTrace();
        String where = frames.length == 0 ? "unknown" : frames[0].getClassName() + "." + frames[0].getMethodName()
                + ":" + frames[0].getLineNumber();
        Problem problem = new Problem(FindingCode.PROBE_INTERNAL_ERROR, "the checker failed while probing this "
                + "connection (" + cause.getClass().getName() + "); it was not checked", Map.of("exception",
                cause.getClass().getName(), "thrownAt", where));
        return ProbeResult.nothingSeen(target, problem);
    }

    private ProbeResult notChecked(ProbeTarget target, Deadline deadline) {
        ProbeResult result = ProbeBudget.notChecked(target, deadline.remaining().orElseThrow());
        listener.probeFinished(target, result);
        return result;
    }

    /**
     * The deadline is checked before waiting for slots (no wait for a probe that cannot run), before the gate (a
     * probe that cannot run takes no start from it) and after it (the probe starts only if its worst case fits).
     */
    private ProbeResult probeWithin(Semaphore hostSlots, LoadGate gate, Deadline deadline, ProbeTarget target)
            throws InterruptedException {
        Duration worstCase = ProbeBudget.worstCase(target);
        if (!deadline.leaves(worstCase)) {
            return notChecked(target, deadline);
        }
        hostSlots.acquire();
        try {
            global.acquire();
            try {
                if (!deadline.leaves(worstCase)) {
                    return notChecked(target, deadline);
                }
                gate.enter();
                if (!deadline.leaves(worstCase)) {
                    return notChecked(target, deadline);
                }
                listener.probeStarted(target);
                ProbeResult result = prober.probe(target);
                listener.probeFinished(target, result);
                return result;
            } finally {
                global.release();
            }
        } finally {
            hostSlots.release();
        }
    }
}
