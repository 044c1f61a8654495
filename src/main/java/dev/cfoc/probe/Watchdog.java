package dev.cfoc.probe;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces absolute deadlines on blocking socket work: at the deadline it closes the connection, which makes any
 * blocked read or write fail at once. SO_TIMEOUT alone bounds each read, so a peer sending one byte a second could
 * stretch a handshake forever; the watchdog cannot be stretched.
 */
final class Watchdog {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "probe-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private Watchdog() {
    }

    /** Closes {@code connection} after {@code timeout} unless the returned alarm is closed first. */
    static Alarm arm(Closeable connection, Duration timeout) {
        Alarm alarm = new Alarm(connection);
        alarm.future = SCHEDULER.schedule(alarm::fire, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        return alarm;
    }

    /** An armed deadline. Closing it disarms it. */
    static final class Alarm implements AutoCloseable {
        private final Closeable connection;
        private final AtomicBoolean fired = new AtomicBoolean();
        private final AtomicBoolean disarmed = new AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        private Alarm(Closeable connection) {
            this.connection = connection;
        }

        /** True when the deadline passed and the connection was closed by the watchdog. */
        boolean fired() {
            return fired.get();
        }

        private void fire() {
            if (!disarmed.get() && fired.compareAndSet(false, true)) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing is all the watchdog can do; the blocked thread sees the closed socket
                }
            }
        }

        @Override
        public void close() {
            disarmed.set(true);
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
