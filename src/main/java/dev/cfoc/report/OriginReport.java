package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.probe.ProbeResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything found about one origin of one distribution.
 *
 * @param notes what the planner noted that is not a problem (origin group membership, versions not tested, …)
 */
public record OriginReport(String originId, String domainName, Verdict verdict, Map<String, String> notes,
                           List<ProbeResult> probes, List<Finding> findings) {

    public OriginReport {
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        probes = List.copyOf(probes);
        findings = List.copyOf(findings);
    }

    /**
     * The same origin holding {@code replacement} as its findings (e.g. some now suppressed), its verdict judged
     * again. An origin counts as probed when it has probe results: NOT_PROBED origins have none.
     */
    public OriginReport withFindings(List<Finding> replacement) {
        return new OriginReport(originId, domainName, Verdict.of(!probes.isEmpty(), replacement), notes, probes,
                replacement);
    }
}
