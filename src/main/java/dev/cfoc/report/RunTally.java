package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts at the end of the text and Markdown reports: origins by verdict (worst first) and findings by code
 * (most severe first), active and suppressed apart.
 */
record RunTally(Map<Verdict, Long> originsByVerdict, List<CodeCount> findingsByCode) {

    /** One code's findings in the run. */
    record CodeCount(FindingCode code, long active, long suppressed) {
    }

    static RunTally of(Report report) {
        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        report.distributions().stream().flatMap(d -> d.origins().stream())
                .forEach(o -> byVerdict.merge(o.verdict(), 1L, Long::sum));
        Map<FindingCode, List<Finding>> byCode = report.findings()
                .collect(Collectors.groupingBy(Finding::code, () -> new EnumMap<>(FindingCode.class), Collectors.toList()));
        List<CodeCount> codes = byCode.entrySet().stream()
                .map(e -> new CodeCount(e.getKey(), e.getValue().stream().filter(Finding::isActive).count(),
                        e.getValue().stream().filter(Finding::isSuppressed).count()))
                .sorted(Comparator.comparing((CodeCount c) -> c.code().severity()).reversed()
                        .thenComparing(c -> c.code().name()))
                .toList();
        Map<Verdict, Long> ordered = new java.util.LinkedHashMap<>();
        byVerdict.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getKey().rank()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new RunTally(ordered, codes);
    }
}
