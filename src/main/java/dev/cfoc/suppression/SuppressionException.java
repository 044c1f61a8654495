package dev.cfoc.suppression;

/** The suppression list cannot be used; the message names where it came from and the field at fault. */
public final class SuppressionException extends Exception {
    public SuppressionException(String message) {
        super(message);
    }
}
