package dev.cfoc.report;

import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Each --format prints its writer's report as a text document; the option's label comes from the constants. */
class ReportFormatTest {

    private final Report report = SampleReports.threeOrigins();

    private static String printed(ReportFormat format, Report report, boolean colour) throws Exception {
        StringWriter out = new StringWriter();
        format.writer(colour).write(report, out);
        return out.toString();
    }

    @Test
    void json_isTheStreamedContract_endingWithALineBreak() throws Exception {
        String printed = printed(ReportFormat.json, report, true);

        assertThat(printed).isEqualTo(new JsonReportWriter().write(report) + System.lineSeparator())
                .doesNotContain("\u001b[");
    }

    @Test
    void text_isColouredOnlyWhenAsked() throws Exception {
        assertThat(printed(ReportFormat.text, report, false)).isEqualTo(new TextReportWriter(false).write(report))
                .doesNotContain("\u001b[").endsWith("\n");
        assertThat(printed(ReportFormat.text, report, true)).isEqualTo(new TextReportWriter(true).write(report))
                .contains("\u001b[");
    }

    @Test
    void markdown_isTheMarkdownWritersDocument() throws Exception {
        assertThat(printed(ReportFormat.markdown, report, true)).isEqualTo(new MarkdownReportWriter().write(report))
                .startsWith("# CloudFront origin check, ").endsWith("\n");
    }

    @Test
    void label_listsEveryFormat_inTheEnumsOrder() {
        assertThat(ReportFormat.label()).isEqualTo("text|json|markdown");
    }
}
