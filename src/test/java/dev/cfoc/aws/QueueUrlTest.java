package dev.cfoc.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueUrlTest {

    @Test
    void awsQueueUrl_givesItsRegionAndName() {
        QueueUrl url = QueueUrl.parse(" https://sqs.eu-west-1.amazonaws.com/123456789012/cfoc-CheckQueue-1A2B ");
        assertThat(url.region()).contains(Region.EU_WEST_1);
        assertThat(url.name()).isEqualTo("cfoc-CheckQueue-1A2B");
        assertThat(QueueUrl.parse("https://us-east-2.queue.amazonaws.com/123456789012/q").region())
                .contains(Region.US_EAST_2);
    }

    @Test
    void localQueueUrl_hasNoRegion() {
        assertThat(QueueUrl.parse("http://127.0.0.1:9324/000000000000/checks").region()).isEmpty();
    }

    @Test
    void notAQueueUrl_orAFifoQueue_isRefusedSayingWhy() {
        assertThatThrownBy(() -> QueueUrl.parse("arn:aws:sqs:us-east-1:123456789012:q"))
                .hasMessageStartingWith("not an SQS queue URL");
        assertThatThrownBy(() -> QueueUrl.parse("https://sqs.us-east-1.amazonaws.com/q"))
                .hasMessageStartingWith("not an SQS queue URL");
        assertThatThrownBy(() -> QueueUrl.parse("https://sqs.us-east-1.amazonaws.com/123456789012/q.fifo"))
                .hasMessageContaining("FIFO");
        assertThatThrownBy(() -> QueueUrl.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
