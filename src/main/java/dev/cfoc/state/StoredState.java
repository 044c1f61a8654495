package dev.cfoc.state;

/**
 * A state as a store holds it, with the version a conditional write must name.
 *
 * @param version 0 when the store has nothing for the key; each write adds 1
 */
public record StoredState(AlertState state, long version) {

    public static StoredState absent(String key) {
        return new StoredState(AlertState.empty(key), 0);
    }

    public boolean isAbsent() {
        return version == 0;
    }
}
