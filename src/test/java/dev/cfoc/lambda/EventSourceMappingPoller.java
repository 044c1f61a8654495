package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.aws.QueueUrl;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Lambda's SQS event source mapping does, for tests: ReceiveMessage up to BatchSize, build the Lambda SQS event
 * from the real messages, invoke the handler, DeleteMessage the ones not named in batchItemFailures, leave the others
 * to become visible again.
 */
final class EventSourceMappingPoller {

    /** One poll: the messages received, the handler's raw answer, and the ids it said failed. */
    record Poll(List<Message> received, String answer, Set<String> failed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final QueueUrl queue;
    private final String queueArn;
    private final int batchSize;

    EventSourceMappingPoller(SqsClient sqs, QueueUrl queue, String queueArn, int batchSize) {
        this.sqs = sqs;
        this.queue = queue;
        this.queueArn = queueArn;
        this.batchSize = batchSize;
    }

    Optional<Poll> poll(CheckHandler handler, RecordingContext context) throws Exception {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue.value()).maxNumberOfMessages(batchSize)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        var output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event(messages).toString().getBytes()), output, context);
        String answer = output.toString();
        Set<String> failed = new HashSet<>();
        JsonNode response = JSON.readTree(answer);
        response.path("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(r -> r.queueUrl(queue.value()).receiptHandle(m.receiptHandle()));
            }
        }
        return Optional.of(new Poll(messages, answer, failed));
    }

    /** The event as Lambda builds it from received messages. */
    ObjectNode event(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            ObjectNode attributes = record.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", m.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "us-east-1");
        }
        return event;
    }
}
