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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered samples in docs/samples, from a real demo run: the text report, the Markdown report and the e-mail an
 * SNS subscriber gets. {@code scripts/render-samples} runs this with {@code -Dcfoc.samples.write=true} to rewrite the
 * files; otherwise it checks that the rendering still holds what the samples show.
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
        }
    }
}
