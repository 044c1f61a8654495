package dev.cfoc.lambda;

/**
 * The whole SQS batch fails (a function error): SQS keeps every message and delivers it again. Thrown when the
 * batch cannot be answered message by message ({@link UnanswerableEventException}).
 */
public final class BatchFailedException extends RuntimeException {
    public BatchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
