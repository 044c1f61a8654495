package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an origin answers and what a configuration names is shown, never obeyed: no Markdown link, image or HTML
 * from an origin's status line, no terminal control (ESC, OSC, BEL, NUL, bidirectional override) from an id.
 */
class HostileTextTest {

    /** An origin id with a colour change, an OSC 8 hyperlink, a bell, a NUL and a right-to-left override. */
    private static final String HOSTILE_ID = "api\u001b[31m\u001b]8;;https://evil.example\u0007x\u0000\u202Egnp.exe";
    private static final String STATUS_LINE = "HTTP/1.1 503 <img src=x onerror=alert(1)> [click me](https://evil.example)"
            + " ![pixel](https://evil.example/p.png) **bold** `code`";

    private final Report report = hostileReport();

    private static Report hostileReport() {
        var finding = SampleReports.finding(HOSTILE_ID, FindingCode.HTTP_5XX, "the origin answered '" + STATUS_LINE
                + "'");
        var origin = SampleReports.origin(HOSTILE_ID, List.of(finding));
        var distribution = new DistributionReport(Optional.of("E2\u001b[2JQWRUHAPOMQZL"), "x",
                Optional.of("d1.cloudfront.net\u0007"), List.of("www.example.com\u001b[0m"), List.of(origin));
        return SampleReports.threeOrigins().withDistributions(List.of(distribution));
    }

    @Test
    void markdown_showsAnOriginsMarkupAsText() {
        String md = new MarkdownReportWriter().write(report);

        assertThat(md).doesNotContain("<img", "[click me](", "![pixel](", "**bold**", "`code`")
                .contains("&lt;img src=x onerror=alert(1)&gt; \\[click me\\](https://evil.example)")
                .contains("!\\[pixel\\]");
        assertNoTerminalControl(md);
    }

    @Test
    void text_showsControlCharactersAsEscapes() {
        for (boolean colour : List.of(false, true)) {
            String text = new TextReportWriter(colour).write(report);

            assertThat(text).contains("api\\x1b[31m\\x1b]8;;https://evil.example\\x07x\\x00\\u202egnp.exe")
                    .contains("E2\\x1b[2JQWRUHAPOMQZL", "d1.cloudfront.net\\x07", "www.example.com\\x1b[0m");
            String withoutOurColours = text.replaceAll("\u001b\\[[0-9;]*m", "");
            assertNoTerminalControl(withoutOurColours);
        }
    }

    @Test
    void aResolvedFinding_showsItsOriginAndSniAsEscapes_inEveryFormat() {
        var resolved = SampleReports.finding(HOSTILE_ID, FindingCode.CERT_EXPIRED, "expired");
        FindingHistory history = new FindingHistory() {
            @Override
            public boolean isOn() {
                return true;
            }

            @Override
            public Optional<Instant> firstSeen(String key, Finding finding) {
                return Optional.empty();
            }

            @Override
            public boolean isNew(String key, Finding finding) {
                return false;
            }

            @Override
            public Optional<String> transition(String key) {
                return Optional.empty();
            }

            @Override
            public List<Finding> resolved(String key) {
                return List.of(resolved);
            }
        };

        String text = new TextReportWriter(false, history).write(report);
        String markdown = new MarkdownReportWriter(history).write(report);

        assertThat(text).contains("CERT_EXPIRED at origin " + PlainText.of(HOSTILE_ID) + ", port 443, SNI "
                + PlainText.of(HOSTILE_ID + ".example.com") + ": OK again");
        assertNoTerminalControl(text);
        assertNoTerminalControl(markdown);
    }

    @Test
    void escapes_areStable_andLeaveOrdinaryTextAlone() {
        assertThat(PlainText.of("api.example.com: HTTP/1.1 503 Service Unavailable")).isEqualTo(
                "api.example.com: HTTP/1.1 503 Service Unavailable");
        assertThat(PlainText.of(PlainText.of(HOSTILE_ID))).isEqualTo(PlainText.of(HOSTILE_ID));
        assertThat(PlainText.of("a\r\nb\u0085c\u2028d")).isEqualTo("a\\x0d\\x0ab\\x85c\\u2028d");
        assertThat(MarkdownText.inline("# heading")).isEqualTo("\\# heading");
        assertThat(MarkdownText.inline("1. item")).isEqualTo("1\\. item");
        assertThat(MarkdownText.html("<b>\"x\"</b>")).isEqualTo("&lt;b&gt;&quot;x&quot;&lt;/b&gt;");
    }

    static void assertNoTerminalControl(String output) {
        assertThat(output.codePoints().filter(c -> c != '\n' && (Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT)).toArray()).as("control characters in the output")
                .isEmpty();
    }
}
