package dev.cfoc.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda Context for tests: 15 minutes left (or what a test says), and a logger that keeps every line. */
final class RecordingContext implements Context {

    private final int remainingMillis;

    RecordingContext() {
        this(900_000);
    }

    RecordingContext(int remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    record Line(LogLevel level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    List<Line> lines() {
        return List.copyOf(lines);
    }

    String log() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }

    @Override
    public String getAwsRequestId() {
        return "8f5ab5c0-3a67-4f3e-9e3b-5c8a7b1d2e4f";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/cloudfront-origin-checker";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "cloudfront-origin-checker";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:cloudfront-origin-checker";
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
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 2048;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                lines.add(new Line(LogLevel.UNDEFINED, message));
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }

            @Override
            public void log(String message, LogLevel level) {
                lines.add(new Line(level, message));
            }
        };
    }
}
