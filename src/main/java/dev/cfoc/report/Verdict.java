package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.util.List;

/**
 * One word per origin: what CloudFront will do with it. SUPPRESSED: its only WARNING or ERROR findings are acknowledged
 * (suppressed), so it is not OK, but nothing new is wrong with it.
 */
public enum Verdict {
    OK, WARNING, ERROR, NOT_PROBED, SUPPRESSED;

    /**
     * ERROR or WARNING by the worst active (not suppressed) finding; else SUPPRESSED when a suppressed finding is a
     * WARNING or ERROR; else NOT_PROBED when nothing could be probed; else OK.
     */
    public static Verdict of(boolean probed, List<Finding> all) {
        List<Finding> findings = all.stream().filter(Finding::isActive).toList();
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return ERROR;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
            return WARNING;
        }
        if (all.stream().filter(Finding::isSuppressed).anyMatch(f -> f.severity().isAtLeast(Severity.WARNING))) {
            return SUPPRESSED;
        }
        return probed ? OK : NOT_PROBED;
    }

    /** Sort rank, worst first. */
    public int rank() {
        return switch (this) {
            case ERROR -> 0;
            case WARNING -> 1;
            case SUPPRESSED -> 2;
            case NOT_PROBED -> 3;
            case OK -> 4;
        };
    }
}
