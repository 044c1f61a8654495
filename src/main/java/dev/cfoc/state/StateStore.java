package dev.cfoc.state;

import java.util.Collection;
import java.util.Map;

/**
 * Where alert states live between runs (DynamoDB for the Lambda, a JSON file for the CLI). Every write is conditional
 * on the version read (optimistic concurrency), so two runs can never both write over the same state.
 */
public interface StateStore {

    /**
     * The states of {@code keys}; a key the store does not hold maps to {@link StoredState#absent}.
     *
     * @throws StateStoreException when the store cannot be read
     */
    Map<String, StoredState> read(Collection<String> keys);

    /**
     * Writes {@code next} as version {@code expectedVersion + 1} if the store still holds version
     * {@code expectedVersion} of it (0: holds nothing).
     *
     * @return false when another run wrote it first; nothing was written
     * @throws StateStoreException when the store cannot be written
     */
    boolean write(AlertState next, long expectedVersion);
}
