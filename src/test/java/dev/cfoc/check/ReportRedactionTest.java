package dev.cfoc.check;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.probe.Redaction;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run-wide redaction rewrites what an origin sent, and nothing else of a finding. */
class ReportRedactionTest {

    private static final String SECRET = "tW9-origin-verify-5ecr3t";

    @Test
    void aRedactedFinding_keepsItsPathsCodeAndConnection() {
        Finding reflected = SampleReports.finding("api", FindingCode.HTTP_5XX, "the origin answered 'HTTP/1.1 500 "
                + SECRET + "'");
        Report report = SampleReports.report(SampleReports.origin("api", List.of(reflected)));
        Redaction redaction = Redaction.none().with(List.of(new CustomHeader("X-Origin-Verify", Secret.of(SECRET))));

        Finding redacted = new ReportRedaction(redaction).apply(report).findings().findFirst().orElseThrow();

        assertThat(redacted.message()).doesNotContain(SECRET).contains("<redacted>");
        assertThat(redacted.paths()).isEqualTo(reflected.paths()).isNotEmpty();
        assertThat(redacted.code()).isEqualTo(reflected.code());
        assertThat(redacted.port()).isEqualTo(reflected.port());
        assertThat(redacted.sni()).isEqualTo(reflected.sni());
    }
}
