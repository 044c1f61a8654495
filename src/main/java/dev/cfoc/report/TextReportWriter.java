package dev.cfoc.report;

import dev.cfoc.cert.ServerDistrustAfter;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;
import dev.cfoc.probe.ProbeResult;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human format: one block per distribution, origins worst first, every finding with evidence, fix and reproduce,
 * then a summary table (origins by verdict, findings by code). Colour only when asked for (a terminal).
 */
public final class TextReportWriter implements ReportWriter {

    static final String ADDED_ROOTS_NOTE =
            "Roots added with --trust-anchors (TRUST_ANCHORS for the Lambda) are NOT trusted by CloudFront: a chain that needs "
                    + "them fails behind CloudFront.";

    private final AnsiStyle style;
    private final FindingHistory history;

    /** Plain text, no colour (files, pipes, e-mail). */
    public TextReportWriter() {
        this(false);
    }

    /** @param colour ANSI colours for severities and verdicts (only for a terminal) */
    public TextReportWriter(boolean colour) {
        this(colour, FindingHistory.NONE);
    }

    /** @param history what the alert state knows: each finding marked NEW or "since …", cleared findings listed */
    public TextReportWriter(boolean colour, FindingHistory history) {
        this.style = new AnsiStyle(colour);
        this.history = history;
    }

    /** Built as a string first: a report for people is small. */
    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(write(report));
    }

    @Override
    public String write(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold("cloudfront-origin-checker report")).append(", ").append(report.generatedAt()).append('\n');
        out.append("Trust anchors: ").append(safe(report.trustAnchors().source())).append('\n');
        for (String added : report.trustAnchors().addedRoots()) {
            out.append("  + added root: ").append(safe(added)).append('\n');
        }
        if (!report.trustAnchors().addedRoots().isEmpty()) {
            out.append("  ").append(ADDED_ROOTS_NOTE).append('\n');
        }
        report.trustAnchors().serverDistrustAfter().forEach(d -> out.append("  ").append(partialDistrust(d)).append('\n'));
        report.notes().forEach(n -> out.append("Note: ").append(safe(n)).append('\n'));
        if (!report.runFindings().isEmpty()) {
            Severity worst = worst(report.runFindings());
            out.append('\n').append("[").append(style.severity(worst, worst.name())).append("] the run itself\n");
            Place run = new Place(FindingHistory.RUN_KEY, List.of(), report.generatedAt());
            sorted(report.runFindings()).forEach(f -> finding(out, f, run));
        }
        resolved(out, FindingHistory.RUN_KEY, "  ", report.generatedAt());
        report.distributions().forEach(d -> distribution(out, d, report.generatedAt()));
        summary(out, report);
        return out.toString();
    }

    /** Where findings are rendered: the state's key, the hosts viewers use, and the time of the run. */
    private record Place(String key, List<String> hosts, Instant now) {
    }

    private void distribution(StringBuilder out, DistributionReport d, Instant now) {
        out.append('\n').append(style.bold("Distribution " + d.id().map(TextReportWriter::safe).orElse("(no id)")));
        d.domainName().ifPresent(n -> out.append(" (").append(safe(n)).append(')'));
        out.append('\n').append("  source: ").append(safe(d.source())).append('\n');
        d.enabled().ifPresent(enabled -> out.append("  state: ").append(state(enabled)).append('\n'));
        if (!d.aliases().isEmpty()) {
            out.append("  aliases: ").append(safe(String.join(", ", d.aliases()))).append('\n');
        }
        history.transition(d.label()).ifPresent(t -> out.append("  alert: ").append(t).append('\n'));
        Place place = new Place(d.label(), AffectedRequests.hosts(d), now);
        if (!d.findings().isEmpty()) {
            Severity worst = worst(d.findings());
            out.append('\n').append("  [").append(style.severity(worst, worst.name())).append("] the distribution itself\n");
            sorted(d.findings()).forEach(f -> finding(out, f, place));
        }
        d.origins().stream()
                .sorted(Comparator.comparingInt((OriginReport o) -> o.verdict().rank()))
                .forEach(o -> origin(out, o, place));
        resolved(out, d.label(), "  ", now);
    }

    private void origin(StringBuilder out, OriginReport o, Place place) {
        out.append('\n').append("  [").append(style.verdict(o.verdict(), o.verdict().name())).append("] origin ")
                .append(safe(o.originId())).append("  ").append(safe(o.domainName())).append('\n');
        o.notes().forEach((k, v) -> out.append("    note: ").append(safe(k)).append(": ").append(safe(v)).append('\n'));
        o.probes().forEach(p -> out.append("    ").append(probeLine(p)).append('\n'));
        sorted(o.findings()).forEach(f -> finding(out, f, place));
    }

    /** The findings of {@code key} that cleared in this run (with alert state only). */
    private void resolved(StringBuilder out, String key, String indent, Instant now) {
        List<Finding> resolved = history.resolved(key);
        if (resolved.isEmpty()) {
            return;
        }
        out.append('\n').append(indent).append("[RESOLVED] cleared since the last run\n");
        resolved.forEach(f -> out.append(indent).append("  ").append(resolvedLine(history, key, f, now)).append('\n'));
    }

    /**
     * E.g. {@code CERT_EXPIRED at origin legacy, port 443, SNI www.example.com: OK again (failing since …, 3 days)};
     * the origin id and SNI as {@link PlainText} (the text report and the SNS e-mail print the line as it is).
     */
    public static String resolvedLine(FindingHistory history, String key, Finding f, Instant now) {
        StringBuilder line = new StringBuilder(f.code().name()).append(" at ")
                .append(f.isAboutAnOrigin() ? "origin " + safe(f.originId()) : "the distribution");
        f.port().ifPresent(p -> line.append(", port ").append(p));
        f.sni().ifPresent(s -> line.append(", SNI ").append(safe(s)));
        line.append(": OK again");
        history.label(key, f, now).ifPresent(l -> line.append(" (was ").append(l).append(')'));
        return line.toString();
    }

    /** How every report words a distribution's state. */
    static String state(boolean enabled) {
        return enabled ? "enabled" : "DISABLED (serves no traffic: its findings reach viewers once it is enabled)";
    }

    /** E.g. {@code partial distrust: Izenpe.com, for certificates issued after 2026-04-15T23:59:59Z}. */
    static String partialDistrust(ServerDistrustAfter distrust) {
        return "partial distrust: " + distrust.label() + ", for certificates issued after " + distrust.after();
    }

    /** Active findings first, each group most severe first. */
    static List<Finding> sorted(List<Finding> findings) {
        return findings.stream()
                .sorted(Comparator.comparing(Finding::isSuppressed)
                        .thenComparing(Comparator.comparing(Finding::severity).reversed()))
                .toList();
    }

    private static Severity worst(List<Finding> findings) {
        return findings.stream().filter(Finding::isActive).map(Finding::severity).max(Comparator.naturalOrder())
                .orElse(Severity.INFO);
    }

    static String probeLine(ProbeResult p) {
        var t = p.target();
        StringBuilder line = new StringBuilder();
        line.append(t.scheme().lower()).append("://").append(safe(t.host())).append(':').append(t.port());
        t.sni().ifPresent(s -> line.append(" sni=").append(safe(s)));
        if (!t.hostHeader().equals(t.sni().orElse(t.host()))) {
            line.append(" host=").append(safe(t.hostHeader()));
        }
        p.address().ifPresent(a -> line.append(" [").append(safe(a)).append(']'));
        p.tlsVersion().ifPresent(v -> line.append(' ').append(safe(v)));
        p.cipherSuite().ifPresent(c -> line.append(' ').append(safe(c)));
        p.httpStatus().ifPresent(s -> line.append(" HTTP ").append(s));
        if (!p.timingsMs().isEmpty()) {
            line.append("  (").append(p.timingsMs().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "))).append(')');
        }
        return line.toString();
    }

    /** E.g. {@code (suppressed until 2026-12-31: migration OPS-42)}. */
    static String suppressedLabel(Finding f) {
        return f.suppressed().map(s -> "(suppressed until " + s.until() + ": " + safe(s.reason()) + ")").orElse("");
    }

    private void finding(StringBuilder out, Finding f, Place place) {
        StringBuilder head = new StringBuilder();
        head.append(f.code());
        f.port().ifPresent(p -> head.append("  port ").append(p));
        f.sni().ifPresent(s -> head.append("  sni ").append(safe(s)));
        if (f.isSuppressed()) {
            out.append("    ").append(style.dim(f.severity() + " " + head + "  " + suppressedLabel(f))).append('\n');
        } else {
            history.label(place.key(), f, place.now()).ifPresent(l -> head.append("  ").append(l));
            out.append("    ").append(style.severity(f.severity(), f.severity().name())).append(' ').append(head).append('\n');
        }
        out.append("      ").append(safe(f.message())).append('\n');
        AffectedRequests.describe(f, place.hosts())
                .ifPresent(a -> out.append("      affects: ").append(safe(a)).append('\n'));
        if (!f.evidence().isEmpty()) {
            out.append("      evidence:\n");
            for (Map.Entry<String, String> e : f.evidence().entrySet()) {
                out.append("        ").append(safe(e.getKey())).append(": ").append(safe(e.getValue())).append('\n');
            }
        }
        out.append("      fix: ").append(f.remediation()).append('\n');
        f.reproduce().ifPresent(r -> out.append("      reproduce: ").append(safe(r)).append('\n'));
    }

    private void summary(StringBuilder out, Report report) {
        RunTally tally = RunTally.of(report);
        out.append('\n').append(style.bold("Summary:")).append(' ').append(SummaryLine.of(report)).append('\n');
        if (!tally.originsByVerdict().isEmpty()) {
            out.append("\n  origins by verdict\n");
            tally.originsByVerdict().forEach((verdict, count) -> out.append("    ")
                    .append(style.verdict(verdict, pad(verdict.name(), 12))).append(String.format("%5d", count)).append('\n'));
        }
        if (!tally.findingsByCode().isEmpty()) {
            int width = tally.findingsByCode().stream().mapToInt(c -> c.code().name().length()).max().orElse(4);
            out.append("\n  findings by code\n");
            out.append("    ").append(pad("code", width)).append("  ").append(pad("severity", 8)).append("  count")
                    .append("  suppressed\n");
            for (RunTally.CodeCount c : tally.findingsByCode()) {
                out.append("    ").append(pad(c.code().name(), width)).append("  ")
                        .append(style.severity(c.code().severity(), pad(c.code().severity().name(), 8)))
                        .append(String.format("  %5d  %10d", c.active(), c.suppressed())).append('\n');
            }
        }
    }

    /** Text from outside (configuration, origins, AWS): {@link PlainText}. */
    private static String safe(String text) {
        return PlainText.of(text);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
