package dev.cfoc.cli;

import dev.cfoc.finding.Severity;
import dev.cfoc.report.Coverage;
import dev.cfoc.report.Report;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The exit-code contract of the CLI (README): 0 clean, 1 findings, 2 bad usage or input, 3 internal error (or the
 * report could not be written), 4 incomplete (something planned was not checked).
 */
final class ExitCodes {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;
    static final int INCOMPLETE = 4;

    /** The help's lines for these codes (picocli exitCodeList: constants, so an annotation can hold them). */
    static final String HELP_CLEAN = "0:nothing at or above --fail-on, and everything planned was checked";
    static final String HELP_FINDINGS = "1:findings at or above --fail-on";
    static final String HELP_BAD_INPUT = "2:bad usage or bad input (config, trust anchors, suppressions)";
    static final String HELP_INTERNAL_ERROR = "3:internal error (a bug: please report it), or the report could not be "
            + "written (disk full, closed pipe)";
    static final String HELP_INCOMPLETE = "4:incomplete: a distribution could not be read or connections were not "
            + "checked (and no finding made it 1); --allow-incomplete turns this into 0";
    static final String HELP_HEADING = "%nExit codes:%n";

    private ExitCodes() {
    }

    /**
     * 1 when an active finding is at or above {@code failOn}; else 4 when the run is incomplete (unless allowed), said
     * on {@code err}; else 0.
     */
    static int of(Report report, Optional<Severity> failOn, boolean allowIncomplete, PrintWriter err) {
        if (failOn.filter(report::hasFindingsAtLeast).isPresent()) {
            return FINDINGS;
        }
        Coverage coverage = report.coverage();
        if (coverage.complete() || allowIncomplete) {
            return CLEAN;
        }
        err.println("incomplete: " + coverage.gaps() + " (exit " + INCOMPLETE
                + "; --allow-incomplete accepts an incomplete run)");
        err.flush();
        return INCOMPLETE;
    }

    /**
     * Whether everything printed to {@code out} reached it; when not (disk full, closed pipe: a PrintWriter keeps such
     * failures to itself), says so on {@code err}.
     *
     * @param what what was being written, e.g. "the report"
     */
    static boolean written(PrintWriter out, PrintWriter err, String what) {
        out.flush();
        if (!out.checkError()) {
            return true;
        }
        err.println("error: " + what + " could not be written to standard output (disk full, or the reading end of a "
                + "pipe closed); exit " + INTERNAL_ERROR);
        err.flush();
        return false;
    }

    /** An unexpected exception: one line on stderr (no stack trace unless CFOC_DEBUG is set), exit 3. */
    static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            commandLine.getErr().println("internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (System.getenv("CFOC_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return INTERNAL_ERROR;
        }
    }
}
