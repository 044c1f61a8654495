package dev.cfoc.report;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Suppressed;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order findings are shown in, whatever order the checks produced them in: active before suppressed, each group
 * most severe first (so the first lines a reader sees are the ones that break the site).
 */
class FindingOrderTest {

    /** One origin whose findings arrive least severe first, with a suppressed ERROR among them. */
    private static final Report REPORT = SampleReports.report(SampleReports.origin("api", List.of(
            SampleReports.finding("api", FindingCode.POLICY_UNRESOLVED, "assumed AllViewer"),
            SampleReports.finding("api", FindingCode.PORT_UNREACHABLE, "refused")
                    .suppressedBy(new Suppressed(LocalDate.of(2099, 1, 1), "OPS-42")),
            SampleReports.finding("api", FindingCode.CERT_EXPIRING_SOON, "expires in 9 days"),
            SampleReports.finding("api", FindingCode.CERT_EXPIRED, "expired 3 days ago"))));

    private static final List<String> EXPECTED = List.of("CERT_EXPIRED", "CERT_EXPIRING_SOON", "POLICY_UNRESOLVED",
            "PORT_UNREACHABLE");

    @Test
    void textReport_showsAnOriginsFindings_activeFirst_mostSevereFirst() {
        String text = new TextReportWriter().write(REPORT);

        assertThat(codes(text, "(?m)^    (?:ERROR|WARNING|INFO) ([A-Z_0-9]+)  port")).isEqualTo(EXPECTED);
    }

    @Test
    void markdownReport_listsTheFindings_activeFirst_mostSevereFirst() {
        String markdown = new MarkdownReportWriter().write(REPORT);

        assertThat(codes(markdown, "(?m)^\\| `([A-Z_0-9]+)` \\| [^|]+ \\| api \\|")).isEqualTo(EXPECTED);
    }

    private static List<String> codes(String rendered, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(rendered);
        return matcher.results().map(m -> m.group(1)).toList();
    }
}
