package dev.cfoc.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes findings to SNS: one message per distribution (split into numbered parts when it would exceed
 * SNS's size limit), with message attributes {@code severity}, {@code distributionId} and {@code codes}
 * (a {@code String.Array}: a filter policy {@code {"codes": ["CERT_EXPIRED"]}} matches a message listing several codes),
 * and with alert state {@code transition}, for subscription filter policies.
 */
public final class SnsFindingPublisher {

    private final SnsClient sns;
    private final TopicArn topicArn;

    public SnsFindingPublisher(SnsClient sns, TopicArn topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /**
     * Publishes every alert's messages, going on past failures; the SDK retries throttling and 5xx.
     *
     * @throws PublishFailedException when any message could not be published, listing each one
     */
    public List<PublishedMessage> publish(List<DistributionAlert> alerts) {
        var published = new ArrayList<PublishedMessage>();
        var failures = new ArrayList<PublishFailure>();
        for (DistributionAlert alert : alerts) {
            for (SnsMessage message : SnsMessages.of(alert)) {
                try {
                    String messageId = sns.publish(r -> r.topicArn(topicArn.value())
                            .subject(message.subject())
                            .message(message.body())
                            .messageAttributes(attributes(message))).messageId();
                    published.add(new PublishedMessage(message.distributionId(), message.part(), message.parts(),
                            messageId));
                } catch (SdkException e) {
                    failures.add(new PublishFailure(message.distributionId(), message.part(), message.parts(),
                            SdkFailures.describe(e)));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new PublishFailedException(topicArn.value(), failures, published);
        }
        return List.copyOf(published);
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
