package dev.cfoc.probe;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The time by which a run must be finished, on the monotonic clock: a probe is started only when what is left
 * covers the most it may take ({@link OriginProber#worstCase}). The CLI takes it from {@code --deadline}; the Lambda
 * from its remaining time minus a margin. Immutable.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Optional.empty(), System::nanoTime);

    private final Optional<Long> atNanos;
    private final LongSupplier nanoTime;

    private Deadline(Optional<Long> atNanos, LongSupplier nanoTime) {
        this.atNanos = atNanos;
        this.nanoTime = nanoTime;
    }

    /** No deadline: every probe is started. */
    public static Deadline none() {
        return NONE;
    }

    /** {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    static Deadline after(Duration budget, LongSupplier nanoTime) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("budget: must not be negative, was " + budget);
        }
        return new Deadline(Optional.of(nanoTime.getAsLong() + budget.toNanos()), nanoTime);
    }

    public boolean isSet() {
        return atNanos.isPresent();
    }

    /** Time left (zero once passed); empty when there is no deadline. */
    public Optional<Duration> remaining() {
        return atNanos.map(at -> Duration.ofNanos(Math.max(0, at - nanoTime.getAsLong())));
    }

    /** True when there is no deadline or at least {@code needed} is left. */
    public boolean leaves(Duration needed) {
        return remaining().map(left -> left.compareTo(needed) >= 0).orElse(true);
    }

    @Override
    public String toString() {
        return remaining().map(left -> "Deadline[" + Durations.human(left) + " left]").orElse("Deadline[none]");
    }
}
