package dev.cfoc.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.finding.Severity;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@link AlertState} as JSON, the same in every store (a DynamoDB attribute, an entry of the CLI's file):
 * {@code {key, active: [{fingerprint, code, severity, originId, port, sni, paths, firstSeen, lastSeen}],
 * lastPublished, lastTransition, claim: {id, expires}}}; absent values are null. Unknown fields are ignored, so an
 * older version reads what a newer one wrote.
 */
public final class StateJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {
    }

    public static ObjectNode toJson(AlertState state) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", state.key());
        ArrayNode active = node.putArray("active");
        state.active().forEach(f -> active.add(finding(f)));
        node.put("lastPublished", state.lastPublished().map(Instant::toString).orElse(null));
        node.put("lastTransition", state.lastTransition().map(Enum::name).orElse(null));
        state.claim().ifPresentOrElse(c -> node.putObject("claim").put("id", c.id()).put("expires",
                c.expires().toString()), () -> node.putNull("claim"));
        return node;
    }

    public static String write(AlertState state) {
        try {
            return MAPPER.writeValueAsString(toJson(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state cannot be serialised", e);
        }
    }

    /** @param where what to name in an error (a table item, a file) */
    public static AlertState read(String json, String where) {
        try {
            return fromJson(MAPPER.readTree(json), where);
        } catch (JsonProcessingException e) {
            throw new StateStoreException(where + ": the state is not JSON");
        }
    }

    /** @throws StateStoreException naming {@code where} and the field that is wrong */
    public static AlertState fromJson(JsonNode node, String where) {
        try {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the state must be a JSON object");
            }
            List<TrackedFinding> active = new ArrayList<>();
            JsonNode findings = node.path("active");
            for (int i = 0; i < findings.size(); i++) {
                active.add(finding(findings.get(i), "active[" + i + "]"));
            }
            Optional<Claim> claim = node.path("claim").isObject()
                    ? Optional.of(new Claim(text(node.path("claim"), "id", "claim"),
                    instant(node.path("claim"), "expires", "claim"))) : Optional.empty();
            return new AlertState(text(node, "key", ""), active, optionalInstant(node, "lastPublished"),
                    optionalText(node, "lastTransition").map(Transition::valueOf), claim);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new StateStoreException(where + ": " + e.getMessage());
        }
    }

    private static ObjectNode finding(TrackedFinding f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("fingerprint", f.fingerprint());
        node.put("code", f.code());
        node.put("severity", f.severity().name());
        node.put("originId", f.originId());
        if (f.port().isPresent()) {
            node.put("port", f.port().getAsInt());
        } else {
            node.putNull("port");
        }
        node.put("sni", f.sni().orElse(null));
        ArrayNode paths = node.putArray("paths");
        f.paths().forEach(paths::add);
        node.put("firstSeen", f.firstSeen().toString());
        node.put("lastSeen", f.lastSeen().toString());
        return node;
    }

    private static TrackedFinding finding(JsonNode node, String at) {
        List<String> paths = new ArrayList<>();
        node.path("paths").forEach(p -> paths.add(p.asText()));
        OptionalInt port = node.path("port").isInt() ? OptionalInt.of(node.get("port").asInt()) : OptionalInt.empty();
        return new TrackedFinding(text(node, "fingerprint", at), text(node, "code", at),
                Severity.valueOf(text(node, "severity", at)), text(node, "originId", at), port,
                optionalText(node, "sni"), paths, instant(node, "firstSeen", at), instant(node, "lastSeen", at));
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException((at.isEmpty() ? "" : at + ".") + field + " must be a string");
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Instant instant(JsonNode node, String field, String at) {
        return Instant.parse(text(node, field, at));
    }

    private static Optional<Instant> optionalInstant(JsonNode node, String field) {
        return optionalText(node, field).map(Instant::parse);
    }
}
