package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What the alert state knows about a report's findings, for the renderers: when each was first seen, which are new,
 * and what cleared in this run. {@link #NONE} when no state is kept (the report then reads as before).
 * Keys: a distribution's {@link DistributionReport#label()}, or {@link #RUN_KEY} for the findings about the run.
 */
public interface FindingHistory {

    /** The key of the findings about the run itself (and the label of their SNS message). */
    String RUN_KEY = "cloudfront-origin-checker";

    /** No state kept. */
    FindingHistory NONE = new FindingHistory() {
        @Override
        public boolean isOn() {
            return false;
        }

        @Override
        public Optional<Instant> firstSeen(String key, Finding finding) {
            return Optional.empty();
        }

        @Override
        public boolean isNew(String key, Finding finding) {
            return false;
        }

        @Override
        public Optional<String> transition(String key) {
            return Optional.empty();
        }

        @Override
        public List<Finding> resolved(String key) {
            return List.of();
        }
    };

    boolean isOn();

    /** When the state first saw {@code finding} (active since then); empty when it does not track it. */
    Optional<Instant> firstSeen(String key, Finding finding);

    /** Whether this run is the first to see {@code finding}. */
    boolean isNew(String key, Finding finding);

    /** The transition this run decided for {@code key} (NEW, CHANGED, REMINDER, RESOLVED), if any. */
    Optional<String> transition(String key);

    /** The findings of {@code key} that cleared in this run, as last seen (message: what they were, and how long). */
    List<Finding> resolved(String key);

    /** E.g. {@code NEW} or {@code failing since 2026-11-27T03:00:00Z, 3 days}, as of {@code now}. */
    default Optional<String> label(String key, Finding finding, Instant now) {
        if (isNew(key, finding)) {
            return Optional.of("NEW");
        }
        return firstSeen(key, finding).map(since -> (finding.severity() == Severity.ERROR ? "failing" : "active")
                + " since " + since.truncatedTo(ChronoUnit.SECONDS) + ", " + elapsed(Duration.between(since, now)));
    }

    /** E.g. {@code 3 days}, {@code 1 hour}, {@code 12 minutes}, {@code less than a minute}. */
    static String elapsed(Duration duration) {
        long days = duration.toDays();
        if (days > 0) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = duration.toHours();
        if (hours > 0) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = duration.toMinutes();
        return minutes <= 0 ? "less than a minute" : minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
