package dev.cfoc.aws;

import dev.cfoc.finding.Severity;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher against LocalStack's SNS, read back through an SQS raw-delivery subscription: what a subscriber's
 * filter policy sees (a filter on one code matches a message listing several). Needs a Docker engine; skipped (not failed) where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class SnsFindingPublisherLocalStackIT {

    /** Decision: a pinned LocalStack release, so the test does not change under us. */
    private static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:3.8.1");

    @Container
    static LocalStackContainer localStack = new LocalStackContainer(LOCALSTACK)
            .withServices(LocalStackContainer.Service.SNS, LocalStackContainer.Service.SQS);

    @Test
    void publishedAlert_arrivesInASubscribedQueue_withItsFilterAttributes() {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey()));
        Region region = Region.of(localStack.getRegion());
        var options = AwsClientOptions.defaults().withCredentials(credentials)
                .withEndpointOverride(localStack.getEndpoint());
        try (var sns = AwsClients.sns(region, options);
             var sqs = SqsClient.builder().region(region).credentialsProvider(credentials)
                     .endpointOverride(localStack.getEndpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                     .build()) {
            // given: a topic with a raw-delivery SQS subscription
            String topicArn = sns.createTopic(r -> r.name("cloudfront-origin-findings")).topicArn();
            String queueUrl = sqs.createQueue(r -> r.queueName("findings")).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            // filtering on one of the codes, as docs/deploy.md shows
            sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true",
                            "FilterPolicy", "{\"codes\": [\"CERT_EXPIRED\"]}")));
            var alert = new DistributionAlert("E2QWRUHAPOMQZL", Severity.ERROR, 1,
                    List.of("DNS_UNRESOLVABLE", "CERT_EXPIRED"),
                    "Origin legacy: the certificate expired.", "{\"code\":\"CERT_EXPIRED\"}");
            var notMatching = new DistributionAlert("E3OTHERDIST99", Severity.WARNING, 1, List.of("HTTP_5XX"),
                    "Origin api: 503.", "{\"code\":\"HTTP_5XX\"}");

            // when
            List<PublishedMessage> published = new SnsFindingPublisher(sns, TopicArn.parse(topicArn))
                    .publish(List.of(notMatching, alert));

            // then: the filter policy matched one element of the String.Array, and dropped the other message
            assertThat(published).hasSize(2);
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(10)
                    .messageAttributeNames("All")).messages();
            assertThat(received).singleElement().satisfies(message -> {
                assertThat(message.body()).contains("Origin legacy: the certificate expired.")
                        .contains("{\"code\":\"CERT_EXPIRED\"}");
                assertThat(message.messageAttributes().get("severity").stringValue()).isEqualTo("ERROR");
                assertThat(message.messageAttributes().get("distributionId").stringValue()).isEqualTo("E2QWRUHAPOMQZL");
                assertThat(message.messageAttributes().get("codes").dataType()).isEqualTo("String.Array");
                assertThat(message.messageAttributes().get("codes").stringValue())
                        .isEqualTo("[\"DNS_UNRESOLVABLE\",\"CERT_EXPIRED\"]");
            });
        }
    }
}
