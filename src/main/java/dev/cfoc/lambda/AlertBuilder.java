package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.AffectedRequests;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.FindingHistory;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.PlainText;
import dev.cfoc.report.TextReportWriter;
import dev.cfoc.state.Decision;
import dev.cfoc.state.TrackedFinding;
import dev.cfoc.state.Transition;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
    static final String RUN_LABEL = FindingHistory.RUN_KEY;

    /** With alert state: the alert that publishes {@code decision}'s transition. */
    record TransitionAlert(Decision decision, DistributionAlert alert) {
    }

    List<DistributionAlert> alerts(Report report) {
        List<Finding> unread = nothingRead(report);
        List<DistributionAlert> alerts = new ArrayList<>();
        report.distributions().stream().filter(d -> unread.isEmpty() || !isUnread(d))
                .map(d -> alert(report, d)).flatMap(Optional::stream).forEach(alerts::add);
        runAlert(report, unread).ifPresent(alerts::add);
        return List.copyOf(alerts);
    }

    /**
     * Decision: when a run could not list the account's distributions (ListDistributions AccessDenied, no
     * credentials…) and so checked nothing, that is published whatever MIN_SEVERITY says: in the message about the
     * run, which then carries the findings of what could not be read (and not one message per unread distribution).
     * Empty otherwise: a named id that cannot be read is a finding of its distribution like any other.
     */
    private static List<Finding> nothingRead(Report report) {
        if (!report.coverage().checkedNothing() || !report.hasDistribution(Unavailable.UNLISTED)) {
            return List.of();
        }
        return report.distributions().stream().flatMap(d -> d.findings().stream())
                .filter(Finding::isActive).filter(f -> f.code().meansNotChecked()).toList();
    }

    private static boolean isUnread(DistributionReport d) {
        return d.findings().stream().anyMatch(f -> f.code().meansNotChecked());
    }

    /** The findings that call for a message: active (not suppressed) ones at or above the threshold. */
    List<Finding> alerting(DistributionReport distribution) {
        return alerting(distribution.allFindings());
    }

    private List<Finding> alertingAboutTheRun(Report report) {
        return alerting(report.runFindings().stream());
    }

    private List<Finding> alerting(Stream<Finding> findings) {
        return findings.filter(Finding::isActive).filter(f -> f.severity().isAtLeast(threshold)).toList();
    }

    /** @param unread the findings of a run that could read nothing (published whatever the threshold) */
    private Optional<DistributionAlert> runAlert(Report report, List<Finding> unread) {
        List<Finding> findings = new ArrayList<>(alertingAboutTheRun(report));
        findings.addAll(unread);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        var codes = new LinkedHashSet<String>();
        findings.forEach(f -> codes.add(f.code().name()));
        StringBuilder out = new StringBuilder("The checker itself (run of ").append(report.generatedAt()).append(")\n\n");
        if (!unread.isEmpty()) {
            out.append("NOTHING WAS CHECKED: the checker could not read the distributions it was asked for, so no 502 ")
                    .append("can be predicted until this is fixed.\n");
            unread.forEach(f -> out.append("- ").append(f.message()).append('\n'));
            out.append("Fix: ").append(unread.getFirst().remediation()).append("\n\n");
        }
        out.append(findings.size()).append(" finding").append(findings.size() == 1 ? "" : "s")
                .append(" about the run, not about a distribution:\n");
        findings.forEach(f -> out.append("- [").append(f.severity()).append("] ").append(f.code()).append(": ")
                .append(f.code().title()).append('\n'));
        out.append('\n').append(text.write(unread.isEmpty() ? report.withDistributions(List.of()) : report));
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

    /**
     * With alert state: one alert per decision that has a transition to send (a decision another run holds is left
     * to it), about the distribution or the run it names, saying what changed.
     */
    List<TransitionAlert> alerts(Report report, List<Decision> decisions, FindingHistory history) {
        List<TransitionAlert> alerts = new ArrayList<>();
        for (Decision decision : decisions) {
            if (decision.busy() || decision.transition().isEmpty()) {
                continue;
            }
            if (decision.key().equals(RUN_LABEL)) {
                alerts.add(new TransitionAlert(decision, transitionAlert(report, Optional.empty(), decision, history)));
            } else {
                report.distributions().stream().filter(d -> d.label().equals(decision.key())).findFirst()
                        .ifPresent(d -> alerts.add(new TransitionAlert(decision,
                                transitionAlert(report, Optional.of(d), decision, history))));
            }
        }
        return List.copyOf(alerts);
    }

    private DistributionAlert transitionAlert(Report report, Optional<DistributionReport> distribution,
                                              Decision decision, FindingHistory history) {
        Transition transition = decision.transition().orElseThrow();
        boolean resolved = transition == Transition.RESOLVED;
        List<TrackedFinding> about = resolved ? decision.cleared() : decision.next().active();
        Severity worst = decision.worst().orElse(Severity.INFO);
        var codes = new LinkedHashSet<String>();
        about.stream().sorted(Comparator.comparing(TrackedFinding::severity).reversed())
                .forEach(f -> codes.add(f.code()));
        int origins = (int) about.stream().filter(TrackedFinding::isAboutAnOrigin)
                .filter(f -> resolved || f.severity() == worst).map(TrackedFinding::originId).distinct().count();
        String key = decision.key();
        List<Finding> current = distribution.map(this::alerting).orElseGet(() -> alertingAboutTheRun(report));
        List<String> hosts = distribution.map(AffectedRequests::hosts).orElse(List.of());

        StringBuilder out = new StringBuilder();
        distribution.ifPresentOrElse(d -> out.append(heading(d)),
                () -> out.append("The checker itself (run of ").append(report.generatedAt()).append(")\n"));
        out.append('\n');
        String since = decision.previous().state().lastPublished()
                .map(t -> " (" + t.truncatedTo(ChronoUnit.SECONDS) + ")").orElse("");
        switch (transition) {
            case NEW -> out.append("NEW: ").append(headline(worst, current.size())).append('\n');
            case CHANGED -> out.append("CHANGED since the last message").append(since).append(". ")
                    .append(headline(worst, current.size())).append('\n');
            case REMINDER -> out.append("REMINDER: nothing changed since the last message").append(since).append(". ")
                    .append(headline(worst, current.size())).append('\n');
            case RESOLVED -> out.append("RESOLVED: every finding published before has cleared.\n");
        }
        if (transition == Transition.CHANGED) {
            section(out, "Appeared:", current.stream().filter(f -> history.isNew(key, f)).toList(), distribution,
                    key, hosts, history, report.generatedAt());
            section(out, "Still failing:", current.stream().filter(f -> !history.isNew(key, f)).toList(),
                    distribution, key, hosts, history, report.generatedAt());
        } else if (!resolved) {
            section(out, "", current, distribution, key, hosts, history, report.generatedAt());
        }
        Set<String> seenNow = new HashSet<>();
        current.forEach(f -> seenNow.add(TrackedFinding.fingerprint(key, f)));
        List<TrackedFinding> kept = decision.still().stream().filter(f -> !seenNow.contains(f.fingerprint())).toList();
        if (!kept.isEmpty()) {
            out.append("Kept from earlier runs (not checked in this run, so not resolved):\n");
            kept.forEach(f -> out.append("- [").append(f.severity()).append("] ").append(f.code()).append(" at ")
                    .append(f.isAboutAnOrigin() ? "origin " + f.originId() : "the distribution")
                    .append(", last seen ").append(f.lastSeen()).append('\n'));
        }
        List<Finding> cleared = history.resolved(key);
        if (!cleared.isEmpty()) {
            out.append(resolved ? "What was failing, and for how long:\n" : "Cleared:\n");
            cleared.forEach(f -> {
                out.append("- ").append(TextReportWriter.resolvedLine(history, key, f, report.generatedAt()))
                        .append('\n');
                AffectedRequests.requests(f, hosts).ifPresent(r -> out.append("  ").append(r)
                        .append(" are no longer affected").append('\n'));
            });
        }
        out.append('\n').append("Details (evidence, fix, and a command that reproduces each finding):\n");
        Report part = distribution.map(d -> report.withRunFindings(List.of()).withDistributions(List.of(d)))
                .orElseGet(() -> report.withDistributions(List.of()));
        out.append(new TextReportWriter(false, history).write(part));
        JsonReportWriter json = new JsonReportWriter(history);
        String findingsJson = distribution.map(json::write).orElseGet(() -> json.write(current));
        return new DistributionAlert(key, worst, origins, List.copyOf(codes), out.toString(), findingsJson,
                distribution.flatMap(d -> AffectedRequests.hosts(d).stream().findFirst()),
                Optional.of(transition));
    }

    /** One line per finding, with when it was first seen and which requests it hits. */
    private static void section(StringBuilder out, String title, List<Finding> findings,
                                Optional<DistributionReport> distribution, String key, List<String> hosts,
                                FindingHistory history, Instant now) {
        if (findings.isEmpty()) {
            return;
        }
        if (!title.isEmpty()) {
            out.append(title).append('\n');
        }
        findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).forEach(f -> {
            out.append("- ").append(distribution.map(d -> line(d, f)).orElseGet(() -> "[" + f.severity() + "] "
                    + f.code() + ": " + f.code().title())).append('\n');
            history.label(key, f, now).ifPresent(l -> out.append("  ").append(l).append('\n'));
            AffectedRequests.describe(f, hosts).ifPresent(a -> out.append("  ").append(a).append('\n'));
        });
    }

    private static String heading(DistributionReport d) {
        StringBuilder out = new StringBuilder("CloudFront distribution ").append(PlainText.of(d.label()));
        d.domainName().ifPresent(n -> out.append(" (").append(PlainText.of(n)).append(')'));
        out.append('\n');
        if (!d.aliases().isEmpty()) {
            out.append("Aliases: ").append(PlainText.of(String.join(", ", d.aliases()))).append('\n');
        }
        return out.toString();
    }

    private String humanText(Report report, DistributionReport d, List<Finding> findings, Severity worst) {
        StringBuilder out = new StringBuilder(heading(d));
        out.append('\n').append(headline(worst, findings.size())).append('\n');
        List<String> hosts = AffectedRequests.hosts(d);
        findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).forEach(f -> {
            out.append("- ").append(line(d, f)).append('\n');
            AffectedRequests.describe(f, hosts).ifPresent(a -> out.append("  ").append(a).append('\n'));
        });
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
