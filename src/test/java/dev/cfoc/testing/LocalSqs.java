package dev.cfoc.testing;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.aws.QueueUrl;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ in-process on 127.0.0.1: the real SQS protocol (the SDK's JSON protocol) on loopback, never AWS.
 * Queues are created per test with the attributes the template gives (visibility timeout, redrive policy).
 */
public final class LocalSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = AwsClients.sqs(Region.US_EAST_1, options());
    }

    public static LocalSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new LocalSqs(server, URI.create("http://127.0.0.1:" + port));
    }

    /** What the function's SQS client is built with in tests: this endpoint, test credentials. */
    public AwsClientOptions options() {
        return LocalAws.options(endpoint.toString());
    }

    /** A client for the test's own sends and receives (the test plays the event source mapping). */
    public SqsClient client() {
        return client;
    }

    public QueueUrl createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return QueueUrl.parse(client.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl());
    }

    public String arn(QueueUrl queue) {
        return client.getQueueAttributes(r -> r.queueUrl(queue.value()).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Messages in the queue, visible or in flight. */
    public int depth(QueueUrl queue) {
        var attributes = client.getQueueAttributes(r -> r.queueUrl(queue.value()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
