package dev.cfoc.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The Lambda {@link Context} of a local invocation, as {@code sam local invoke} gives it: a request id, the
 * function's name, memory and version from the template's defaults, and a deadline that counts down. The logger
 * writes each message as one line to stderr.
 */
final class LocalContext implements Context {

    /** Decision: the placeholder account sam local uses; nothing is called with it. */
    static final String LOCAL_ACCOUNT = "123456789012";
    static final String LOCAL_REGION = "us-east-1";

    private final String requestId = UUID.randomUUID().toString();
    private final String functionName;
    private final int memoryMb;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    LocalContext(String functionName, int memoryMb, Duration timeout, Clock clock, PrintWriter err) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
        this.logger = new StderrLogger(err);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** One message, one line on stderr; the level is in our JSON lines already. */
    private record StderrLogger(PrintWriter err) implements LambdaLogger {
        @Override
        public void log(String message) {
            synchronized (err) {
                err.println(message);
                err.flush();
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(message);
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            log(message);
        }
    }
}
