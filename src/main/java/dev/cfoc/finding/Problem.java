package dev.cfoc.finding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check found, before it is placed (origin, port, SNI): the output of the pure rules
 * (certificate, planner) and of the probe steps. {@link Finding} adds the place.
 *
 * @param evidence ordered key/value facts: what was offered, what came back, certificate names and dates
 */
public record Problem(FindingCode code, String message, Map<String, String> evidence) {

    public Problem {
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static Problem of(FindingCode code, String message) {
        return new Problem(code, message, Map.of());
    }

    public Severity severity() {
        return code.severity();
    }

    public Problem withEvidence(String key, String value) {
        var more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return new Problem(code, message, more);
    }
}
