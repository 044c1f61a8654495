package dev.cfoc.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * A report format: writes a whole report to a {@link Writer}. The formats the CLI offers are {@link ReportFormat}.
 */
@FunctionalInterface
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;

    /** The report as a string (an SNS message, a test). */
    default String write(Report report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException("report cannot be serialised", e);
        }
        return out.toString();
    }
}
