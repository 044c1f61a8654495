package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SNS e-mail body (the alert's text, then its JSON) shows ids and an origin's words with their control characters as escapes, never raw. */
class AlertEmailTextTest {

    @Test
    void idsAndOriginText_withTerminalControls_areEscapedInTheEmailBody() {
        String originId = "api\u001b]8;;https://evil.example\u0007\u0000";
        var finding = SampleReports.finding(originId, FindingCode.CERT_EXPIRED, "answered \u001b[2J\u202Eevil");
        var distribution = new DistributionReport(Optional.of("E2\u001b[31mQWRUHAPOMQZL"), "x",
                Optional.of("d1.cloudfront.net\u0007"), List.of("www.example.com\u0000"),
                List.of(SampleReports.origin(originId, List.of(finding))));
        Report report = SampleReports.threeOrigins().withDistributions(List.of(distribution));

        DistributionAlert alert = new AlertBuilder(Severity.WARNING).alerts(report).getFirst();
        String body = alert.humanText() + alert.findingsJson();

        assertThat(alert.humanText()).contains("CloudFront distribution E2\\x1b[31mQWRUHAPOMQZL (d1.cloudfront.net\\x07)",
                "origin api\\x1b]8;;https://evil.example\\x07\\x00", "answered \\x1b[2J\\u202eevil");
        assertThat(body.codePoints().filter(c -> c != '\n' && (Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT)).toArray()).as("control characters in the e-mail body")
                .isEmpty();
    }
}
