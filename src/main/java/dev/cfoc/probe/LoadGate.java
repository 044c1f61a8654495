package dev.cfoc.probe;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces the start of new probes to what this process's CPU can absorb, so that timeouts measure the origin and not
 * our own run queue. Probes mostly wait on the network, but each TLS handshake costs about a millisecond of CPU (ten
 * times more before the JIT has compiled the crypto): hundreds of handshakes started at once on two cores, or on a
 * small Lambda, stretch every handshake past ConnectionTimeout and report healthy origins as TLS_HANDSHAKE_TIMEOUT.
 *
 * <p>The signal is the virtual-thread scheduler's lag: a sampler starts a tiny virtual thread every
 * {@link #SAMPLE_PERIOD} and measures how late it runs. The start rate follows it, as TCP's window follows losses:
 * it grows additively while the lag stays under {@link #MAX_SCHEDULER_LAG} and is cut by a third when the lag
 * passes it (at most once per {@link #DECREASE_HOLD}, the time a cut takes to show). The rate is a rate of starts,
 * not a limit on probes in flight: origins that keep a probe waiting (silent, slow) cost no CPU and do not hold
 * anything back. One gate per run; close it at the end of the run.
 */
final class LoadGate implements AutoCloseable {

    /**
     * Decision: the scheduler lag above which the start rate is cut. A handshake has about four CPU steps, so at this
     * lag it is stretched by under 100 ms, far below the smallest ConnectionTimeout (1 s). Measured against 50 ms
     * (bench/run.sh, 3,000 healthy origins): same throughput, p50 per origin 30 ms instead of 80 ms.
     */
    static final Duration MAX_SCHEDULER_LAG = Duration.ofMillis(20);

    static final Duration SAMPLE_PERIOD = Duration.ofMillis(5);

    /** How long a cut of the rate takes to show in the lag: no second cut before. */
    static final Duration DECREASE_HOLD = Duration.ofMillis(20);

    /**
     * Decision: the start rate never falls below this, so that a run progresses on a machine that is busy with other
     * work: 100 silent origins still all start within 5 s.
     */
    static final double MIN_STARTS_PER_SECOND = 20;

    static final double INITIAL_STARTS_PER_SECOND = 200;
    static final double MAX_STARTS_PER_SECOND = 5_000;
    private static final double INCREASE_PER_SAMPLE = 10;
    private static final double DECREASE_FACTOR = 2.0 / 3;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private final Thread sampler;
    private volatile boolean closed;
    private double startsPerSecond = INITIAL_STARTS_PER_SECOND;
    private double tokens = 1;
    private long lastDecrease;

    LoadGate() {
        this.lastDecrease = System.nanoTime() - DECREASE_HOLD.toNanos();
        this.sampler = Thread.ofPlatform().daemon().name("probe-load-gate").start(this::sampleUntilClosed);
    }

    /** Blocks until one more probe may start. */
    void enter() throws InterruptedException {
        lock.lock();
        try {
            while (tokens < 1) {
                turn.await();
            }
            tokens--;
        } finally {
            lock.unlock();
        }
    }

    /** The current start rate (for tests and diagnostics). */
    double startsPerSecond() {
        lock.lock();
        try {
            return startsPerSecond;
        } finally {
            lock.unlock();
        }
    }

    private void sampleUntilClosed() {
        try {
            long last = System.nanoTime();
            Sample pending = Sample.start();
            while (!closed) {
                Thread.sleep(SAMPLE_PERIOD);
                long now = System.nanoTime();
                long lag;
                if (pending.ran()) {
                    lag = pending.lagNanos;
                    pending = Sample.start();
                } else {
                    lag = now - pending.queuedAt; // still not run: at least this late
                }
                adjust(lag, now, now - last);
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A tiny virtual thread that notes how late it started to run. */
    private static final class Sample {
        final long queuedAt = System.nanoTime();
        volatile long lagNanos = -1;

        static Sample start() {
            Sample probe = new Sample();
            Thread.ofVirtual().start(() -> probe.lagNanos = System.nanoTime() - probe.queuedAt);
            return probe;
        }

        boolean ran() {
            return lagNanos >= 0;
        }
    }

    private void adjust(long lag, long now, long elapsedNanos) {
        lock.lock();
        try {
            if (lag > MAX_SCHEDULER_LAG.toNanos()) {
                if (now - lastDecrease >= DECREASE_HOLD.toNanos()) {
                    startsPerSecond = Math.max(MIN_STARTS_PER_SECOND, startsPerSecond * DECREASE_FACTOR);
                    lastDecrease = now;
                }
            } else {
                startsPerSecond = Math.min(MAX_STARTS_PER_SECOND, startsPerSecond + INCREASE_PER_SAMPLE);
            }
            double burst = Math.max(1, startsPerSecond * SAMPLE_PERIOD.toNanos() / 1e9 * 2);
            double before = tokens;
            tokens = Math.min(burst, tokens + startsPerSecond * elapsedNanos / 1e9);
            for (int i = (int) before; i < (int) tokens; i++) {
                turn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        sampler.interrupt();
    }
}
