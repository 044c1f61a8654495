package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.probe.ProbeResult;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human format: one block per distribution, origins worst first, every finding with evidence, fix and reproduce. */
public final class TextReportWriter {

    static final String ADDED_ROOTS_NOTE =
            "Roots added with --trust-anchors (TRUST_ANCHORS for the Lambda) are NOT trusted by CloudFront: a chain that needs "
                    + "them fails behind CloudFront.";

    public String write(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("cloudfront-origin-checker report, ").append(report.generatedAt()).append('\n');
        out.append("Trust anchors: ").append(report.trustAnchors().source()).append('\n');
        for (String added : report.trustAnchors().addedRoots()) {
            out.append("  + added root: ").append(added).append('\n');
        }
        if (!report.trustAnchors().addedRoots().isEmpty()) {
            out.append("  ").append(ADDED_ROOTS_NOTE).append('\n');
        }
        report.distributions().forEach(d -> distribution(out, d));
        summary(out, report);
        return out.toString();
    }

    private void distribution(StringBuilder out, DistributionReport d) {
        out.append('\n').append("Distribution ").append(d.id().orElse("(no id)"));
        d.domainName().ifPresent(n -> out.append(" (").append(n).append(')'));
        out.append('\n').append("  source: ").append(d.source()).append('\n');
        if (!d.aliases().isEmpty()) {
            out.append("  aliases: ").append(String.join(", ", d.aliases())).append('\n');
        }
        if (!d.findings().isEmpty()) {
            out.append('\n').append("  [").append(worst(d.findings())).append("] the distribution itself\n");
            d.findings().stream()
                    .sorted(Comparator.comparing((Finding f) -> f.severity()).reversed())
                    .forEach(f -> finding(out, f));
        }
        d.origins().stream()
                .sorted(Comparator.comparingInt((OriginReport o) -> o.verdict().rank()))
                .forEach(o -> origin(out, o));
    }

    private void origin(StringBuilder out, OriginReport o) {
        out.append('\n').append("  [").append(o.verdict()).append("] origin ").append(o.originId())
                .append("  ").append(o.domainName()).append('\n');
        o.notes().forEach((k, v) -> out.append("    note: ").append(k).append(": ").append(v).append('\n'));
        o.probes().forEach(p -> out.append("    ").append(probeLine(p)).append('\n'));
        o.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> f.severity()).reversed())
                .forEach(f -> finding(out, f));
    }

    private static String worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow().name();
    }

    static String probeLine(ProbeResult p) {
        var t = p.target();
        StringBuilder line = new StringBuilder();
        line.append(t.scheme().lower()).append("://").append(t.host()).append(':').append(t.port());
        t.sni().ifPresent(s -> line.append(" sni=").append(s));
        if (!t.hostHeader().equals(t.sni().orElse(t.host()))) {
            line.append(" host=").append(t.hostHeader());
        }
        p.address().ifPresent(a -> line.append(" [").append(a).append(']'));
        p.tlsVersion().ifPresent(v -> line.append(' ').append(v));
        p.cipherSuite().ifPresent(c -> line.append(' ').append(c));
        p.httpStatus().ifPresent(s -> line.append(" HTTP ").append(s));
        if (!p.timingsMs().isEmpty()) {
            line.append("  (").append(p.timingsMs().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "))).append(')');
        }
        return line.toString();
    }

    private void finding(StringBuilder out, Finding f) {
        out.append("    ").append(f.severity()).append(' ').append(f.code());
        f.port().ifPresent(p -> out.append("  port ").append(p));
        f.sni().ifPresent(s -> out.append("  sni ").append(s));
        out.append('\n').append("      ").append(f.message()).append('\n');
        if (!f.evidence().isEmpty()) {
            out.append("      evidence:\n");
            for (Map.Entry<String, String> e : f.evidence().entrySet()) {
                out.append("        ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        out.append("      fix: ").append(f.remediation()).append('\n');
        f.reproduce().ifPresent(r -> out.append("      reproduce: ").append(r).append('\n'));
    }

    private void summary(StringBuilder out, Report report) {
        Summary s = report.summary();
        List<OriginReport> origins = report.distributions().stream().flatMap(d -> d.origins().stream()).toList();
        Map<Verdict, Long> byVerdict = origins.stream()
                .collect(Collectors.groupingBy(OriginReport::verdict, () -> new java.util.EnumMap<>(Verdict.class),
                        Collectors.counting()));
        out.append('\n').append("Summary: ").append(s.distributions()).append(" distribution(s), ")
                .append(s.origins()).append(" origin(s): ")
                .append(byVerdict.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getKey().rank()))
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                .append("; ").append(s.errors()).append(" error(s), ").append(s.warnings()).append(" warning(s); ")
                .append(s.durationMs()).append(" ms\n");
    }
}
