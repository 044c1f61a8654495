package dev.cfoc.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The alert states in one local JSON file (the CLI's {@code check --state FILE}):
 * {@code {"format": "cloudfront-origin-checker alert state", "states": {KEY: {"version": N, "state": {...}}}}}.
 * Every write holds an exclusive lock on {@code FILE.lock}, reads the file again, checks the version, and replaces the
 * file atomically (a temporary file in the same directory, flushed to disk, then renamed over it): a reader sees the
 * old file or the new one, never a half-written one.
 */
public final class FileStateStore implements StateStore {

    static final String FORMAT = "cloudfront-origin-checker alert state";

    /** A file lock guards against other processes only; threads of this one take this lock first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    public FileStateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Map<String, StoredState> read(Collection<String> keys) {
        Map<String, StoredState> all = readAll();
        Map<String, StoredState> wanted = new LinkedHashMap<>();
        keys.forEach(k -> wanted.put(k, all.getOrDefault(k, StoredState.absent(k))));
        return wanted;
    }

    @Override
    public boolean write(AlertState next, long expectedVersion) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lock.lock()) {
            Map<String, StoredState> all = readAll();
            long current = all.containsKey(next.key()) ? all.get(next.key()).version() : 0;
            if (current != expectedVersion) {
                return false;
            }
            all.put(next.key(), new StoredState(next, expectedVersion + 1));
            replace(all);
            return true;
        } catch (IOException e) {
            throw new StateStoreException("cannot write the state file " + file + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private Map<String, StoredState> readAll() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (IOException e) {
            throw new StateStoreException("cannot read the state file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = StateJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StateStoreException(file + " is not a state file: not JSON (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new StateStoreException(file + " is not a state file: \"format\" must be \"" + FORMAT + "\"");
        }
        Map<String, StoredState> all = new LinkedHashMap<>();
        for (var entry : root.path("states").properties()) {
            String where = file + ": states." + entry.getKey();
            JsonNode version = entry.getValue().path("version");
            if (!version.canConvertToLong() || version.asLong() < 1) {
                throw new StateStoreException(where + ".version must be a whole number, 1 or more");
            }
            all.put(entry.getKey(), new StoredState(StateJson.fromJson(entry.getValue().path("state"), where + ".state"),
                    version.asLong()));
        }
        return all;
    }

    private void replace(Map<String, StoredState> all) throws IOException {
        ObjectNode root = StateJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode states = root.putObject("states");
        all.forEach((key, stored) -> {
            ObjectNode entry = states.putObject(key);
            entry.put("version", stored.version());
            entry.set("state", StateJson.toJson(stored.state()));
        });
        byte[] bytes = StateJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(bytes));
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot replace it atomically", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
