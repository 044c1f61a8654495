package dev.cfoc.lambda;

import dev.cfoc.aws.QueueUrl;

/**
 * The fan-out switch: when FANOUT_QUEUE_URL is set, a scheduled run (or a manual {"all": true}) queues the
 * distributions it selected instead of checking them, and the function checks them when SQS delivers the messages.
 *
 * @param queueUrl  the queue the template creates when its FanOut parameter is Enabled
 * @param batchSize distributions per message (FANOUT_BATCH_SIZE), 1 to {@link #MAX_BATCH_SIZE}
 */
public record FanOutSettings(QueueUrl queueUrl, int batchSize) {

    public static final String FANOUT_QUEUE_URL = "FANOUT_QUEUE_URL";
    public static final String FANOUT_BATCH_SIZE = "FANOUT_BATCH_SIZE";

    /** Decision: one distribution per message by default: a failure then redelivers only that distribution. */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /**
     * Decision: at most 20 distributions per message. A message is one unit of retry; 20 distributions with a few
     * origins each still fit a fraction of one invocation, and a message stays a few hundred bytes.
     */
    public static final int MAX_BATCH_SIZE = 20;

    public FanOutSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw invalidBatchSize(String.valueOf(batchSize));
        }
    }

    /**
     * @return the batch size in {@code value}
     * @throws IllegalArgumentException naming FANOUT_BATCH_SIZE when it is not a whole number from 1 to 20
     */
    static int requireBatchSize(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalidBatchSize(value);
    }

    private static IllegalArgumentException invalidBatchSize(String value) {
        return new IllegalArgumentException(FANOUT_BATCH_SIZE + " must be a whole number from 1 to " + MAX_BATCH_SIZE
                + ", got '" + value + "'");
    }
}
