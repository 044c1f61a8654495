package dev.cfoc.probe;

/** How the HTTP request of a probe ended. */
sealed interface HttpOutcome {

    /**
     * A status line arrived.
     *
     * @param statusLine the status line as sent (printable characters only)
     * @param truncated  true when the head exceeded {@link HttpExchange#MAX_RESPONSE_HEAD_BYTES} and reading stopped
     */
    record Response(int status, String statusLine, boolean truncated) implements HttpOutcome {
    }

    /** No complete response head within OriginReadTimeout. */
    record TimedOut(String description) implements HttpOutcome {
    }

    /** The origin answered something that is not an HTTP response, or hung up without one. */
    record Invalid(String description) implements HttpOutcome {
    }
}
