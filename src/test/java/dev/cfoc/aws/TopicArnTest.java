package dev.cfoc.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class TopicArnTest {

    @Test
    void topicArn_givesTheRegionToPublishIn() {
        assertThat(TopicArn.parse(" arn:aws:sns:eu-central-1:123456789012:origin-findings ").region())
                .isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void somethingElse_isRefused_namingTopicArn() {
        assertThatThrownBy(() -> TopicArn.parse("arn:aws:sqs:us-east-1:123456789012:queue"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TOPIC_ARN is not an SNS topic ARN");
        assertThatThrownBy(() -> TopicArn.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fifoTopic_isRefused() {
        assertThatThrownBy(() -> TopicArn.parse("arn:aws:sns:us-east-1:123456789012:findings.fifo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIFO");
    }
}
