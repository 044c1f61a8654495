package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import dev.cfoc.plan.ProbeTarget;

import java.net.InetAddress;
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
 * Bounded three times: by a global limit (sockets and memory of this process), by a per-address limit (do not hammer
 * one origin, however many names or SNIs lead to it; TLS diagnosis follow-ups of a probe happen within its slot) and
 * by a {@link LoadGate} that starts no new probe while this process is short of CPU. Each probe first resolves its
 * name (at most {@code maxConcurrent} lookups at once) and then waits for a slot of the address it will connect to.
 * The connections of a run are shared by address and port ({@link ConnectOnce}): when one fails, the other probes of
 * that address and port report the same failure without connecting again. Given a {@link Deadline}, every probe that
 * still has time starts, with its waits capped to what is left; one whose turn comes after the deadline says
 * NOT_CHECKED_DEADLINE.
 */
public final class ProbeRunner {

    /** Decision: default global concurrency; far below file-descriptor limits, far above typical origin counts. */
    public static final int DEFAULT_MAX_CONCURRENT = 256;

    /**
     * Decision: default concurrent probes per resolved address (the set of addresses a name resolved to), so that one
     * origin sees a handful of connections however many names, aliases or SNIs lead to it.
     */
    public static final int DEFAULT_MAX_PER_ADDRESS = 8;

    /**
     * Decision: a run of at most this many probes, none of which waits for a global slot and no name of which has
     * more probes than a per-address slot allows, runs them on platform threads; any other run on virtual threads. A
     * virtual thread that waits on a socket starts the JDK's poller threads, which then wait in native code (epoll)
     * until the process ends, and a JVM that exits while a thread is in native code first waits up to 300 ms for it
     * (HotSpot's VM_Exit::wait_for_threads_in_native_to_block; -XX:UserThreadWaitAttemptsAtExit from JDK 22). For a
     * CLI check of one origin that was a fifth of its wall time (docs/benchmarks.md §5). A few platform threads cost
     * nothing and the probes do the same work on either kind (names that turn out to share an address may wait for
     * each other's slot there too: a blocked platform thread, nothing more).
     */
    static final int PLATFORM_THREADS_UP_TO = 16;

    private final OriginProber prober;
    private final Semaphore global;
    private final Semaphore lookups;
    private final int maxPerAddress;
    private final ProbeListener listener;

    public ProbeRunner(OriginProber prober) {
        this(prober, DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_PER_ADDRESS);
    }

    /** @param listener told when each probe starts and finishes (progress on a terminal) */
    public ProbeRunner(OriginProber prober, ProbeListener listener) {
        this(prober, DEFAULT_MAX_CONCURRENT, DEFAULT_MAX_PER_ADDRESS, listener);
    }

    public ProbeRunner(OriginProber prober, int maxConcurrent, int maxPerAddress) {
        this(prober, maxConcurrent, maxPerAddress, ProbeListener.NONE);
    }

    public ProbeRunner(OriginProber prober, int maxConcurrent, int maxPerAddress, ProbeListener listener) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent: must be at least 1, was " + maxConcurrent);
        }
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException("maxPerAddress: must be at least 1, was " + maxPerAddress);
        }
        this.prober = prober;
        this.global = new Semaphore(maxConcurrent, true);
        this.lookups = new Semaphore(maxConcurrent, true);
        this.maxPerAddress = maxPerAddress;
        this.listener = listener;
    }

    /** Probes every target; results in the order of {@code targets}. */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets) {
        return probeAll(targets, Deadline.none());
    }

    /**
     * Probes every target, each wait capped to what {@code deadline} leaves; a target whose turn comes after the
     * deadline gets a NOT_CHECKED_DEADLINE result. Results in the order of {@code targets}.
     */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets, Deadline deadline) {
        listener.runStarted(targets);
        if (targets.isEmpty()) {
            return List.of();
        }
        var run = new Run(deadline);
        try (var gate = new LoadGate(); var executor = executorFor(targets)) {
            List<Future<ProbeResult>> futures = new ArrayList<>(targets.size());
            for (ProbeTarget target : targets) {
                futures.add(executor.submit(() -> run.probe(target, gate)));
            }
            List<ProbeResult> results = new ArrayList<>(targets.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(finished(targets.get(i), internalError(targets.get(i), e.getCause())));
                }
            }
            return List.copyOf(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe run interrupted", e);
        }
    }

    private ExecutorService executorFor(List<ProbeTarget> targets) {
        Map<String, Long> perName = targets.stream()
                .collect(Collectors.groupingBy(t -> t.host().toLowerCase(Locale.ROOT), Collectors.counting()));
        boolean noneWaits = targets.size() <= global.availablePermits()
                && perName.values().stream().allMatch(count -> count <= maxPerAddress);
        return targets.size() <= PLATFORM_THREADS_UP_TO && noneWaits
                ? Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("probe-", 0).factory())
                : Executors.newVirtualThreadPerTaskExecutor();
    }

    /** One run's shared state: its deadline, the slots of each address, its connections. */
    private final class Run {
        private final Deadline deadline;
        private final ConcurrentMap<List<String>, Semaphore> perAddress = new ConcurrentHashMap<>();
        private final ConnectOnce connections = new ConnectOnce();

        Run(Deadline deadline) {
            this.deadline = deadline;
        }

        /**
         * DNS (with the other lookups, not an address slot), then the address's slot, a global slot and the load
         * gate; the deadline is checked before DNS and once the slots are held.
         */
        ProbeResult probe(ProbeTarget target, LoadGate gate) throws InterruptedException {
            if (deadline.passed()) {
                return finished(target, ProbeResult.nothingSeen(target, ProbeFindings.notStarted(target)));
            }
            OriginProber.Resolution resolution;
            lookups.acquire();
            try {
                resolution = prober.resolve(target);
            } finally {
                lookups.release();
            }
            if (resolution instanceof OriginProber.Resolution.Stopped stopped) {
                return finished(target, stopped.result());
            }
            OriginProber.Resolution.Resolved resolved = (OriginProber.Resolution.Resolved) resolution;
            Semaphore slots = perAddress.computeIfAbsent(addressKey(resolved.addresses()),
                    key -> new Semaphore(maxPerAddress, true));
            slots.acquire();
            try {
                global.acquire();
                try {
                    gate.enter();
                    if (deadline.passed()) {
                        return finished(target, ProbeResult.nothingSeen(target, ProbeFindings.notStarted(target)));
                    }
                    listener.probeStarted(target);
                    return finished(target, prober.probe(resolved, deadline, connections));
                } finally {
                    global.release();
                }
            } finally {
                slots.release();
            }
        }
    }

    /** The addresses a probe may connect to, as one key: names that resolve to the same set share their slots. */
    private static List<String> addressKey(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).sorted().toList();
    }

    private ProbeResult finished(ProbeTarget target, ProbeResult result) {
        listener.probeFinished(target, result);
        return result;
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
}
