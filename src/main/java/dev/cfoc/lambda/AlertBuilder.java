package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.PlainText;
import dev.cfoc.report.TextReportWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns a report into what SNS publishes: one {@link DistributionAlert} per distribution that has findings at or
 * above the threshold, then one for the findings about the run itself, if any. Pure. The human text says what is
 * wrong and where in a few lines, then gives the text report of that distribution (evidence, fix, reproduce); the JSON
 * is that distribution's part of the JSON report.
 */
final class AlertBuilder {

    private final Severity threshold;
    private final JsonReportWriter json = new JsonReportWriter();
    private final TextReportWriter text = new TextReportWriter();

    AlertBuilder(Severity threshold) {
        this.threshold = threshold;
    }

    /**
     * Decision: findings about the run itself (TRUST_STORE_STALE) are published as one more message, after the
     * distributions', labelled with this instead of a distribution id (subject and {@code distributionId} attribute).
     */
    static final String RUN_LABEL = "cloudfront-origin-checker";

    List<DistributionAlert> alerts(Report report) {
        List<DistributionAlert> alerts = new ArrayList<>();
        report.distributions().stream().map(d -> alert(report, d)).flatMap(Optional::stream).forEach(alerts::add);
        runAlert(report).ifPresent(alerts::add);
        return List.copyOf(alerts);
    }

    /** The findings that call for a message: active (not suppressed) ones at or above the threshold. */
    List<Finding> alerting(DistributionReport distribution) {
        return distribution.allFindings().filter(Finding::isActive).filter(f -> f.severity().isAtLeast(threshold))
                .toList();
    }

    private Optional<DistributionAlert> runAlert(Report report) {
        List<Finding> findings = report.runFindings().stream().filter(Finding::isActive)
                .filter(f -> f.severity().isAtLeast(threshold)).toList();
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        var codes = new LinkedHashSet<String>();
        findings.forEach(f -> codes.add(f.code().name()));
        StringBuilder out = new StringBuilder("The checker itself (run of ").append(report.generatedAt()).append(")\n\n")
                .append(findings.size()).append(" finding").append(findings.size() == 1 ? "" : "s")
                .append(" about the run, not about a distribution:\n");
        findings.forEach(f -> out.append("- [").append(f.severity()).append("] ").append(f.code()).append(": ")
                .append(f.code().title()).append('\n'));
        out.append('\n').append(text.write(report.withDistributions(List.of())));
        return Optional.of(new DistributionAlert(RUN_LABEL, worst, 0, List.copyOf(codes), out.toString(),
                json.write(findings)));
    }

    private Optional<DistributionAlert> alert(Report report, DistributionReport distribution) {
        List<Finding> findings = alerting(distribution);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        // The subject's count goes with its severity word: "2 origins failing" counts the origins with ERRORs.
        int originsAffected = (int) distribution.origins().stream()
                .filter(o -> o.findings().stream().filter(Finding::isActive).anyMatch(f -> f.severity() == worst))
                .count();
        var codes = new LinkedHashSet<String>();
        findings.stream().sorted(Comparator.comparing(Finding::severity).reversed())
                .forEach(f -> codes.add(f.code().name()));
        String humanText = humanText(report, distribution, findings, worst);
        return Optional.of(new DistributionAlert(distribution.label(), worst, originsAffected, List.copyOf(codes),
                humanText, json.write(distribution)));
    }

    private String humanText(Report report, DistributionReport d, List<Finding> findings, Severity worst) {
        StringBuilder out = new StringBuilder();
        out.append("CloudFront distribution ").append(PlainText.of(d.label()));
        d.domainName().ifPresent(n -> out.append(" (").append(PlainText.of(n)).append(')'));
        out.append('\n');
        if (!d.aliases().isEmpty()) {
            out.append("Aliases: ").append(PlainText.of(String.join(", ", d.aliases()))).append('\n');
        }
        out.append('\n').append(headline(worst, findings.size())).append('\n');
        findings.stream().sorted(Comparator.comparing(Finding::severity).reversed())
                .forEach(f -> out.append("- ").append(line(d, f)).append('\n'));
        out.append('\n').append("Details (evidence, fix, and a command that reproduces each finding):\n");
        out.append(text.write(report.withRunFindings(List.of()).withDistributions(List.of(d))));
        return out.toString();
    }

    private static String headline(Severity worst, int count) {
        String what = switch (worst) {
            case ERROR -> "CloudFront will fail requests to this distribution's origins (502/504)";
            case WARNING -> "Problems that will become failures, or already hurt viewers";
            case INFO -> "Notes on what could not be predicted";
        };
        return what + ": " + count + " finding" + (count == 1 ? "" : "s") + ".";
    }

    /** E.g. {@code [ERROR] CERT_EXPIRED at origin api (api.example.com), port 443, SNI api.example.com: message}. */
    private static String line(DistributionReport d, Finding f) {
        StringBuilder line = new StringBuilder("[").append(f.severity()).append("] ").append(f.code()).append(" at ");
        if (f.isAboutAnOrigin()) {
            line.append("origin ").append(PlainText.of(f.originId()));
            d.origins().stream().filter(o -> o.originId().equals(f.originId())).findFirst()
                    .map(OriginReport::domainName).ifPresent(n -> line.append(" (").append(PlainText.of(n)).append(')'));
        } else {
            line.append("the distribution");
        }
        f.port().ifPresent(p -> line.append(", port ").append(p));
        f.sni().ifPresent(s -> line.append(", SNI ").append(PlainText.of(s)));
        return line.append(": ").append(f.code().title()).toString();
    }
}
