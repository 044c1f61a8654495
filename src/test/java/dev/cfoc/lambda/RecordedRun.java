package dev.cfoc.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.probe.Deadline;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link RunContext} of a pipeline step's test, keeping the run's log lines. */
final class RecordedRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final RunContext context;

    RecordedRun(Instant started, Deadline probeDeadline) {
        this.context = new RunContext(started, probeDeadline,
                new StructuredLog((level, line) -> lines.add(line), Clock.systemUTC(), Optional.empty()));
    }

    /** Started now, no probe deadline. */
    RecordedRun() {
        this(Instant.now(), Deadline.none());
    }

    RunContext context() {
        return context;
    }

    /** The log lines, parsed, oldest first. */
    List<JsonNode> lines() {
        return lines.stream().map(RecordedRun::parse).toList();
    }

    /** The {@code message} of each log line, oldest first. */
    List<String> messages() {
        return lines().stream().map(l -> l.get("message").asText()).toList();
    }

    /** The first line whose message starts with {@code prefix}. */
    JsonNode line(String prefix) {
        return lines().stream().filter(l -> l.get("message").asText().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line starts with '" + prefix + "' in " + lines));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
