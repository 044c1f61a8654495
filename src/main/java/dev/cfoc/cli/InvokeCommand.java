package dev.cfoc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.firewall.DnsNames;
import dev.cfoc.lambda.AwsClientProvider;
import dev.cfoc.lambda.CheckHandler;
import dev.cfoc.lambda.CheckHandler.Outcome;
import dev.cfoc.lambda.CheckService;
import dev.cfoc.lambda.EmfMetrics;
import dev.cfoc.lambda.FunctionDefaults;
import dev.cfoc.lambda.LambdaFirewall;
import dev.cfoc.lambda.LambdaSettings;
import dev.cfoc.probe.HostResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code invoke --event FILE}: runs the Lambda handler on an event file as {@code sam local invoke} would: the
 * environment as it is (plus {@code --env} overrides), a Context with the template's function name, memory and a
 * deadline, the handler's output on stdout and its logs on stderr. An SQS event file is answered as Lambda's event
 * source mapping would see it: the partial batch response {@code {"batchItemFailures": [...]}}.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run the Lambda handler locally on an event file (as 'sam local invoke' would). "
                + "AWS endpoints and credentials come from the usual AWS_* variables (AWS_ENDPOINT_URL… included), "
                + "or from --env.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {
                "0:the handler returned a report, or an SQS batch response without failed messages",
                "1:the handler failed (e.g. findings could not be published), timed out, or its SQS batch response "
                        + "names failed messages",
                "2:bad usage (an invalid setting, endpoint or credential variable, from --env or the environment), "
                        + "an unreadable event file, or the handler's BadEvent result",
                "3:internal error, or the handler's result could not be written (disk full, closed pipe)"})
final class InvokeCommand implements Callable<Integer> {

    /** Exit code when the handler threw or timed out (Lambda: a function error). */
    static final int HANDLER_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--event", paramLabel = "FILE", required = true, description = "The event JSON (see events/).")
    Path event;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + FunctionDefaults.TIMEOUT_SECONDS,
            description = "The function's timeout: the Context's deadline (default: ${DEFAULT-VALUE}, as template.yaml).")
    int timeoutSeconds;

    @Option(names = "--env", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Set an environment variable for this invocation (repeatable): the function's settings "
                    + "(TOPIC_ARN, MIN_SEVERITY, DISTRIBUTION_IDS, TRUST_ANCHORS, INCLUDE_DISABLED, EXPIRY_WARNING_DAYS, "
                    + "SUPPRESSIONS, FANOUT_QUEUE_URL, FANOUT_BATCH_SIZE, STATE_TABLE, REMIND_AFTER; ALLOW_PRIVATE_ORIGINS=true "
                    + "for origins on loopback or private addresses, labs only) "
                    + "and AWS_ENDPOINT_URL[_CLOUDFRONT|_SNS|_SQS|_DYNAMODB|_EC2|_ELASTIC_LOAD_BALANCING_V2], "
                    + "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
                    + "AWS_SESSION_TOKEN.")
    Map<String, String> env = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 1) {
            err.println("error: --timeout must be at least 1 second, got " + timeoutSeconds);
            return ExitCodes.BAD_INPUT;
        }
        Clock clock = Clock.systemUTC();
        CheckHandler handler;
        try {
            handler = handler(clock, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        byte[] eventBytes;
        try {
            eventBytes = Files.readAllBytes(event);
        } catch (NoSuchFileException e) {
            err.println("error: --event " + event + ": file not found");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: --event " + event + ": cannot read (" + e.getClass().getSimpleName() + ")");
            return ExitCodes.BAD_INPUT;
        }

        var context = new LocalContext(FunctionDefaults.FUNCTION_NAME, FunctionDefaults.MEMORY_MB,
                Duration.ofSeconds(timeoutSeconds), clock, err);
        var output = new ByteArrayOutputStream();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Optional<Throwable> failure = invoke(handler, eventBytes, output, context, outcome)
                .or(() -> outcome.get() instanceof Outcome.Failed failed ? Optional.of(failed.error()) : Optional.empty());
        if (failure.isPresent()) {
            out.println(functionError(failure.get()));
            if (System.getenv("CFOC_DEBUG") != null) {
                failure.get().printStackTrace(err);
            }
            return ExitCodes.written(out, err, "the handler's result") ? HANDLER_FAILED : ExitCodes.INTERNAL_ERROR;
        }
        out.println(output.toString(StandardCharsets.UTF_8));
        return ExitCodes.written(out, err, "the handler's result") ? exitCode(outcome.get()) : ExitCodes.INTERNAL_ERROR;
    }

    /**
     * The function as Lambda would start it, from the environment and the {@code --env} variables, every one of them
     * checked first.
     *
     * @throws IllegalArgumentException naming the variable at fault (a setting, an endpoint, the trust anchors)
     */
    private CheckHandler handler(Clock clock, PrintWriter err) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(env);
        AwsClientProvider clients = InvokeEnvironment.clients(System.getenv(), env);
        return new CheckHandler(new CheckService(LambdaSettings.fromEnvironment(environment), clients,
                HostResolver.system(), clock, emfTo(err),
                LambdaFirewall.fromEnvironment(environment, clients, DnsNames.system())), clock);
    }

    /**
     * Runs the handler on its own thread so the deadline can be enforced as Lambda does.
     *
     * @return what the handler threw, or the timeout; empty when it came to an {@code outcome}
     */
    private Optional<Throwable> invoke(CheckHandler handler, byte[] eventBytes, ByteArrayOutputStream output,
                                       LocalContext context, AtomicReference<Outcome> outcome) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("invoke").daemon().start(() -> {
            try {
                outcome.set(handler.handle(new ByteArrayInputStream(eventBytes), output, context));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        try {
            thread.join(Duration.ofSeconds(timeoutSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return Optional.of(e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            return Optional.of(new TimeoutException("Task timed out after " + timeoutSeconds + " seconds"));
        }
        return Optional.ofNullable(thrown.get());
    }

    /** Locally, stdout holds the handler's result: the EMF metric lines go with the logs, to stderr. */
    private static EmfMetrics.Sink emfTo(PrintWriter err) {
        return line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
    }

    /** What Lambda returns for a function error: errorMessage and errorType (no stack trace). */
    static String functionError(Throwable t) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("errorMessage", String.valueOf(t.getMessage()));
        error.put("errorType", t instanceof TimeoutException ? "Sandbox.Timedout" : t.getClass().getName());
        return error.toString();
    }

    /** 2 for a BadEvent, 1 for an SQS batch response naming messages SQS will deliver again (or a failure). */
    private static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Reported reported -> ExitCodes.CLEAN;
            case Outcome.Batch batch -> batch.result().failedMessageIds().isEmpty() ? ExitCodes.CLEAN : HANDLER_FAILED;
            case Outcome.BadEvent bad -> ExitCodes.BAD_INPUT;
            case Outcome.Failed failed -> HANDLER_FAILED;
        };
    }

    private static final class TimeoutException extends RuntimeException {
        TimeoutException(String message) {
            super(message);
        }
    }

    /** Created on first use only: picocli instantiates every subcommand to build its model, and Jackson's first
     *  ObjectMapper costs a cold JVM about 0.3 s (docs/benchmarks.md §5), which {@code check} must not pay here. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
