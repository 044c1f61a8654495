package dev.cfoc.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends messages to one queue with SendMessageBatch, {@value #MAX_ENTRIES_PER_CALL} per call. Entries SQS refuses
 * (the response's {@code Failed} list, or the whole call failing after the SDK's own retries) are sent again, up to
 * {@value #MAX_ATTEMPTS} attempts each; what still fails is returned, never dropped.
 */
public final class SqsBatchSender {

    /** SQS's limit of entries per SendMessageBatch call. */
    public static final int MAX_ENTRIES_PER_CALL = 10;

    /**
     * Decision: each entry is tried 3 times (on top of the SDK's retries of the call itself). A refused entry is
     * usually a transient InternalError; one refused 3 times in a row is a real problem worth failing the run for.
     */
    static final int MAX_ATTEMPTS = 3;

    /** Decision: a short, growing pause before each new attempt (200 ms, 400 ms): SQS throttles per queue. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final SqsClient sqs;
    private final QueueUrl queue;

    public SqsBatchSender(SqsClient sqs, QueueUrl queue) {
        this.sqs = sqs;
        this.queue = queue;
    }

    /** @param bodies message bodies, each within SQS's size limit */
    public SendOutcome send(List<String> bodies) {
        Map<Integer, String> pending = new LinkedHashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            pending.put(i, bodies.get(i));
        }
        Map<Integer, String> reasons = new LinkedHashMap<>();
        int sent = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(RETRY_PAUSE.multipliedBy(attempt - 1));
            }
            reasons.clear();
            List<Integer> indexes = new ArrayList<>(pending.keySet());
            for (int from = 0; from < indexes.size(); from += MAX_ENTRIES_PER_CALL) {
                List<Integer> chunk = indexes.subList(from, Math.min(indexes.size(), from + MAX_ENTRIES_PER_CALL));
                sent += sendChunk(chunk, pending, reasons);
            }
        }
        List<UnsentMessage> unsent = pending.keySet().stream()
                .map(i -> new UnsentMessage(i, reasons.getOrDefault(i, "not sent")))
                .toList();
        return new SendOutcome(sent, unsent);
    }

    /** Sends one call's entries; removes the accepted ones from {@code pending}; returns how many were accepted. */
    private int sendChunk(List<Integer> chunk, Map<Integer, String> pending, Map<Integer, String> reasons) {
        List<SendMessageBatchRequestEntry> entries = chunk.stream()
                .map(i -> SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(pending.get(i)).build())
                .toList();
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(r -> r.queueUrl(queue.value()).entries(entries));
        } catch (SdkException e) {
            String reason = "SendMessageBatch failed: " + SdkFailures.describe(e);
            chunk.forEach(i -> reasons.put(i, reason));
            return 0;
        }
        int accepted = 0;
        for (var ok : response.successful()) {
            Integer index = index(ok.id(), chunk);
            if (index != null && pending.remove(index) != null) {
                accepted++;
            }
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            Integer index = index(failed.id(), chunk);
            if (index != null) {
                reasons.put(index, SdkFailures.oneLine(failed.code() + ": " + failed.message()
                        + (Boolean.TRUE.equals(failed.senderFault()) ? " (sender fault)" : "")));
            }
        }
        chunk.stream().filter(pending::containsKey).forEach(i -> reasons.putIfAbsent(i,
                "SendMessageBatch answered neither Successful nor Failed for this entry"));
        return accepted;
    }

    /** The entry id SQS echoed, when it is one of this call's; anything else is ignored. */
    private static Integer index(String id, List<Integer> chunk) {
        return chunk.stream().filter(i -> String.valueOf(i).equals(id)).findFirst().orElse(null);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
