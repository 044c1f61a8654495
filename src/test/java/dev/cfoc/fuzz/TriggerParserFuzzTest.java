package dev.cfoc.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.lambda.EventException;
import dev.cfoc.lambda.Trigger;
import dev.cfoc.lambda.TriggerParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property: for any JSON event, the trigger parser returns a trigger or throws an {@link EventException} with a
 * message; never another exception, never a hang. Seeds: the sample events in {@code events/}.
 */
class TriggerParserFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "trigger";
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);

    private final TriggerParser parser = new TriggerParser();

    @Test
    void anyEvent_isATriggerOrAnEventException() throws IOException {
        List<byte[]> seeds = seeds();

        Fuzz.Run run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Fuzz.run(NAME, Duration.ofMillis(1500), seeds, this::check));

        assertThat(run.cases()).as("events checked (seed %d)", run.seed()).isGreaterThan(50);
        assertThat(run.slowestCase()).as("slowest event (seed %d)", run.seed()).isLessThan(SLOWEST_ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusEvent_isATriggerOrAnEventException(Path input) throws Exception {
        check(Files.readAllBytes(input));
    }

    static Stream<Path> corpus() {
        return Fuzz.corpus(NAME);
    }

    private void check(byte[] input) {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (IOException e) {
            return; // not JSON: the handler's JSON reader rejects it before the parser sees it
        }
        try {
            Trigger trigger = parser.parse(event);
            assertThat(trigger).isNotNull();
        } catch (EventException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> events = Files.list(Path.of("events"))) {
            for (Path event : events.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                seeds.add(Files.readAllBytes(event));
            }
        }
        assertThat(seeds).as("sample events in events/").isNotEmpty();
        return seeds;
    }
}
