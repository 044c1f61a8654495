package dev.cfoc.lambda;

/**
 * An SQS event that cannot be answered message by message (a record without a messageId). A BadEvent result would
 * read to Lambda as "every message done" and the messages would be deleted unchecked, so the invocation fails
 * instead: SQS keeps them, and the dead-letter queue catches them after maxReceiveCount.
 */
public final class UnanswerableEventException extends EventException {
    public UnanswerableEventException(String message) {
        super(message);
    }
}
