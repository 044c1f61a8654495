package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Severity;

import java.util.List;

/** One word per origin: what CloudFront will do with it. */
public enum Verdict {
    OK, WARNING, ERROR, NOT_PROBED;

    /** ERROR or WARNING by the worst active (not suppressed) finding; NOT_PROBED when nothing could be probed; else OK. */
    public static Verdict of(boolean probed, List<Finding> all) {
        List<Finding> findings = all.stream().filter(Finding::isActive).toList();
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return ERROR;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
            return WARNING;
        }
        return probed ? OK : NOT_PROBED;
    }

    /** Sort rank, worst first. */
    public int rank() {
        return switch (this) {
            case ERROR -> 0;
            case WARNING -> 1;
            case NOT_PROBED -> 2;
            case OK -> 3;
        };
    }
}
