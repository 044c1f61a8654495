package dev.cfoc.probe;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The time by which a run must be finished, on the monotonic clock. Every connection that has time left is started,
 * and each of its waits (connect, TLS handshake, response) is capped to what is left ({@link #cap}); a connection
 * that runs out of time is reported as NOT_CHECKED_DEADLINE, saying how far it got. The CLI takes it from
 * {@code --deadline}; the Lambda from its remaining time minus a margin. Immutable.
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

    /** True when there is a deadline and nothing is left of it. */
    public boolean passed() {
        return remaining().map(Duration::isZero).orElse(false);
    }

    /** {@code wait}, or what is left when that is less (zero once passed); {@code wait} without a deadline. */
    public Duration cap(Duration wait) {
        return remaining().filter(left -> left.compareTo(wait) < 0).orElse(wait);
    }

    @Override
    public String toString() {
        return remaining().map(left -> "Deadline[" + Durations.human(left) + " left]").orElse("Deadline[none]");
    }
}
