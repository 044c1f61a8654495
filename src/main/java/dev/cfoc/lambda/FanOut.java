package dev.cfoc.lambda;

import dev.cfoc.aws.SendOutcome;
import dev.cfoc.aws.SqsBatchSender;

import java.util.ArrayList;
import java.util.List;

/**
 * Queues distributions instead of checking them: one message per {@link FanOutSettings#batchSize()} ids, sent with
 * SendMessageBatch. What SQS would not take is returned by id, never dropped.
 */
final class FanOut {

    /** What was queued. */
    record Result(int distributions, int messages, List<String> unsentIds, List<String> reasons) {
        Result {
            unsentIds = List.copyOf(unsentIds);
            reasons = List.copyOf(reasons);
        }

        boolean complete() {
            return unsentIds.isEmpty();
        }
    }

    private final SqsBatchSender sender;
    private final int batchSize;

    FanOut(SqsBatchSender sender, int batchSize) {
        this.sender = sender;
        this.batchSize = batchSize;
    }

    /** @param distributionIds distinct ids, in the order to queue them */
    Result queue(List<String> distributionIds) {
        List<String> bodies = QueueMessages.bodies(distributionIds, batchSize);
        SendOutcome outcome = sender.send(bodies);
        List<String> unsent = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        outcome.unsent().forEach(m -> {
            int from = m.index() * batchSize;
            List<String> ids = distributionIds.subList(from, Math.min(distributionIds.size(), from + batchSize));
            unsent.addAll(ids);
            ids.forEach(id -> reasons.add(m.reason()));
        });
        return new Result(distributionIds.size(), outcome.sent(), unsent, reasons);
    }
}
