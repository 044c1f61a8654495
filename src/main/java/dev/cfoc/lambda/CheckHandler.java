package dev.cfoc.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.firewall.DnsNames;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.Report;
import org.crac.Core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Lambda entry point ({@code dev.cfoc.lambda.CheckHandler::handleRequest}): reads the raw event, decodes it
 * ({@link TriggerParser}), runs {@link CheckService} and writes the JSON report, the same shape as the CLI's.
 *
 * <p>An event it cannot act on (not JSON, or no known shape) is answered with
 * {@code {"error": {"type": "BadEvent", "message": "..."}}} and logged, without throwing. Decision: a bad event
 * stays bad however often it is retried, so failing the invocation would only spend Lambda's async retries and
 * fill the on-failure queue with noise. The invocation fails (throws) when findings could not be published, or on
 * an internal error, so retries and the on-failure destination see those.
 *
 * <p>An SQS batch from the fan-out queue is answered with Lambda's partial batch response only
 * ({@link BatchResult}): the messages that failed are named and SQS delivers them again. An SQS event that cannot
 * be answered per message fails the invocation ({@link BatchFailedException}) rather than return BadEvent, which
 * Lambda would read as "every message done".
 */
public final class CheckHandler implements RequestStreamHandler {

    /** Lambda's largest payload (synchronous invocation, 6 MB); anything larger is not an event from AWS. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    static final String BAD_EVENT = "BadEvent";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Held here: a registered CRaC resource must stay strongly reachable until the checkpoint. */
    private static final SnapStartPriming PRIMING = new SnapStartPriming(SnapStartPriming.stdoutLog());

    private final CheckService service;
    private final Clock clock;
    private final Function<Context, StructuredLog.Sink> logs;

    /**
     * Used by the Lambda runtime: settings from the environment, the container's shared clients, system DNS, log
     * lines as JSON objects on stdout ({@link StructuredLog#STDOUT}), and the SnapStart priming hook (called only when
     * Lambda snapshots a published version).
     */
    public CheckHandler() {
        this(new CheckService(LambdaSettings.fromEnvironment(System.getenv()), AwsClientProvider.shared(),
                HostResolver.system(), Clock.systemUTC(), EmfMetrics.STDOUT,
                LambdaFirewall.fromEnvironment(System.getenv(), AwsClientProvider.shared(), DnsNames.system())),
                Clock.systemUTC(), context -> StructuredLog.STDOUT);
        Core.getGlobalContext().register(PRIMING);
    }

    /** Log lines through the Context's logger (the local invoke writes them to stderr; tests keep them). */
    public CheckHandler(CheckService service, Clock clock) {
        this(service, clock, context -> sink(context.getLogger()));
    }

    /** @param logs where an invocation's log lines go, given its Context */
    public CheckHandler(CheckService service, Clock clock, Function<Context, StructuredLog.Sink> logs) {
        this.service = service;
        this.clock = clock;
        this.logs = logs;
    }

    /** What an invocation came to: {@link #handle} has written its answer, or returns the failure to throw. */
    public sealed interface Outcome {

        /** A report (every trigger but an SQS batch); the answer is the JSON report. */
        record Reported(Report report) implements Outcome {
        }

        /** An SQS batch answered per message; the answer is the partial batch response. */
        record Batch(BatchResult result) implements Outcome {
        }

        /** An event the handler cannot act on; the answer is {@code {"error": {"type": "BadEvent", ...}}}. */
        record BadEvent(String message) implements Outcome {
        }

        /** The invocation fails (Lambda sees it thrown): findings not published, a batch not answerable, a bug. */
        record Failed(RuntimeException error) implements Outcome {
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        if (handle(input, output, context) instanceof Outcome.Failed failed) {
            throw failed.error();
        }
    }

    /**
     * Handles one invocation as {@link #handleRequest} does, writing the same answer to {@code output}, and says what
     * it came to instead of throwing (the local {@code invoke} reads it).
     */
    public Outcome handle(InputStream input, OutputStream output, Context context) throws IOException {
        StructuredLog log = new StructuredLog(logs.apply(context), clock,
                Optional.ofNullable(context.getAwsRequestId()));
        Trigger trigger;
        try {
            trigger = new TriggerParser().parse(readEvent(input));
        } catch (UnanswerableEventException e) {
            log.error("SQS batch cannot be answered per message, the whole batch fails: " + e.getMessage(),
                    "errorType", BAD_EVENT);
            return new Outcome.Failed(new BatchFailedException(e.getMessage(), e));
        } catch (EventException e) {
            log.error("bad event: " + e.getMessage(), "errorType", BAD_EVENT);
            output.write(badEvent(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return new Outcome.BadEvent(e.getMessage());
        }
        Instant deadline = clock.instant().plus(Duration.ofMillis(context.getRemainingTimeInMillis()));
        var answer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        Outcome outcome;
        try {
            if (trigger instanceof Trigger.QueueBatch batch) {
                BatchResult result = service.runBatch(batch, deadline, log);
                answer.write(result.toJson());
                outcome = new Outcome.Batch(result);
            } else {
                CheckService.RunResult result = service.run(trigger, deadline, log);
                new JsonReportWriter(result.history()).write(result.report(), answer);
                outcome = new Outcome.Reported(result.report());
            }
        } catch (RuntimeException e) {
            log.error("invocation failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Outcome.Failed(e);
        }
        answer.flush();
        return outcome;
    }

    /** The error result: one JSON object, no stack trace. */
    static String badEvent(String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("type", BAD_EVENT);
        error.put("message", message);
        return root.toString();
    }

    private static JsonNode readEvent(InputStream input) throws EventException, IOException {
        byte[] bytes = input.readNBytes(MAX_EVENT_BYTES + 1);
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new EventException("event is larger than " + MAX_EVENT_BYTES + " bytes; " + TriggerParser.EXPECTED);
        }
        try {
            JsonNode event = JSON.readTree(bytes);
            if (event == null || event.isMissingNode()) {
                throw new EventException("event is empty; " + TriggerParser.EXPECTED);
            }
            return event;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new EventException("event is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + "; " + TriggerParser.EXPECTED);
        }
    }

    /** Through the Lambda logger with a level, so the function's ApplicationLogLevel filters it. */
    static StructuredLog.Sink sink(LambdaLogger logger) {
        return (level, line) -> logger.log(line, switch (level) {
            case DEBUG -> LogLevel.DEBUG;
            case INFO -> LogLevel.INFO;
            case WARN -> LogLevel.WARN;
            case ERROR -> LogLevel.ERROR;
        });
    }
}
