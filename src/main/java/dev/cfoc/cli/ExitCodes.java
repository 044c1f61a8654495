package dev.cfoc.cli;

import picocli.CommandLine;

/** The exit-code contract of the CLI (README): 0 clean, 1 findings, 2 bad usage or input, 3 internal error. */
final class ExitCodes {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
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
