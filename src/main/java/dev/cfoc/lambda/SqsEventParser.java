package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the event Lambda's SQS event source mapping sends ({@code {"Records": [{"eventSource": "aws:sqs",
 * "messageId", "body", "attributes": {"ApproximateReceiveCount"}, …}]}}) into a {@link Trigger.QueueBatch}: each
 * record becomes a message with its distribution ids, or a rejected one with the reason. Bounded: at most
 * {@link #MAX_RECORDS} records are decoded.
 */
final class SqsEventParser {

    static final String EVENT_SOURCE = "aws:sqs";

    /** The largest BatchSize an SQS event source mapping allows (standard queues). */
    static final int MAX_RECORDS = 10_000;

    private static final int MAX_ID_CHARS = 100;

    /** Whether {@code event} is an SQS batch: a Records array with at least one {@value #EVENT_SOURCE} record. */
    static boolean isSqsEvent(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            return false;
        }
        for (JsonNode record : records) {
            if (EVENT_SOURCE.equals(record.path("eventSource").asText(""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws UnanswerableEventException when an SQS record has no usable messageId (its outcome could not be
     *                                    reported, so the whole batch must be redelivered)
     */
    Trigger.QueueBatch parse(JsonNode event) throws UnanswerableEventException {
        JsonNode records = event.path("Records");
        List<String> foreign = new ArrayList<>();
        List<Integer> sqsIndexes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String source = records.get(i).path("eventSource").asText("");
            if (EVENT_SOURCE.equals(source)) {
                sqsIndexes.add(i);
            } else {
                foreign.add("$.Records[" + i + "]: eventSource '" + abbreviate(source) + "', not " + EVENT_SOURCE);
            }
        }
        for (int i : sqsIndexes) {
            JsonNode id = records.get(i).get("messageId");
            if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_ID_CHARS) {
                throw new UnanswerableEventException("$.Records[" + i + "].messageId: missing or not a message id; "
                        + "without it the batch cannot be answered per message, so the whole batch fails and SQS "
                        + "redelivers it");
            }
        }
        String batchProblem = !foreign.isEmpty()
                ? "the event mixes SQS messages with " + foreign.size() + " record(s) from elsewhere, which Lambda "
                + "never sends; nothing in it is checked"
                : sqsIndexes.size() > MAX_RECORDS
                ? "the batch has " + sqsIndexes.size() + " messages, more than the " + MAX_RECORDS
                + " an event source mapping sends; nothing in it is checked"
                : null;
        List<QueueMessage> messages = new ArrayList<>(sqsIndexes.size());
        for (int i : sqsIndexes) {
            JsonNode record = records.get(i);
            String messageId = record.get("messageId").asText();
            int receiveCount = receiveCount(record);
            if (batchProblem != null) {
                messages.add(new QueueMessage.Rejected(messageId, receiveCount, batchProblem));
                continue;
            }
            messages.add(message(record, messageId, receiveCount));
        }
        return new Trigger.QueueBatch(messages, foreign.size() > 20 ? foreign.subList(0, 20) : foreign);
    }

    private static QueueMessage message(JsonNode record, String messageId, int receiveCount) {
        JsonNode body = record.get("body");
        if (body == null || !body.isTextual()) {
            return new QueueMessage.Rejected(messageId, receiveCount, "body: missing or not a string");
        }
        try {
            return new QueueMessage.Readable(messageId, receiveCount, QueueMessages.distributionIds(body.asText()));
        } catch (EventException e) {
            return new QueueMessage.Rejected(messageId, receiveCount, e.getMessage());
        }
    }

    /** ApproximateReceiveCount, for the log; 1 when absent or not a number. */
    private static int receiveCount(JsonNode record) {
        String count = record.path("attributes").path("ApproximateReceiveCount").asText("");
        try {
            return Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
