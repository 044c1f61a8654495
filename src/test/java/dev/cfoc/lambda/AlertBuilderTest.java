package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertBuilderTest {

    @Test
    void alert_namesTheCodesAndListsTheFindings_mostSevereFirst_whateverTheOrderOfTheOrigins() {
        var report = SampleReports.report(
                SampleReports.origin("api", List.of(
                        SampleReports.finding("api", FindingCode.POLICY_UNRESOLVED, "assumed AllViewer"),
                        SampleReports.finding("api", FindingCode.CERT_EXPIRING_SOON, "expires in 9 days"))),
                SampleReports.origin("legacy", List.of(
                        SampleReports.finding("legacy", FindingCode.CERT_EXPIRED, "expired 3 days ago"))));

        DistributionAlert alert = new AlertBuilder(Severity.INFO).alerts(report).getFirst();

        assertThat(alert.codes()).containsExactly("CERT_EXPIRED", "CERT_EXPIRING_SOON", "POLICY_UNRESOLVED");
        assertThat(alert.humanText().lines().filter(line -> line.startsWith("- ["))
                .map(line -> line.substring(0, line.indexOf(" (")))).containsExactly(
                "- [ERROR] CERT_EXPIRED at origin legacy",
                "- [WARNING] CERT_EXPIRING_SOON at origin api",
                "- [INFO] POLICY_UNRESOLVED at origin api");
    }
}
