package dev.cfoc.firewall;

/**
 * An {@link AccountNetwork} call failed (access denied, throttled after retries, unreachable endpoint, unreadable
 * answer).
 *
 * @see #operation()
 */
public final class NetworkApiException extends RuntimeException {

    private final String operation;
    private final String reason;

    /**
     * @param operation the API action, e.g. {@code ec2:DescribeSecurityGroups}
     * @param reason    one line: the error code and message, e.g. {@code UnauthorizedOperation: You are not ...}
     */
    public NetworkApiException(String operation, String reason) {
        super(operation + ": " + reason);
        this.operation = operation;
        this.reason = reason;
    }

    public String operation() {
        return operation;
    }

    public String reason() {
        return reason;
    }
}
