package dev.cfoc.lambda;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.SnsEmails;
import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.check.Checker;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.sample.DemoOrigins;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.report.MarkdownReportWriter;
import dev.cfoc.report.Report;
import dev.cfoc.report.TextReportWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.state.AlertHistory;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.Decision;
import dev.cfoc.state.FileStateStore;
import dev.cfoc.state.ReportObservations;
import dev.cfoc.state.Transitions;
import java.time.Instant;
import java.time.ZoneOffset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered samples in docs/samples, from a real demo run: the text report, the Markdown report and the e-mail an
 * SNS subscriber gets. {@code scripts/render-samples} runs this with {@code -Dcfoc.samples.write=true} to rewrite the
 * files; otherwise it checks that today's rendering is what the samples show, apart from what differs per run.
 */
class RenderedSamplesIT {

    static final Path SAMPLES = Path.of("docs", "samples");
    private static Report report;

    @BeforeAll
    static void runTheDemo() throws Exception {
        Clock clock = Clock.systemUTC();
        try (DemoOrigins origins = DemoOrigins.start()) {
            var distributions = new DistributionFileLoader().loadString(origins.distributionJson(), "demo-distribution.json");
            var anchors = TrustAnchors.mozilla().plus(List.of(origins.rootCertificate()));
            var rules = new CertificateRules(anchors, Duration.ofDays(CertificateRules.DEFAULT_EXPIRY_WARNING_DAYS), clock);
            var runner = new ProbeRunner(LoopbackOrigins.prober(HostResolver.cached(HostResolver.fixed(origins.hosts())),
                    rules));
            report = new Checker(new Planner(), runner, clock).check(distributions, PolicyCatalog.empty(),
                    new Report.TrustAnchorsNote(anchors.description(), anchors.added().stream()
                            .map(c -> c.getSubjectX500Principal().getName()).toList()));
        }
    }

    @Test
    void samples_showEveryDemoProblemWithFixAndReproduce() throws Exception {
        String text = new TextReportWriter().write(report);
        String markdown = new MarkdownReportWriter().write(report);
        List<DistributionAlert> alerts = new AlertBuilder(Severity.WARNING).alerts(report);
        String email = SnsEmails.email(alerts.getFirst());

        assertThat(text).contains("[ERROR] origin expired").contains("fix: ").contains("reproduce: openssl s_client")
                .contains("findings by code");
        assertThat(markdown).contains("## Distribution EDEMO1CHECKER").contains("| `CERT_EXPIRED` | **ERROR** |");
        assertThat(email).startsWith("Subject: [ERROR] EDEMO1CHECKER: ")
                .contains("Details (evidence, fix, and a command that reproduces each finding):")
                .contains("\"code\" : \"CERT_EXPIRED\"");

        if (Boolean.getBoolean("cfoc.samples.write")) {
            Files.createDirectories(SAMPLES);
            Files.writeString(SAMPLES.resolve("demo-report.txt"), text);
            Files.writeString(SAMPLES.resolve("demo-report.md"), markdown);
            Files.writeString(SAMPLES.resolve("sns-email.txt"), email);
        } else {
            assertThat(comparable(text)).as("docs/samples/demo-report.txt: run scripts/render-samples")
                    .isEqualTo(comparable(Files.readString(SAMPLES.resolve("demo-report.txt"))));
            assertThat(comparable(markdown)).as("docs/samples/demo-report.md: run scripts/render-samples")
                    .isEqualTo(comparable(Files.readString(SAMPLES.resolve("demo-report.md"))));
            assertThat(comparable(email)).as("docs/samples/sns-email.txt: run scripts/render-samples")
                    .isEqualTo(comparable(Files.readString(SAMPLES.resolve("sns-email.txt"))));
        }
    }

    /**
     * A rendering with what differs from run to run replaced: instants, the origins' ports (ephemeral: five digits),
     * timings, and the certificates' serial numbers and fingerprints (a new PKI per run).
     */
    static String comparable(String rendered) {
        return rendered
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<instant>")
                .replaceAll("\\b\\d{5}\\b", "<port>")
                .replaceAll("\\b\\d+ ms\\b", "<n> ms")
                .replaceAll("\"(dns|connect|tls|tlsDiagnosis|http|durationMs)\" : \\d+", "\"$1\" : <n>")
                .replaceAll("\"serialNumber\" : \"[0-9a-f]+\"", "\"serialNumber\" : <serial>")
                .replaceAll("([0-9A-F]{2}:){31}[0-9A-F]{2}", "<sha256>");
    }

    /**
     * With alert state (STATE_TABLE): the e-mail of each transition for the demo distribution, hour by hour — NEW,
     * then a REMINDER a day later, CHANGED when the expired certificate is renewed, RESOLVED when every origin is fixed.
     */
    @Test
    void transitionSamples_newReminderChangedResolved(@TempDir Path dir) throws Exception {
        Instant t0 = report.generatedAt();
        var store = new FileStateStore(dir.resolve("state.json"));
        DistributionReport demo = report.distributions().getFirst();
        Report renewed = at(report.withDistributions(List.of(demo.with(demo.origins().stream()
                .map(o -> o.originId().equals("expired") ? o.withFindings(List.of()) : o).toList(),
                demo.findings()))), t0.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        Report fixed = at(report.withDistributions(List.of(demo.with(demo.origins().stream()
                .map(o -> o.withFindings(List.of())).toList(), List.of()))), t0.plus(Duration.ofDays(3)));

        String newEmail = transitionEmail(store, report, "NEW");
        String reminder = transitionEmail(store, at(report, t0.plus(Duration.ofDays(1))), "REMINDER");
        String changed = transitionEmail(store, renewed, "CHANGED");
        String resolved = transitionEmail(store, fixed, "RESOLVED");

        assertThat(newEmail).startsWith("Subject: [ERROR] ").contains("NEW: CloudFront will fail requests")
                .contains("will get 502");
        assertThat(reminder).startsWith("Subject: [REMINDER] [ERROR] ").contains("failing since " + t0
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", 1 day");
        assertThat(changed).startsWith("Subject: [CHANGED] [ERROR] ").contains("Cleared:\n- CERT_EXPIRED at origin "
                + "expired");
        assertThat(resolved).startsWith("Subject: [RESOLVED] ").contains("OK again")
                .contains("What was failing, and for how long:");

        if (Boolean.getBoolean("cfoc.samples.write")) {
            Files.writeString(SAMPLES.resolve("sns-email-new.txt"), newEmail);
            Files.writeString(SAMPLES.resolve("sns-email-reminder.txt"), reminder);
            Files.writeString(SAMPLES.resolve("sns-email-changed.txt"), changed);
            Files.writeString(SAMPLES.resolve("sns-email-resolved.txt"), resolved);
        }
    }

    /** The run's e-mail for the demo distribution, after the state in {@code store} (then recorded as published). */
    private static String transitionEmail(FileStateStore store, Report run, String transition) {
        var clock = Clock.fixed(run.generatedAt(), ZoneOffset.UTC);
        var ledger = new AlertLedger(store, new Transitions(Transitions.DEFAULT_REMIND_AFTER), clock);
        List<Decision> decisions = ledger.decide(ReportObservations.of(run, Severity.WARNING, run.generatedAt()));
        decisions.forEach(ledger::record);
        List<AlertBuilder.TransitionAlert> alerts = new AlertBuilder(Severity.WARNING).alerts(run, decisions,
                new AlertHistory(decisions));
        assertThat(alerts).extracting(a -> a.alert().transition().orElseThrow().name()).containsExactly(transition);
        return SnsEmails.email(alerts.getFirst().alert());
    }

    private static Report at(Report r, Instant generatedAt) {
        return new Report(generatedAt, r.trustAnchors(), r.distributions(), r.summary(), r.notes(), r.runFindings());
    }
}
