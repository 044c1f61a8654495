package dev.cfoc.finding;

import java.time.LocalDate;

/**
 * A finding someone acknowledged: it stays in the report, marked, but does not count for exit codes, alerts or
 * metrics until {@code until} (inclusive).
 *
 * @param reason why it is acknowledged (a ticket, a planned migration); shown next to the finding
 */
public record Suppressed(LocalDate until, String reason) {

    public Suppressed {
        if (until == null || reason == null) {
            throw new IllegalArgumentException("Suppressed: until and reason must be set");
        }
    }
}
