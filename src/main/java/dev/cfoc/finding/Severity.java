package dev.cfoc.finding;

/** How bad a finding is. ERROR: CloudFront fails now. WARNING: it will, or it hurts. INFO: what we could not predict. */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
