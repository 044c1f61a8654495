package dev.cfoc.lambda;

import java.util.List;

/** One record of an SQS batch, decoded: the distributions it names, or why it cannot be acted on. */
public sealed interface QueueMessage {

    /** SQS's id of the message: what the batch response names when the message is to be redelivered. */
    String messageId();

    /** How often SQS has delivered it (ApproximateReceiveCount; 1 the first time). */
    int receiveCount();

    /** A message naming distributions to check. */
    record Readable(String messageId, int receiveCount, List<String> distributionIds) implements QueueMessage {
        public Readable {
            distributionIds = List.copyOf(distributionIds);
        }
    }

    /**
     * A message that cannot be acted on (body not JSON, not {"distributionIds": [...]}, a bad id): it fails, so after
     * the queue's maxReceiveCount it lands in the dead-letter queue where it can be read.
     */
    record Rejected(String messageId, int receiveCount, String reason) implements QueueMessage {
    }
}
