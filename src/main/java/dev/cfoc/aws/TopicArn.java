package dev.cfoc.aws;

import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * An SNS topic ARN ({@code arn:PARTITION:sns:REGION:ACCOUNT:NAME}), checked once so a typo fails clearly.
 * Decision: standard topics only; a FIFO topic ({@code .fifo}) would need a MessageGroupId on every publish and
 * email subscriptions do not work with it, so it is refused here rather than at the first publish.
 */
public record TopicArn(String value) {

    private static final Pattern SHAPE =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    public TopicArn {
        if (value != null && value.endsWith(".fifo")) {
            throw new IllegalArgumentException("TOPIC_ARN names a FIFO topic; use a standard SNS topic: " + value);
        }
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("TOPIC_ARN is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME): "
                    + value);
        }
    }

    public static TopicArn parse(String value) {
        return new TopicArn(value == null ? null : value.strip());
    }

    /** The topic's region: SNS must be called there. */
    public Region region() {
        return Region.of(value.split(":")[3]);
    }

    @Override
    public String toString() {
        return value;
    }
}
