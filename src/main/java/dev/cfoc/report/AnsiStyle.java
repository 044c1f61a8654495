package dev.cfoc.report;

import dev.cfoc.finding.Severity;

/**
 * ANSI colours for the text report, or none. Severity and verdict words are coloured; suppressed findings are dim.
 * Whether to colour at all is the caller's decision (a terminal, NO_COLOR unset): see {@code cli.ColourChoice}.
 */
record AnsiStyle(boolean enabled) {

    static final String RESET = "\u001b[0m";
    static final String BOLD_RED = "\u001b[1;31m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";
    static final String GREEN = "\u001b[32m";
    static final String DIM = "\u001b[2m";
    static final String BOLD = "\u001b[1m";

    String severity(Severity severity, String text) {
        return paint(switch (severity) {
            case ERROR -> BOLD_RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        }, text);
    }

    String verdict(Verdict verdict, String text) {
        return paint(switch (verdict) {
            case ERROR -> BOLD_RED;
            case WARNING -> YELLOW;
            case NOT_PROBED -> CYAN;
            case SUPPRESSED -> DIM;
            case OK -> GREEN;
        }, text);
    }

    String dim(String text) {
        return paint(DIM, text);
    }

    String bold(String text) {
        return paint(BOLD, text);
    }

    private String paint(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
