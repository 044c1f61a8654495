package dev.cfoc.lambda;

/** An event the handler cannot act on: the message says what was expected. */
public class EventException extends Exception {
    public EventException(String message) {
        super(message);
    }
}
