package dev.cfoc.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A resource started once for a test class, in its own temporary directory, and closed after it:
 * {@code @RegisterExtension static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);}
 */
public final class PerClass<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {

    /** Starts the resource; it may write files into {@code dir}. */
    @FunctionalInterface
    public interface Starter<T> {
        T start(Path dir) throws Exception;
    }

    private final Starter<T> starter;
    private Path dir;
    private T resource;

    private PerClass(Starter<T> starter) {
        this.starter = starter;
    }

    public static <T extends AutoCloseable> PerClass<T> of(Starter<T> starter) {
        return new PerClass<>(starter);
    }

    /** The running resource (between the class's first and last test). */
    public T get() {
        if (resource == null) {
            throw new IllegalStateException("not started: register this PerClass with @RegisterExtension on a static field");
        }
        return resource;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("cfoc-test-");
        resource = starter.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (resource != null) {
                resource.close();
            }
        } finally {
            resource = null;
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
