package dev.cfoc.lambda;

import java.util.List;

/**
 * Some distributions could not be queued. Each one has been logged by id; the invocation fails so Lambda retries
 * the run (the messages that were sent are delivered again then: checks are repeatable) and, failing that, it reaches
 * the on-failure queue.
 */
public final class FanOutFailedException extends RuntimeException {

    /** Decision: the exception message names at most this many ids; the log has every one. */
    static final int MAX_IDS_IN_MESSAGE = 10;

    public FanOutFailedException(String queue, List<String> unsentIds, int distributions) {
        super(unsentIds.size() + " of " + distributions + " distribution(s) could not be queued to " + queue + ": "
                + String.join(", ", unsentIds.subList(0, Math.min(unsentIds.size(), MAX_IDS_IN_MESSAGE)))
                + (unsentIds.size() > MAX_IDS_IN_MESSAGE ? ", …" : "") + " (each one is logged)");
    }
}
