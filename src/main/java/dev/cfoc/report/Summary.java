package dev.cfoc.report;

/** Counts over a whole run. errors/warnings count findings. */
public record Summary(int distributions, int origins, int errors, int warnings, long durationMs) {
}
