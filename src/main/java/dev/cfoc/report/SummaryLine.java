package dev.cfoc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-line summary of a run, the same words in the text and Markdown reports and on the CLI's stderr: what was
 * checked out of what was planned, the gaps, the findings and the time. Reads correctly whatever was checked, from
 * nothing (no distribution asked for, or none readable) to everything.
 */
public final class SummaryLine {

    private SummaryLine() {
    }

    /**
     * E.g. {@code 1 distribution, 3 origins (1 ERROR, 1 WARNING, 1 OK), 3 connections; 1 error, 1 warning; 42 ms} or
     * {@code nothing checked: 1 distribution could not be read; 0 errors, 1 warning; 5 ms}.
     */
    public static String of(Report report) {
        Summary s = report.summary();
        Coverage c = report.coverage();
        List<String> parts = new ArrayList<>();
        parts.add(checked(report, c));
        if (!c.complete()) {
            parts.add((c.checkedNothing() ? "" : "incomplete: ") + c.gaps());
        }
        parts.add(Counts.of(s.errors(), "error") + ", " + Counts.of(s.warnings(), "warning")
                + (s.suppressed() > 0 ? ", " + s.suppressed() + " suppressed" : ""));
        parts.add(s.durationMs() + " ms");
        return String.join("; ", parts);
    }

    /** What was checked: distributions, origins by verdict, connections. */
    private static String checked(Report report, Coverage c) {
        if (c.distributionsPlanned() == 0) {
            return "no distribution to check";
        }
        if (c.checkedNothing()) {
            return "nothing checked";
        }
        List<String> what = new ArrayList<>();
        what.add(c.distributionsChecked() == c.distributionsPlanned()
                ? Counts.of(c.distributionsPlanned(), "distribution")
                : c.distributionsChecked() + " of " + Counts.of(c.distributionsPlanned(), "distribution") + " checked");
        RunTally tally = RunTally.of(report);
        if (report.summary().origins() > 0) {
            what.add(Counts.of(report.summary().origins(), "origin") + " (" + tally.originsByVerdict().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")");
        }
        if (c.connectionsPlanned() > 0) {
            what.add(c.connectionsChecked() == c.connectionsPlanned()
                    ? Counts.of(c.connectionsPlanned(), "connection")
                    : c.connectionsChecked() + " of " + Counts.of(c.connectionsPlanned(), "connection") + " checked");
        }
        return String.join(", ", what);
    }
}
