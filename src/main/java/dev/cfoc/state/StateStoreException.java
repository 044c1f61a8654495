package dev.cfoc.state;

/** The state store could not be read or written (not a lost race: that is a false from {@link StateStore#write}). */
public final class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateStoreException(String message) {
        super(message);
    }
}
