package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Optional;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code message}, the invocation's {@code requestId}
 * and any fields given ({@code distributionId}, {@code originId}, {@code code}…). Callers pass facts from the report
 * and the API, never custom header values (findings and reasons never hold them).
 */
public final class StructuredLog {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    /** Where lines go: the Lambda logger (with its level, for ApplicationLogLevel filtering), stderr, a test list. */
    @FunctionalInterface
    public interface Sink {
        void write(Level level, String jsonLine);
    }

    /**
     * The function's own log lines, straight to stdout, one JSON object per line. Under Lambda's JSON log format a
     * JSON object on stdout reaches CloudWatch Logs as that object (its fields top-level keys Logs Insights can filter,
     * its "level" what ApplicationLogLevel filters on), whereas a line given to LambdaLogger is escaped into the
     * "message" string of the runtime's own object (LambdaRuntimeLogsIT shows both, byte for byte).
     */
    public static final Sink STDOUT = (level, jsonLine) -> {
        System.out.println(jsonLine);
        System.out.flush();
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sink sink;
    private final Clock clock;
    private final Optional<String> requestId;

    public StructuredLog(Sink sink, Clock clock, Optional<String> requestId) {
        this.sink = sink;
        this.clock = clock;
        this.requestId = requestId;
    }

    public void info(String message, String... fields) {
        log(Level.INFO, message, fields);
    }

    public void warn(String message, String... fields) {
        log(Level.WARN, message, fields);
    }

    public void error(String message, String... fields) {
        log(Level.ERROR, message, fields);
    }

    /**
     * @param fields name, value, name, value…; a null value is left out
     */
    public void log(Level level, String message, String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name/value pairs, got " + fields.length + " strings");
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("message", message);
        requestId.ifPresent(id -> line.put("requestId", id));
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                line.put(fields[i], fields[i + 1]);
            }
        }
        sink.write(level, line.toString());
    }
}
