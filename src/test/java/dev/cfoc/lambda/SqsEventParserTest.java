package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The SQS batch event as Lambda's event source mapping sends it, decoded through {@link TriggerParser}. */
class SqsEventParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TriggerParser parser = new TriggerParser();

    @Test
    void sqsBatchEventFile_isABatchOfReadableMessages() throws Exception {
        Trigger trigger = parser.parse(JSON.readTree(Path.of("events", "sqs-batch.json").toFile()));

        assertThat(trigger).isEqualTo(new Trigger.QueueBatch(List.of(
                new QueueMessage.Readable("2e1424d4-f796-459a-8184-9c92662be6da", 1, List.of("E2QWRUHAPOMQZL")),
                new QueueMessage.Readable("7b0a1e52-3c9d-4d8e-a1f2-5e6b7c8d9e0f", 1, List.of("E3OTHERDIST99"))),
                List.of()));
    }

    @Test
    void eachBadBody_rejectsOnlyItsMessage_withTheReason() throws Exception {
        // given
        ArrayNode records = JSON.createArrayNode();
        records.add(record("ok", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\", \"E3OTHERDIST99\"]}"));
        records.add(record("not-json", "{\"distributionIds\": ["));
        records.add(record("all", "{\"all\": true}"));
        records.add(record("bad-id", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\", \"not-an-id\"]}"));
        records.add(record("wrong-shape", "[\"E2QWRUHAPOMQZL\"]"));
        records.add(record("too-many", QueueMessages.body(java.util.Collections.nCopies(21, "E2QWRUHAPOMQZL"))));
        records.add(record("huge", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"], \"x\": \"" + "y".repeat(20_000) + "\"}"));
        records.add(record("scheduled", "{\"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\"}"));
        ObjectNode noBody = record("no-body", "");
        noBody.remove("body");
        records.add(noBody);

        // when
        Trigger.QueueBatch batch = (Trigger.QueueBatch) parser.parse(event(records));

        // then
        assertThat(batch.messages()).hasSize(9);
        assertThat(batch.messages().get(0)).isEqualTo(new QueueMessage.Readable("ok", 1,
                List.of("E2QWRUHAPOMQZL", "E3OTHERDIST99")));
        assertThat(batch.messages().subList(1, 9)).allSatisfy(m -> assertThat(m).isInstanceOf(QueueMessage.Rejected.class));
        assertThat(reason(batch, 1)).startsWith("body is not valid JSON (line 1");
        assertThat(reason(batch, 2)).contains("{\"all\": true} and other events are not accepted here");
        assertThat(reason(batch, 3)).contains("$.distributionIds[1]").contains("is not a CloudFront distribution id");
        assertThat(reason(batch, 4)).startsWith("body is not {\"distributionIds\"");
        assertThat(reason(batch, 5)).contains("21 ids, more than the 20");
        assertThat(reason(batch, 6)).contains("more than " + QueueMessages.MAX_BODY_CHARS).hasSizeLessThan(300);
        assertThat(reason(batch, 7)).startsWith("body is not {\"distributionIds\"");
        assertThat(reason(batch, 8)).isEqualTo("body: missing or not a string");
    }

    @Test
    void recordsFromAnotherSource_rejectEveryMessage_andAreListed() throws Exception {
        ArrayNode records = JSON.createArrayNode();
        records.add(record("m1", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}"));
        records.add(JSON.readTree("{\"eventSource\": \"aws:s3\", \"s3\": {}}"));

        Trigger.QueueBatch batch = (Trigger.QueueBatch) parser.parse(event(records));

        assertThat(batch.messages()).singleElement().isInstanceOfSatisfying(QueueMessage.Rejected.class,
                r -> assertThat(r.reason()).contains("mixes SQS messages with 1 record(s) from elsewhere"));
        assertThat(batch.foreignRecords()).containsExactly("$.Records[1]: eventSource 'aws:s3', not aws:sqs");
    }

    @Test
    void eventWithoutAnySqsRecord_isNotABatch_butAnUnrecognisedEvent() throws Exception {
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"Records\": [{\"eventSource\": \"aws:sns\"}]}")))
                .isInstanceOf(EventException.class).isNotInstanceOf(UnanswerableEventException.class)
                .hasMessageContaining("unrecognised event");
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"Records\": []}")))
                .isInstanceOf(EventException.class).hasMessageContaining("aws:sqs");
    }

    @Test
    void sqsRecordWithoutAMessageId_makesTheBatchUnanswerable() throws Exception {
        ArrayNode records = JSON.createArrayNode();
        records.add(record("m1", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}"));
        ObjectNode anonymous = record("", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}");
        records.add(anonymous);

        assertThatThrownBy(() -> parser.parse(event(records))).isInstanceOf(UnanswerableEventException.class)
                .hasMessageStartingWith("$.Records[1].messageId: missing");
        anonymous.put("messageId", 42);
        assertThatThrownBy(() -> parser.parse(event(records))).isInstanceOf(UnanswerableEventException.class);
    }

    @Test
    void largestBatchAnEventSourceMappingSends_isDecodedQuickly() {
        ArrayNode records = JSON.createArrayNode();
        for (int i = 0; i < SqsEventParser.MAX_RECORDS; i++) {
            records.add(record("m" + i, "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}"));
        }

        Trigger.QueueBatch batch = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> (Trigger.QueueBatch) parser.parse(event(records)));

        assertThat(batch.messages()).hasSize(SqsEventParser.MAX_RECORDS)
                .allSatisfy(m -> assertThat(m).isInstanceOf(QueueMessage.Readable.class));
    }

    @Test
    void batchLargerThanAnyEventSourceMappingSends_rejectsEveryMessage() throws Exception {
        ArrayNode records = JSON.createArrayNode();
        for (int i = 0; i <= SqsEventParser.MAX_RECORDS; i++) {
            records.add(record("m" + i, "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}"));
        }

        Trigger.QueueBatch batch = (Trigger.QueueBatch) parser.parse(event(records));

        assertThat(batch.messages()).hasSize(SqsEventParser.MAX_RECORDS + 1).allSatisfy(m -> assertThat(m)
                .isInstanceOfSatisfying(QueueMessage.Rejected.class, r -> assertThat(r.reason())
                        .contains("more than the 10000 an event source mapping sends")));
    }

    @Test
    void receiveCount_comesFromTheAttributes_andDefaultsToOne() throws Exception {
        ArrayNode records = JSON.createArrayNode();
        ObjectNode third = record("third", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}");
        ((ObjectNode) third.get("attributes")).put("ApproximateReceiveCount", "3");
        records.add(third);
        ObjectNode garbled = record("garbled", "{\"distributionIds\": [\"E2QWRUHAPOMQZL\"]}");
        ((ObjectNode) garbled.get("attributes")).put("ApproximateReceiveCount", "many");
        records.add(garbled);

        Trigger.QueueBatch batch = (Trigger.QueueBatch) parser.parse(event(records));

        assertThat(batch.messages()).extracting(QueueMessage::receiveCount).containsExactly(3, 1);
    }

    @Test
    void bodies_holdAtMostTheBatchSize_andReadBackAsTheSameIds() throws Exception {
        List<String> ids = List.of("E1AAAAAAAAAAA1", "E1AAAAAAAAAAA2", "E1AAAAAAAAAAA3", "E1AAAAAAAAAAA4", "E1AAAAAAAAAAA5");

        List<String> bodies = QueueMessages.bodies(ids, 2);

        assertThat(bodies).containsExactly("{\"distributionIds\":[\"E1AAAAAAAAAAA1\",\"E1AAAAAAAAAAA2\"]}",
                "{\"distributionIds\":[\"E1AAAAAAAAAAA3\",\"E1AAAAAAAAAAA4\"]}", "{\"distributionIds\":[\"E1AAAAAAAAAAA5\"]}");
        assertThat(QueueMessages.distributionIds(bodies.get(0))).containsExactly("E1AAAAAAAAAAA1", "E1AAAAAAAAAAA2");
        assertThat(QueueMessages.bodies(List.of(), 3)).isEmpty();
    }

    private static String reason(Trigger.QueueBatch batch, int index) {
        return ((QueueMessage.Rejected) batch.messages().get(index)).reason();
    }

    static ObjectNode record(String messageId, String body) {
        ObjectNode record = JSON.createObjectNode();
        record.put("messageId", messageId);
        record.put("receiptHandle", "handle-" + messageId);
        record.put("body", body);
        record.putObject("attributes").put("ApproximateReceiveCount", "1");
        record.putObject("messageAttributes");
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:checks");
        record.put("awsRegion", "us-east-1");
        return record;
    }

    private static JsonNode event(ArrayNode records) {
        ObjectNode event = JSON.createObjectNode();
        event.set("Records", records);
        return event;
    }
}
