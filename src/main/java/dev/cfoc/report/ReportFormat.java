package dev.cfoc.report;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The report formats of the CLI ({@code --format}), each with its writer. A new format is a {@link ReportWriter} and
 * a constant here; the option's label and its list of valid values come from this enum.
 */
public enum ReportFormat {

    /** For people: one block per distribution, then summary tables; coloured only on a terminal. */
    text(TextReportWriter::new),
    /** For scripts: the JSON contract, streamed (a fleet's report can be tens of megabytes). */
    json((colour, history) -> ReportFormat.endingWithLineBreak(new JsonReportWriter(history))),
    /** For tickets and chat: GitHub-flavoured Markdown. */
    markdown((colour, history) -> new MarkdownReportWriter(history));

    private final BiFunction<Boolean, FindingHistory, ReportWriter> writer;

    ReportFormat(BiFunction<Boolean, FindingHistory, ReportWriter> writer) {
        this.writer = writer;
    }

    /**
     * The writer of a printed report (stdout, a file): a text document, so it ends with a line break.
     *
     * @param colour ANSI colours where the format has them (only for a terminal)
     */
    public ReportWriter writer(boolean colour) {
        return writer(colour, FindingHistory.NONE);
    }

    /** As {@link #writer(boolean)}, marking what the alert state knows (first seen, new, resolved). */
    public ReportWriter writer(boolean colour, FindingHistory history) {
        return writer.apply(colour, history);
    }

    /** E.g. {@code text|json|markdown}: the option's parameter label. */
    public static String label() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining("|"));
    }

    /** JSON ends at its closing brace (the Lambda's answer is exactly that); a printed document ends its last line. */
    private static ReportWriter endingWithLineBreak(ReportWriter writer) {
        return (report, out) -> {
            writer.write(report, out);
            out.write(System.lineSeparator());
        };
    }
}
