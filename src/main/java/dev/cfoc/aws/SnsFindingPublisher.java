package dev.cfoc.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes findings to SNS: one message per distribution (split into numbered parts when it would exceed
 * SNS's size limit), with message attributes {@code severity}, {@code distributionId} and {@code codes}
 * (a {@code String.Array}: a filter policy {@code {"codes": ["CERT_EXPIRED"]}} matches a message listing several codes),
 * and with alert state {@code transition}, for subscription filter policies. A message counts as published only when
 * SNS answered with its MessageId.
 */
public final class SnsFindingPublisher {

    /**
     * Decision: a message is not started with less than this left of the publishing budget: one Publish call
     * answers in well under a second, and a shorter attempt would only add a timeout to the log.
     */
    static final Duration MIN_CALL_TIME = Duration.ofSeconds(1);

    private final SnsClient sns;
    private final TopicArn topicArn;

    public SnsFindingPublisher(SnsClient sns, TopicArn topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /** As {@link #publish(List, Optional)} without a time budget (the client's own timeouts still apply). */
    public List<PublishedMessage> publish(List<DistributionAlert> alerts) {
        return publish(alerts, Optional.empty());
    }

    /**
     * Publishes every alert's messages, going on past failures; the SDK retries throttling and 5xx.
     *
     * @param budget the most publishing may take (the invocation's remaining time less what the run needs after
     *               it): each call is bounded by what is left, and messages for which too little is left are not
     *               sent and count as failures
     * @throws PublishFailedException when any message could not be published, listing each one
     */
    public List<PublishedMessage> publish(List<DistributionAlert> alerts, Optional<Duration> budget) {
        long started = System.nanoTime();
        var published = new ArrayList<PublishedMessage>();
        var failures = new ArrayList<PublishFailure>();
        for (DistributionAlert alert : alerts) {
            for (SnsMessage message : SnsMessages.of(alert)) {
                Optional<Duration> left = budget.map(b -> b.minusNanos(System.nanoTime() - started));
                if (left.isPresent() && left.get().compareTo(MIN_CALL_TIME) < 0) {
                    failures.add(failure(message, "not sent: the invocation's time for publishing ("
                            + budget.get().toMillis() + " ms) ran out"));
                    continue;
                }
                try {
                    String messageId = sns.publish(r -> r.topicArn(topicArn.value())
                            .subject(message.subject())
                            .message(message.body())
                            .messageAttributes(attributes(message))
                            .overrideConfiguration(o -> left.filter(this::shorterThanTheClients)
                                    .ifPresent(o::apiCallTimeout))).messageId();
                    if (messageId == null || messageId.isBlank()) {
                        failures.add(failure(message, "SNS answered without a MessageId: not a Publish response "
                                + "(a proxy or captive portal in the way?), so the message may not have been published"));
                    } else {
                        published.add(new PublishedMessage(message.distributionId(), message.part(), message.parts(),
                                messageId));
                    }
                } catch (SdkException e) {
                    failures.add(failure(message, SdkFailures.describe(e)));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new PublishFailedException(topicArn.value(), failures, published);
        }
        return List.copyOf(published);
    }

    private boolean shorterThanTheClients(Duration timeout) {
        return sns.serviceClientConfiguration().overrideConfiguration().apiCallTimeout()
                .map(clients -> timeout.compareTo(clients) < 0).orElse(true);
    }

    private static PublishFailure failure(SnsMessage message, String reason) {
        return new PublishFailure(message.distributionId(), message.part(), message.parts(), reason);
    }

    private static Map<String, MessageAttributeValue> attributes(SnsMessage message) {
        var attributes = new LinkedHashMap<String, MessageAttributeValue>();
        message.attributes().forEach((name, value) -> attributes.put(name, MessageAttributeValue.builder()
                .dataType(SnsMessages.dataType(name))
                .stringValue(value)
                .build()));
        return attributes;
    }
}
