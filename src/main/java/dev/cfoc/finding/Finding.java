package dev.cfoc.finding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A placed finding, as reported. Custom header values never reach here.
 *
 * @param port      the origin port probed, empty for findings about the configuration
 * @param sni       the SNI sent, empty for plain HTTP and configuration findings
 * @param reproduce a command that shows the same thing by hand (openssl s_client / curl), empty when none applies
 * @param suppressed set when the finding is acknowledged: reported, but not counted for exit codes, alerts, metrics
 * @param paths     the path patterns of the cache behaviors whose requests go through what this finding is about (its
 *                  connection, or every connection of its origin); empty for findings about a whole distribution or
 *                  the run
 */
public record Finding(
        FindingCode code,
        String originId,
        OptionalInt port,
        Optional<String> sni,
        String message,
        Map<String, String> evidence,
        Optional<String> reproduce,
        Optional<Suppressed> suppressed,
        List<String> paths) {

    /** A finding nobody acknowledged. */
    public Finding(FindingCode code, String originId, OptionalInt port, Optional<String> sni, String message,
                   Map<String, String> evidence, Optional<String> reproduce) {
        this(code, originId, port, sni, message, evidence, reproduce, Optional.empty());
    }

    /** A finding whose paths are not known. */
    public Finding(FindingCode code, String originId, OptionalInt port, Optional<String> sni, String message,
                   Map<String, String> evidence, Optional<String> reproduce, Optional<Suppressed> suppressed) {
        this(code, originId, port, sni, message, evidence, reproduce, suppressed, List.of());
    }

    public Finding {
        evidence = Map.copyOf(evidence).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(evidence));
        paths = List.copyOf(paths);
    }

    /** The same finding, acknowledged. */
    public Finding suppressedBy(Suppressed suppression) {
        return new Finding(code, originId, port, sni, message, evidence, reproduce, Optional.of(suppression), paths);
    }

    /** The same finding, about requests to these path patterns. */
    public Finding withPaths(List<String> replacement) {
        return new Finding(code, originId, port, sni, message, evidence, reproduce, suppressed, replacement);
    }

    public boolean isSuppressed() {
        return suppressed.isPresent();
    }

    /** Not acknowledged: counts for exit codes, verdicts, alerts and metrics. */
    public boolean isActive() {
        return suppressed.isEmpty();
    }

    public Severity severity() {
        return code.severity();
    }

    /** The fix: the code's, or the variant its evidence calls for ({@link FindingCode#remediation(Map)}). */
    public String remediation() {
        return code.remediation(evidence);
    }

    /**
     * The originId of a finding about a whole distribution (it could not be read, a policy it uses could not be
     * read): no origin is involved. Reports show it as no origin (JSON null).
     */
    public static final String NO_ORIGIN = "";

    /** Whether this finding is about one origin, rather than about the whole distribution. */
    public boolean isAboutAnOrigin() {
        return !NO_ORIGIN.equals(originId);
    }

    /** A finding about a whole distribution rather than one of its origins. */
    public static Finding aboutDistribution(Problem problem) {
        return new Finding(problem.code(), NO_ORIGIN, OptionalInt.empty(), Optional.empty(), problem.message(),
                problem.evidence(), Optional.empty());
    }

    /**
     * A finding about the run itself (e.g. the checker's trust store is stale): no distribution, origin or connection.
     * Same shape as one about a distribution; the report holds it apart.
     */
    public static Finding aboutRun(Problem problem) {
        return aboutDistribution(problem);
    }

    /** A finding about the configuration of an origin (no connection involved). */
    public static Finding about(String originId, Problem problem) {
        return new Finding(problem.code(), originId, OptionalInt.empty(), Optional.empty(), problem.message(),
                problem.evidence(), Optional.empty());
    }
}
