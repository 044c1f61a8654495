package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The answer to an SQS batch: Lambda's partial batch response {@code {"batchItemFailures": [{"itemIdentifier":
 * "<messageId>"}]}}, the only thing the function returns for an SQS invocation. Lambda deletes every other message
 * of the batch and makes these visible again. An empty list means the whole batch succeeded.
 */
public record BatchResult(List<String> failedMessageIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BatchResult {
        failedMessageIds = List.copyOf(new LinkedHashSet<>(failedMessageIds));
        if (failedMessageIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            // Lambda reads a null or empty itemIdentifier as a failure of the whole batch.
            throw new IllegalArgumentException("failedMessageIds: every id must be a non-blank SQS message id");
        }
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        var failures = root.putArray("batchItemFailures");
        failedMessageIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return root.toString();
    }
}
