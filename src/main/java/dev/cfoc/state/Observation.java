package dev.cfoc.state;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run saw of a distribution (or of itself): the findings that alert, and what it could not check.
 *
 * @param alerting         active findings at or above the threshold, one per fingerprint, first seen now
 * @param uncheckedOrigins origins with a connection the run could not check: their earlier findings are kept
 * @param unchecked        the whole distribution could not be checked (e.g. not readable): every earlier finding is kept
 */
public record Observation(String key, List<TrackedFinding> alerting, Set<String> uncheckedOrigins, boolean unchecked) {

    public Observation {
        alerting = List.copyOf(alerting);
        uncheckedOrigins = Set.copyOf(uncheckedOrigins);
    }

    /**
     * @param findings every finding the run reported for {@code key}, suppressed ones included (a suppressed
     *                 "not checked" finding still means the run could not check)
     * @param threshold the publishing threshold (MIN_SEVERITY)
     */
    public static Observation of(String key, List<Finding> findings, Severity threshold, Instant now) {
        Map<String, TrackedFinding> alerting = new LinkedHashMap<>();
        findings.stream().filter(Finding::isActive).filter(f -> f.severity().isAtLeast(threshold))
                .map(f -> TrackedFinding.seen(key, f, now)).forEach(t -> alerting.putIfAbsent(t.fingerprint(), t));
        List<Finding> notChecked = findings.stream().filter(Observation::isNotChecked).toList();
        Set<String> origins = notChecked.stream().filter(Finding::isAboutAnOrigin).map(Finding::originId)
                .collect(Collectors.toSet());
        boolean whole = notChecked.stream().anyMatch(f -> !f.isAboutAnOrigin());
        return new Observation(key, List.copyOf(alerting.values()), origins, whole);
    }

    /**
     * Whether {@code finding} says that something could not be checked ({@code FindingCode.meansNotChecked}):
     * unknown never resolves anything.
     */
    public static boolean isNotChecked(Finding finding) {
        return finding.code().meansNotChecked();
    }

    /** Whether the run could not check what {@code earlier} is about, so it cannot have cleared. */
    boolean couldNotCheck(TrackedFinding earlier) {
        return unchecked || uncheckedOrigins.contains(earlier.originId());
    }
}
