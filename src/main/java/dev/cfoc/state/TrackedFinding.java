package dev.cfoc.state;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An active finding as the state remembers it between runs: what identifies it (never the message text, timings or
 * anything the origin sent), what a message about it needs once it is gone, and when it was seen.
 *
 * @param fingerprint stable identity: distribution, origin, code and connection ({@link #fingerprint(String, Finding)})
 * @param code        the finding code's name (kept as text, so a state written by another version still reads)
 * @param originId    the origin, or {@link Finding#NO_ORIGIN} for a finding about the whole distribution or the run
 * @param paths       the path patterns whose requests it hits
 * @param firstSeen   the first run that saw it (since it last cleared)
 * @param lastSeen    the last run that saw it
 */
public record TrackedFinding(String fingerprint, String code, Severity severity, String originId, OptionalInt port,
                             Optional<String> sni, List<String> paths, Instant firstSeen, Instant lastSeen) {

    private static final String SEPARATOR = "|";

    public TrackedFinding {
        paths = List.copyOf(paths);
    }

    /** {@code finding}, of the distribution (or run) {@code key}, first seen now. */
    public static TrackedFinding seen(String key, Finding finding, Instant now) {
        return new TrackedFinding(fingerprint(key, finding), finding.code().name(), finding.severity(),
                finding.originId(), finding.port(), finding.sni(), finding.paths(), now, now);
    }

    /**
     * E.g. {@code E2QWRUHAPOMQZL|legacy|CERT_EXPIRED|443|www.example.com}: the same problem on the same connection has
     * the same fingerprint in every run, whatever the message, the timings or the certificate's details say.
     */
    public static String fingerprint(String key, Finding finding) {
        return String.join(SEPARATOR, key, finding.originId(), finding.code().name(),
                finding.port().isPresent() ? String.valueOf(finding.port().getAsInt()) : "", finding.sni().orElse(""));
    }

    /** The same finding, seen again at {@code now} as {@code latest} (whose paths may have changed). */
    TrackedFinding seenAgain(TrackedFinding latest, Instant now) {
        return new TrackedFinding(fingerprint, code, latest.severity, originId, port, sni, latest.paths, firstSeen, now);
    }

    public boolean isAboutAnOrigin() {
        return !Finding.NO_ORIGIN.equals(originId);
    }
}
