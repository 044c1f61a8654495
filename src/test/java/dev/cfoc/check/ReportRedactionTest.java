package dev.cfoc.check;

import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.probe.ProbeResult;
import dev.cfoc.probe.Redaction;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The run-wide redaction rewrites what an origin sent, and nothing else of a finding. */
class ReportRedactionTest {

    private static final String SECRET = "tW9-origin-verify-5ecr3t";
    private static final Redaction REDACTION = Redaction.none().with(List.of(new CustomHeader("X-Origin-Verify",
            Secret.of(SECRET))));

    @Test
    void aRedactedFinding_keepsItsPathsCodeAndConnection() {
        Finding reflected = SampleReports.finding("api", FindingCode.HTTP_5XX, "the origin answered 'HTTP/1.1 500 "
                + SECRET + "'");
        Report report = SampleReports.report(SampleReports.origin("api", List.of(reflected)));

        Finding redacted = new ReportRedaction(REDACTION).apply(report).findings().findFirst().orElseThrow();

        assertThat(redacted.message()).doesNotContain(SECRET).contains("<redacted>");
        assertThat(redacted.paths()).isEqualTo(reflected.paths()).isNotEmpty();
        assertThat(redacted.code()).isEqualTo(reflected.code());
        assertThat(redacted.port()).isEqualTo(reflected.port());
        assertThat(redacted.sni()).isEqualTo(reflected.sni());
    }

    /** Every place the class names: run, distribution and origin findings, probe problems, certificates, notes. */
    @Test
    void everyTextThatCanHoldWhatAnOriginSent_isRedacted_andTheConfigurationsNamesAreNot() {
        Report redacted = new ReportRedaction(REDACTION).apply(reportWithTheSecretEverywhere());

        assertThat(redacted.runFindings()).singleElement().satisfies(ReportRedactionTest::assertRedacted);
        DistributionReport distribution = redacted.distributions().getFirst();
        assertThat(distribution.findings()).singleElement().satisfies(ReportRedactionTest::assertRedacted);
        OriginReport origin = distribution.origins().getFirst();
        assertThat(origin.findings()).singleElement().satisfies(ReportRedactionTest::assertRedacted);
        assertThat(origin.notes()).containsEntry("statusLine", "HTTP/1.1 500 <redacted>");
        ProbeResult probe = origin.probes().getFirst();
        assertThat(probe.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("answered <redacted>");
            assertThat(p.evidence()).containsEntry("statusLine", "HTTP/1.1 500 <redacted>");
        });
        assertThat(probe.certificateChain()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("CN=<redacted>");
            assertThat(c.issuer()).isEqualTo("CN=<redacted> CA");
            assertThat(c.subjectAltNames()).containsExactly("<redacted>.example.com");
        });
        assertThat(redacted.notes()).containsExactly("note: <redacted>");
        assertThat(new JsonReportWriter().write(redacted)).doesNotContain(SECRET);
        assertThat(distribution.id()).hasValue(SampleReports.DISTRIBUTION_ID);
        assertThat(origin.originId()).isEqualTo("api");
        assertThat(origin.domainName()).isEqualTo("api.example.com");
        assertThat(redacted.summary()).isEqualTo(reportWithTheSecretEverywhere().summary());
    }

    private static void assertRedacted(Finding f) {
        assertThat(f.message()).isEqualTo("answered <redacted>");
        assertThat(f.evidence()).containsEntry("statusLine", "HTTP/1.1 500 <redacted>");
        assertThat(f.reproduce()).hasValue("curl -H 'X-Origin-Verify: <redacted>' https://api.example.com/");
    }

    private static Finding reflecting(String originId) {
        return new Finding(FindingCode.HTTP_5XX, originId, OptionalInt.empty(), Optional.empty(), "answered " + SECRET,
                Map.of("statusLine", "HTTP/1.1 500 " + SECRET), Optional.of("curl -H 'X-Origin-Verify: " + SECRET
                + "' https://api.example.com/"), Optional.empty(), List.of("*"));
    }

    private static Report reportWithTheSecretEverywhere() {
        ProbeResult sample = SampleReports.probe("api", "api.example.com");
        CertificateSummary certificate = new CertificateSummary("CN=" + SECRET, "CN=" + SECRET + " CA",
                List.of(SECRET + ".example.com"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), "01", "ab", "RSA 2048", "SHA256withRSA");
        ProbeResult probe = new ProbeResult(sample.target(), sample.address(), sample.tlsVersion(),
                sample.cipherSuite(), List.of(certificate), OptionalInt.of(500), sample.timingsMs(),
                List.of(new Problem(FindingCode.HTTP_5XX, "answered " + SECRET,
                        Map.of("statusLine", "HTTP/1.1 500 " + SECRET))));
        Finding onOrigin = reflecting("api");
        OriginReport origin = new OriginReport("api", "api.example.com", SampleReports.origin("api",
                List.of(onOrigin)).verdict(), Map.of("statusLine", "HTTP/1.1 500 " + SECRET), List.of(probe),
                List.of(onOrigin));
        Report sampleReport = SampleReports.report(origin);
        DistributionReport distribution = sampleReport.distributions().getFirst()
                .withFindings(List.of(reflecting(Finding.NO_ORIGIN)));
        return new Report(sampleReport.generatedAt(), sampleReport.trustAnchors(), List.of(distribution),
                sampleReport.withDistributions(List.of(distribution)).summary(), List.of("note: " + SECRET),
                List.of(reflecting(Finding.NO_ORIGIN)));
    }
}
