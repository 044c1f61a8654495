package dev.cfoc.finding;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A placed finding, as reported. Custom header values never reach here.
 *
 * @param port      the origin port probed, empty for findings about the configuration
 * @param sni       the SNI sent, empty for plain HTTP and configuration findings
 * @param reproduce a command that shows the same thing by hand (openssl s_client / curl), empty when none applies
 */
public record Finding(
        FindingCode code,
        String originId,
        OptionalInt port,
        Optional<String> sni,
        String message,
        Map<String, String> evidence,
        Optional<String> reproduce) {

    public Finding {
        evidence = Map.copyOf(evidence).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(evidence));
    }

    public Severity severity() {
        return code.severity();
    }

    public String remediation() {
        return code.remediation();
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

    /** A finding about the configuration of an origin (no connection involved). */
    public static Finding about(String originId, Problem problem) {
        return new Finding(problem.code(), originId, OptionalInt.empty(), Optional.empty(), problem.message(),
                problem.evidence(), Optional.empty());
    }
}
