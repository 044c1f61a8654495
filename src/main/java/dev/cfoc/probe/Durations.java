package dev.cfoc.probe;

import java.time.Duration;
import java.util.Locale;

/** Durations as people and sockets want them. */
final class Durations {

    private Durations() {
    }

    /** "300 ms", "10 s", "1.5 s". */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A socket timeout in milliseconds: never 0, which would mean "wait forever". */
    static int socketMillis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
