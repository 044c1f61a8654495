package dev.cfoc.aws;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * An SQS queue URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}, what CloudFormation's {@code !Ref} of a
 * queue gives), checked once so a typo fails clearly. Local endpoints (ElasticMQ, LocalStack) have URLs without a
 * region; they are accepted, and the client is pointed at them with the SDK's endpoint variables.
 * Decision: standard queues only: a FIFO queue ({@code .fifo}) needs a MessageGroupId per message and would serialise
 * the fan-out; there is no ordering to keep.
 */
public record QueueUrl(String value) {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_-]{1,80}/[A-Za-z0-9_-]{1,80}");
    private static final Pattern AWS_HOST = Pattern.compile("sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
    private static final Pattern LEGACY_AWS_HOST = Pattern.compile("([a-z0-9-]+)\\.queue\\.amazonaws\\.com(\\.cn)?");

    public QueueUrl {
        if (value != null && value.endsWith(".fifo")) {
            throw new IllegalArgumentException("names a FIFO queue; use a standard SQS queue: " + value);
        }
        if (value == null || !isQueueUrl(value)) {
            throw new IllegalArgumentException("not an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME): "
                    + value);
        }
    }

    public static QueueUrl parse(String value) {
        return new QueueUrl(value == null ? null : value.strip());
    }

    /** The queue's region when the URL is an AWS one; empty for a local endpoint. */
    public Optional<Region> region() {
        String host = URI.create(value).getHost();
        for (Pattern pattern : new Pattern[] {AWS_HOST, LEGACY_AWS_HOST}) {
            Matcher m = pattern.matcher(host);
            if (m.matches()) {
                return Optional.of(Region.of(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The queue's name, the last path segment. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    private static boolean isQueueUrl(String value) {
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            return ("https".equals(scheme) || "http".equals(scheme)) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawPath() != null && PATH.matcher(uri.getRawPath()).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
