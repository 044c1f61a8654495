package dev.cfoc.lambda;

import dev.cfoc.state.Transitions;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Alert state: when STATE_TABLE is set, each distribution's findings are remembered in that DynamoDB table and only
 * transitions are published (NEW, CHANGED, REMINDER after REMIND_AFTER, RESOLVED); without it every run publishes
 * every distribution with findings, as before.
 *
 * @param table       the table's name (or ARN), with a String partition key {@code pk}
 * @param remindAfter REMIND_AFTER: an unchanged problem is published again after this long ({@code P0D}: every run)
 */
public record AlertStateSettings(String table, Duration remindAfter) {

    public static final String STATE_TABLE = "STATE_TABLE";
    public static final String REMIND_AFTER = "REMIND_AFTER";

    /** A DynamoDB table name (3–255 of [a-zA-Z0-9_.-]) or a table ARN. */
    private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}|arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:"
            + "table/[a-zA-Z0-9_.-]{3,255}");

    public AlertStateSettings {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(STATE_TABLE + " must be a DynamoDB table name (3-255 letters, digits, "
                    + "'_', '-', '.') or a table ARN, got '" + table + "'");
        }
        if (remindAfter.isNegative()) {
            throw new IllegalArgumentException(REMIND_AFTER + " must not be negative, got " + remindAfter);
        }
    }

    /**
     * @param value an ISO-8601 duration: {@code P1D}, {@code PT12H}, {@code P0D}
     * @throws IllegalArgumentException naming REMIND_AFTER when it is not one, or is negative
     */
    static Duration remindAfter(String value) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(REMIND_AFTER + " must be an ISO-8601 duration of 0 or more (P1D, PT12H, "
                + "P0D for every run), got '" + value + "'");
    }

    static Duration defaultRemindAfter() {
        return Transitions.DEFAULT_REMIND_AFTER;
    }
}
