package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.probe.ProbeResult;

import java.util.List;

/** Everything found about one origin of one distribution. */
public record OriginReport(String originId, String domainName, Verdict verdict, List<ProbeResult> probes,
                           List<Finding> findings) {

    public OriginReport {
        probes = List.copyOf(probes);
        findings = List.copyOf(findings);
    }
}
