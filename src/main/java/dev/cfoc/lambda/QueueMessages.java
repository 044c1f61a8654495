package dev.cfoc.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a fan-out message: the manual event {@code {"distributionIds": ["E…", …]}}, so a message can be read,
 * written and re-driven by hand. Pure.
 */
final class QueueMessages {

    /**
     * Decision: a body longer than this is refused unread. Ours are a few hundred bytes (20 ids at most); the bound
     * keeps a hand-made or hostile message from costing more than a glance.
     */
    static final int MAX_BODY_CHARS = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueMessages() {
    }

    /** One body per {@code perMessage} ids, in order. */
    static List<String> bodies(List<String> distributionIds, int perMessage) {
        if (perMessage < 1) {
            throw new IllegalArgumentException("perMessage must be at least 1, got " + perMessage);
        }
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < distributionIds.size(); from += perMessage) {
            bodies.add(body(distributionIds.subList(from, Math.min(distributionIds.size(), from + perMessage))));
        }
        return bodies;
    }

    static String body(List<String> distributionIds) {
        ObjectNode body = JSON.createObjectNode();
        distributionIds.forEach(body.putArray("distributionIds")::add);
        return body.toString();
    }

    /**
     * @return the distribution ids the body names (1 to {@link FanOutSettings#MAX_BATCH_SIZE})
     * @throws EventException saying what is wrong with it, in a line fit for a log
     */
    static List<String> distributionIds(String body) throws EventException {
        if (body.length() > MAX_BODY_CHARS) {
            throw new EventException("body is " + body.length() + " characters, more than " + MAX_BODY_CHARS
                    + "; expected {\"distributionIds\": [\"E…\"]}");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new EventException("body is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; expected {\"distributionIds\": [\"E…\"]}");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new EventException("body is empty; expected {\"distributionIds\": [\"E…\"]}");
        }
        if (!tree.isObject() || !tree.has("distributionIds") || tree.has("all")) {
            throw new EventException("body is not {\"distributionIds\": [\"E…\"]} (a queued message names its "
                    + "distributions; {\"all\": true} and other events are not accepted here)");
        }
        if (tree.get("distributionIds").size() > FanOutSettings.MAX_BATCH_SIZE) {
            throw new EventException("$.distributionIds: " + tree.get("distributionIds").size()
                    + " ids, more than the " + FanOutSettings.MAX_BATCH_SIZE + " a message may name");
        }
        Trigger trigger = new TriggerParser().parse(tree);
        if (!(trigger instanceof Trigger.Manual manual) || manual.all()) {
            throw new EventException("body is not {\"distributionIds\": [\"E…\"]}");
        }
        return manual.distributionIds();
    }
}
