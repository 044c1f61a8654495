package dev.cfoc.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A small fuzzing loop for parsers: mutates seed documents ({@link JsonMutator}) for a time budget and checks a
 * property on every input. A failing input is saved under {@code target/fuzz-failures/NAME/} with the seed that
 * produced it; copied into {@code src/test/resources/fuzz/NAME/} it is replayed by every build from then on.
 * <p>
 * The budget is short by default so that CI stays fast; {@code -Dcfoc.fuzz.millis=600000} fuzzes for ten minutes,
 * {@code -Dcfoc.fuzz.seed=N} replays a run.
 */
public final class Fuzz {

    public static final String SEED_PROPERTY = "cfoc.fuzz.seed";
    public static final String MILLIS_PROPERTY = "cfoc.fuzz.millis";

    private static final Path FAILURES = Path.of("target", "fuzz-failures");

    /** A property of one input: returns normally when it holds, throws when it does not. */
    @FunctionalInterface
    public interface Check {
        void accept(byte[] input) throws Exception;
    }

    /** What a run did: its seed (to replay it), how many inputs it checked, and the slowest one. */
    public record Run(long seed, int cases, Duration slowestCase) {
    }

    private Fuzz() {
    }

    /**
     * Checks {@code check} on mutations of {@code seeds} (and some random bytes) until {@code defaultBudget} (or
     * {@value #MILLIS_PROPERTY}) has passed.
     */
    public static Run run(String name, Duration defaultBudget, List<byte[]> seeds, Check check) {
        long seed = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());
        Duration budget = Duration.ofMillis(Long.getLong(MILLIS_PROPERTY, defaultBudget.toMillis()));
        Random random = new Random(seed);
        JsonMutator mutator = new JsonMutator(random);
        List<JsonNode> trees = seeds.stream().map(JsonMutator::parse).toList();
        long end = System.nanoTime() + budget.toNanos();
        int cases = 0;
        long slowest = 0;
        while (System.nanoTime() < end) {
            byte[] input = random.nextInt(10) == 0 ? mutator.randomBytes()
                    : mutator.mutate(trees.get(random.nextInt(trees.size())));
            cases++;
            long start = System.nanoTime();
            try {
                check.accept(input);
            } catch (Throwable failure) {
                Path saved = save(name, input);
                throw new AssertionError("fuzz '" + name + "' failed on input " + cases + " of seed " + seed
                        + " (replay: -D" + SEED_PROPERTY + "=" + seed + "); the input is in " + saved
                        + ": copy it to src/test/resources/fuzz/" + name + "/ to keep it as a regression case",
                        failure);
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        return new Run(seed, cases, Duration.ofNanos(slowest));
    }

    /** The regression corpus of {@code name}: every file under {@code src/test/resources/fuzz/NAME/}. */
    public static Stream<Path> corpus(String name) {
        URL directory = Fuzz.class.getResource("/fuzz/" + name);
        if (directory == null) {
            throw new IllegalStateException("no corpus directory fuzz/" + name + " on the test classpath");
        }
        try {
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                return files.filter(Files::isRegularFile).sorted().toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path save(String name, byte[] input) {
        try {
            Path directory = Files.createDirectories(FAILURES.resolve(name));
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input), 0, 8);
            return Files.write(directory.resolve(hash + ".json"), input);
        } catch (IOException | NoSuchAlgorithmException e) {
            return Path.of("(not saved: " + e + ")");
        }
    }
}
