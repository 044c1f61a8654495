package dev.cfoc.report;

import dev.cfoc.finding.Finding;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format for tickets and chat (GitHub-flavoured Markdown): a heading per distribution, its origins worst first,
 * a table of findings (code, severity, origin, port, SNI, message), then each finding with its fix, evidence in a
 * collapsed block and the reproduce command in a code block; a summary at the end.
 */
public final class MarkdownReportWriter implements ReportWriter {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private final FindingHistory history;

    public MarkdownReportWriter() {
        this(FindingHistory.NONE);
    }

    /** @param history what the alert state knows: each finding marked NEW or "since …", cleared findings listed */
    public MarkdownReportWriter(FindingHistory history) {
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
        out.append("# CloudFront origin check, ").append(report.generatedAt()).append("\n\n");
        out.append("Trust anchors: ").append(cell(report.trustAnchors().source())).append('\n');
        if (!report.trustAnchors().addedRoots().isEmpty()) {
            out.append('\n').append("> **").append(TextReportWriter.ADDED_ROOTS_NOTE).append("**\n");
            report.trustAnchors().addedRoots().forEach(r -> out.append("> - added root: ").append(cell(r)).append('\n'));
        }
        report.trustAnchors().serverDistrustAfter()
                .forEach(d -> out.append("\n").append(cell(TextReportWriter.partialDistrust(d))).append('\n'));
        report.notes().forEach(n -> out.append("\n> **Note:** ").append(cell(n)).append('\n'));
        if (!report.runFindings().isEmpty()) {
            List<Finding> findings = TextReportWriter.sorted(report.runFindings());
            out.append("\n## The run itself\n\n| Code | Severity | Message |\n|---|---|---|\n");
            findings.forEach(f -> out.append("| `").append(f.code()).append("` | ").append(severityCell(f)).append(" | ")
                    .append(cell(f.message())).append(" |\n"));
            findings.forEach(f -> details(out, f, "the run", FindingHistory.RUN_KEY, List.of(), report.generatedAt()));
        }
        resolved(out, FindingHistory.RUN_KEY, "\n## Resolved about the run itself\n\n", report.generatedAt());
        report.distributions().forEach(d -> distribution(out, d, report.generatedAt()));
        summary(out, report);
        return out.toString();
    }

    private void distribution(StringBuilder out, DistributionReport d, Instant now) {
        out.append("\n## Distribution ").append(d.id().map(MarkdownReportWriter::cell).orElse("(no id)"));
        d.domainName().ifPresent(n -> out.append(" (").append(cell(n)).append(')'));
        out.append("\n\n").append("Source: ").append(cell(d.source()));
        if (!d.aliases().isEmpty()) {
            out.append(" · Aliases: ").append(cell(String.join(", ", d.aliases())));
        }
        d.enabled().ifPresent(enabled -> out.append(" · State: ").append(enabled ? "enabled"
                : "**" + TextReportWriter.state(false) + "**"));
        out.append("\n");
        history.transition(d.label()).ifPresent(t -> out.append("\nAlert: **").append(t).append("**\n"));
        List<OriginReport> origins = d.origins().stream()
                .sorted(Comparator.comparingInt((OriginReport o) -> o.verdict().rank())).toList();
        if (!origins.isEmpty()) {
            out.append("\n| Verdict | Origin | Domain name | Findings |\n|---|---|---|---|\n");
            origins.forEach(o -> out.append("| **").append(o.verdict()).append("** | ").append(cell(o.originId()))
                    .append(" | ").append(cell(o.domainName())).append(" | ")
                    .append(o.findings().stream().filter(Finding::isActive).count()).append(" |\n"));
        }
        List<Finding> findings = new ArrayList<>(TextReportWriter.sorted(d.findings()));
        origins.forEach(o -> findings.addAll(TextReportWriter.sorted(o.findings())));
        if (findings.isEmpty()) {
            out.append("\nNo findings.\n");
            resolved(out, d.label(), "\n### Resolved\n\n", now);
            return;
        }
        out.append("\n### Findings\n\n| Code | Severity | Origin | Port | SNI | Message |\n|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            out.append("| `").append(f.code()).append("` | ").append(severityCell(f)).append(" | ")
                    .append(f.isAboutAnOrigin() ? cell(f.originId()) : "(distribution)").append(" | ")
                    .append(f.port().isPresent() ? String.valueOf(f.port().getAsInt()) : "").append(" | ")
                    .append(cell(f.sni().orElse(""))).append(" | ").append(cell(f.message())).append(" |\n");
        }
        List<String> hosts = AffectedRequests.hosts(d);
        findings.forEach(f -> details(out, f, "the distribution", d.label(), hosts, now));
        resolved(out, d.label(), "\n### Resolved\n\n", now);
        origins.stream().filter(o -> !o.probes().isEmpty() || !o.notes().isEmpty()).forEach(o -> connections(out, o));
    }

    /** The findings of {@code key} that cleared in this run (with alert state only). */
    private void resolved(StringBuilder out, String key, String heading, Instant now) {
        List<Finding> resolved = history.resolved(key);
        if (!resolved.isEmpty()) {
            out.append(heading);
            resolved.forEach(f -> out.append("- ").append(cell(TextReportWriter.resolvedLine(history, key, f, now)))
                    .append('\n'));
        }
    }

    private static String severityCell(Finding f) {
        return f.isSuppressed() ? f.severity() + " " + cell(TextReportWriter.suppressedLabel(f)) : "**" + f.severity() + "**";
    }

    /**
     * @param whole what a finding without an origin is about: the distribution, or the run
     * @param key   the alert state's key of what the finding is about
     */
    private void details(StringBuilder out, Finding f, String whole, String key, List<String> hosts, Instant now) {
        out.append("\n#### ").append(f.severity()).append(" `").append(f.code()).append("` at ")
                .append(f.isAboutAnOrigin() ? "origin " + cell(f.originId()) : whole);
        f.port().ifPresent(p -> out.append(", port ").append(p));
        f.sni().ifPresent(s -> out.append(", SNI ").append(cell(s)));
        if (f.isActive()) {
            history.label(key, f, now).ifPresent(l -> out.append(" (").append(l).append(')'));
        }
        out.append("\n\n");
        f.suppressed().ifPresent(s -> out.append("_").append(cell(TextReportWriter.suppressedLabel(f))).append("_\n\n"));
        out.append(cell(f.message())).append("\n\n");
        AffectedRequests.describe(f, hosts).ifPresent(a -> out.append("**Affects:** ").append(a).append("\n\n"));
        out.append("**Fix:** ").append(f.remediation()).append('\n');
        if (!f.evidence().isEmpty()) {
            StringBuilder evidence = new StringBuilder();
            for (Map.Entry<String, String> e : f.evidence().entrySet()) {
                evidence.append(MarkdownText.code(e.getKey())).append(": ").append(MarkdownText.code(e.getValue()))
                        .append('\n');
            }
            out.append("\n<details><summary>Evidence</summary>\n\n").append(codeBlock("text", evidence.toString()))
                    .append("\n</details>\n");
        }
        f.reproduce().ifPresent(r -> out.append("\nReproduce:\n\n").append(codeBlock("bash",
                MarkdownText.code(r) + "\n")));
    }

    private void connections(StringBuilder out, OriginReport o) {
        StringBuilder lines = new StringBuilder();
        o.notes().forEach((k, v) -> lines.append("note: ").append(MarkdownText.code(k)).append(": ")
                .append(MarkdownText.code(v)).append('\n'));
        o.probes().forEach(p -> lines.append(TextReportWriter.probeLine(p)).append('\n'));
        out.append("\n<details><summary>Connections to origin ").append(MarkdownText.html(o.originId()))
                .append("</summary>\n\n").append(codeBlock("text", lines.toString())).append("\n</details>\n");
    }

    private void summary(StringBuilder out, Report report) {
        RunTally tally = RunTally.of(report);
        out.append("\n## Summary\n\n").append(cell(SummaryLine.of(report))).append('\n');
        if (!tally.originsByVerdict().isEmpty()) {
            out.append("\n| Origins by verdict | Count |\n|---|---:|\n");
            tally.originsByVerdict().forEach((v, n) -> out.append("| ").append(v).append(" | ").append(n).append(" |\n"));
        }
        if (!tally.findingsByCode().isEmpty()) {
            out.append("\n| Finding code | Severity | Count | Suppressed |\n|---|---|---:|---:|\n");
            tally.findingsByCode().forEach(c -> out.append("| `").append(c.code()).append("` | ").append(c.code().severity())
                    .append(" | ").append(c.active()).append(" | ").append(c.suppressed()).append(" |\n"));
        }
    }

    /** Text from outside, in a table cell or running text ({@link MarkdownText#inline}). */
    static String cell(String text) {
        return MarkdownText.inline(text);
    }

    /** A fenced block whose fence is longer than any backtick run inside, so content cannot close it. */
    static String codeBlock(String language, String content) {
        int longest = 0;
        Matcher m = BACKTICK_RUN.matcher(content);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + content + (content.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
