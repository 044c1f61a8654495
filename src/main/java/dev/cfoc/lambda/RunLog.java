package dev.cfoc.lambda;

import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;
import dev.cfoc.state.Decision;
import dev.cfoc.suppression.Suppression;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The structured log lines of a run about its findings: one per active finding (at the finding's level), per
 * suppressed finding, per expired suppression, per published SNS message, and, when SNS failed, per finding that
 * should have been published, so that none is lost. Every finding line names its distribution, origin and code.
 */
final class RunLog {

    private final StructuredLog log;

    RunLog(StructuredLog log) {
        this.log = log;
    }

    void findings(Report report) {
        report.runFindings().stream().filter(Finding::isActive).forEach(f -> log.log(level(f),
                "finding about the run: " + f.message(), "code", f.code().name(), "severity", f.severity().name()));
        report.distributions().forEach(d -> d.allFindings().filter(Finding::isActive).forEach(f -> log.log(level(f),
                "finding: " + f.message(), fields(d, f, "severity", f.severity().name()))));
        report.distributions().forEach(d -> d.allFindings().filter(Finding::isSuppressed).forEach(f -> log.info(
                "finding suppressed: " + f.message(),
                fields(d, f, "until", f.suppressed().orElseThrow().until().toString()))));
    }

    void expiredSuppressions(List<Suppression> expired) {
        expired.forEach(e -> log.warn("suppression expired and was ignored: " + e.describe(),
                "distributionId", e.distributionId(), "originId", e.originId().orElse(null), "code", e.code().name(),
                "until", e.until().toString()));
    }

    /** One warning when the deadline left connections unchecked. */
    void notChecked(Report report) {
        long notChecked = report.count(FindingCode.NOT_CHECKED_DEADLINE);
        if (notChecked > 0) {
            log.warn(notChecked + " connection(s) not checked: the invocation's time ran out (a longer timeout, or the "
                    + "fan-out switch of docs/deploy.md, lets every origin be checked)", "code", "NOT_CHECKED_DEADLINE");
        }
    }

    /** With alert state: the transition decided for each distribution, and those another run is publishing. */
    void decisions(List<Decision> decisions) {
        decisions.forEach(d -> {
            if (d.busy()) {
                log.info("alert state held by another run, left to it", "distributionId", d.key());
            } else {
                d.transition().ifPresent(t -> log.info("alert transition: " + t, "distributionId", d.key(),
                        "transition", t.name(), "appeared", String.valueOf(d.appeared().size()),
                        "cleared", String.valueOf(d.cleared().size()), "active",
                        String.valueOf(d.next().active().size())));
            }
        });
    }

    /** With alert state: a transition that was not recorded (another run got there first, or the table failed). */
    void notRecorded(Decision decision, String why) {
        log.warn("alert state not recorded: " + why, "distributionId", decision.key(),
                "transition", decision.transition().map(Enum::name).orElse(null));
    }

    void published(List<PublishedMessage> messages) {
        messages.forEach(m -> log.info("findings published", "distributionId", m.distributionId(),
                "messageId", m.messageId(), "part", m.part() + "/" + m.parts()));
    }

    /**
     * So that the findings are not lost: what was published, the failure, and each finding of the {@code affected}
     * distributions that should have been published, with its fix and reproduce command.
     */
    void unpublished(Report report, PublishFailedException e, AlertBuilder alerts,
                     Predicate<DistributionReport> affected, String consequence) {
        published(e.published());
        log.error("findings could not be published to SNS; " + consequence, "reason", e.getMessage());
        report.distributions().stream().filter(affected).forEach(d -> alerts.alerting(d).forEach(f -> log.error(
                "unpublished finding: " + f.message(), fields(d, f, "severity", f.severity().name(),
                        "remediation", f.remediation(), "reproduce", f.reproduce().orElse(null)))));
    }

    private static StructuredLog.Level level(Finding f) {
        return f.severity() == Severity.ERROR ? StructuredLog.Level.ERROR
                : f.severity() == Severity.WARNING ? StructuredLog.Level.WARN : StructuredLog.Level.INFO;
    }

    /** Distribution, origin, code, port and SNI of a finding, then {@code more}. */
    private static String[] fields(DistributionReport d, Finding f, String... more) {
        return Stream.concat(Stream.of("distributionId", d.label(),
                        "originId", f.isAboutAnOrigin() ? f.originId() : null, "code", f.code().name(),
                        "port", f.port().isPresent() ? String.valueOf(f.port().getAsInt()) : null,
                        "sni", f.sni().orElse(null)), Stream.of(more))
                .toArray(String[]::new);
    }
}
