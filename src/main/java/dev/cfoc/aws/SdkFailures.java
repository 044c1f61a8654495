package dev.cfoc.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** One-line, bounded descriptions of SDK failures for reports and logs. */
final class SdkFailures {

    /** Decision: a reason is a line in a report; the SDK's client-side messages can be paragraphs. */
    static final int MAX_REASON_CHARS = 300;

    private SdkFailures() {
    }

    /** E.g. {@code Throttling: Rate exceeded (HTTP 400, 3 attempts)}. */
    static String describe(SdkException e) {
        String text;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            var details = service.awsErrorDetails();
            text = details.errorCode() + ": " + details.errorMessage() + " (HTTP " + service.statusCode()
                    + attempts(e) + ")";
        } else {
            String message = e.rawMessage() != null ? e.rawMessage() : String.valueOf(e.getMessage());
            text = e.getClass().getSimpleName() + ": " + message + (e.numAttempts() == null ? ""
                    : " (" + attemptCount(e.numAttempts()) + ")");
        }
        return oneLine(text);
    }

    private static String attempts(SdkException e) {
        return e.numAttempts() == null ? "" : ", " + attemptCount(e.numAttempts());
    }

    private static String attemptCount(int attempts) {
        return attempts == 1 ? "1 attempt" : attempts + " attempts";
    }

    static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_REASON_CHARS ? flat : flat.substring(0, MAX_REASON_CHARS - 3) + "...";
    }
}
