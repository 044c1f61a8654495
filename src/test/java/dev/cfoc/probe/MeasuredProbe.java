package dev.cfoc.probe;

import dev.cfoc.plan.ProbeTarget;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * One probe run on the calling thread, with its wall time and the bytes the calling thread allocated meanwhile
 * (HotSpot's per-thread allocation counter: the probe's TCP, TLS and HTTP work runs on the calling thread; only the
 * parallel diagnosis handshakes run elsewhere).
 */
record MeasuredProbe(ProbeResult result, Duration elapsed, long allocatedBytes) {

    /**
     * What a probe may take beyond the sum of its capped waits ({@link OriginProber#deadline}, from the same
     * timeouts the prober applies to each step): the 200 ms the probe waits for more bytes of a reply that is not TLS (to show them), closing sockets
     * and thread scheduling on a loaded machine.
     */
    static final Duration DEADLINE_MARGIN = Duration.ofMillis(500);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static MeasuredProbe of(OriginProber prober, ProbeTarget target) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        ProbeResult result = prober.probe(target);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new MeasuredProbe(result, elapsed, THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    /** What the run reserves for a probe of {@code target} plus {@link #DEADLINE_MARGIN}. */
    static Duration bound(ProbeTarget target) {
        return OriginProber.deadline(target).plus(DEADLINE_MARGIN);
    }
}
