package dev.cfoc.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out's send and receive path against LocalStack's SQS: SendMessageBatch in calls of 10, every message
 * received back as sent. Needs a Docker engine; skipped (not failed) where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqsBatchSenderLocalStackIT {

    /** Decision: the same pinned LocalStack release as the SNS test. */
    private static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:3.8.1");

    @Container
    static LocalStackContainer localStack = new LocalStackContainer(LOCALSTACK)
            .withServices(LocalStackContainer.Service.SQS);

    @Test
    void queuedDistributions_areReceivedBackAsSent() {
        var options = AwsClientOptions.defaults().withCredentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())))
                .withEndpointOverride(localStack.getEndpoint());
        try (SqsClient sqs = AwsClients.sqs(Region.of(localStack.getRegion()), options)) {
            // given
            QueueUrl queue = QueueUrl.parse(sqs.createQueue(r -> r.queueName("checks")).queueUrl());
            List<String> bodies = IntStream.range(0, 23)
                    .mapToObj(i -> "{\"distributionIds\":[\"E" + (200000 + i) + "\"]}").toList();

            // when
            SendOutcome outcome = new SqsBatchSender(sqs, queue).send(bodies);

            // then
            assertThat(outcome.allSent()).isTrue();
            assertThat(outcome.sent()).isEqualTo(23);
            List<String> received = new ArrayList<>();
            for (int polls = 0; polls < 20 && received.size() < bodies.size(); polls++) {
                for (Message m : sqs.receiveMessage(r -> r.queueUrl(queue.value()).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages()) {
                    received.add(m.body());
                    sqs.deleteMessage(r -> r.queueUrl(queue.value()).receiptHandle(m.receiptHandle()));
                }
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(bodies);
        }
    }
}
