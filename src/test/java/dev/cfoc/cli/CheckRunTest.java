package dev.cfoc.cli;

import dev.cfoc.report.ReportFormat;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link CheckRun} prints a report: what reaches stdout, and a writer that fails half-way. */
class CheckRunTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CheckRun run = new CheckRun(new PrintWriter(out), new PrintWriter(err));

    @Test
    void aWrittenReport_isAllOnStdout() {
        assertThat(run.print(SampleReports.threeOrigins(), ReportFormat.json.writer(false))).isTrue();

        assertThat(out.toString()).startsWith("{").contains("\"CERT_EXPIRED\"").endsWith("}" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    /** Not the stream's failure (a PrintWriter keeps those for checkError()) but the writer's: exit 3, not 0 or 1. */
    @Test
    void aWriterThatFailsHalfWay_isAnInternalError_notASuccess() {
        assertThatThrownBy(() -> run.print(SampleReports.threeOrigins(), (report, writer) -> {
            writer.write("{\"distributions\": [");
            throw new IOException("cannot serialise a finding");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("writing the report")
                .hasRootCauseMessage("cannot serialise a finding");
    }
}
