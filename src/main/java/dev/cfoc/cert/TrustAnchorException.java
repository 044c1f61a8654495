package dev.cfoc.cert;

/** A trust-anchor file cannot be used: missing, unreadable, or holding no valid PEM certificate. The message names the file. */
public class TrustAnchorException extends Exception {

    public TrustAnchorException(String message) {
        super(message);
    }

    public TrustAnchorException(String message, Throwable cause) {
        super(message, cause);
    }
}
