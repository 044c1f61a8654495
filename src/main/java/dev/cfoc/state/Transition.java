package dev.cfoc.state;

/** What changed for a distribution (or the run itself) since the last message about it: one message per transition. */
public enum Transition {
    /** From no active finding to some. */
    NEW,
    /** Findings appeared or cleared, or the worst severity changed. */
    CHANGED,
    /** Nothing changed, but the last message is older than the reminder interval. */
    REMINDER,
    /** Every active finding cleared. */
    RESOLVED
}
