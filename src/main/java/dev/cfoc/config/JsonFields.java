package dev.cfoc.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads from a Jackson tree with errors that name the source and the JSON path. Values are never echoed
 * for type errors, so a wrong-typed secret cannot leak into a message. JSON null counts as absent.
 */
final class JsonFields {

    /** A node together with its JSON path, e.g. {@code $.DistributionConfig.Origins.Items[1]}. */
    record Located(JsonNode node, String path) {

        String child(String field) {
            return path + "." + field;
        }
    }

    private static final int MAX_ECHOED_CHARS = 80;
    private static final int MAX_ECHOED_NUMBER_DIGITS = 24;

    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    ConfigException error(String path, String problem) {
        return new ConfigException(source + ": " + path + ": " + problem);
    }

    Optional<Located> optionalObject(Located parent, String field) throws ConfigException {
        JsonNode value = present(parent, field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(parent.child(field), "an object", value);
        }
        return Optional.of(new Located(value, parent.child(field)));
    }

    Located requiredObject(Located parent, String field) throws ConfigException {
        return optionalObject(parent, field).orElseThrow(() -> missing(parent, field));
    }

    Optional<String> optionalText(Located parent, String field) throws ConfigException {
        JsonNode value = present(parent, field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(parent.child(field), "a string", value);
        }
        return Optional.of(value.textValue());
    }

    /** A string that must be present and not blank. */
    String requiredText(Located parent, String field) throws ConfigException {
        String value = optionalText(parent, field).orElseThrow(() -> missing(parent, field));
        if (value.isBlank()) {
            throw error(parent.child(field), "must not be empty");
        }
        return value;
    }

    /** An optional string where the API's empty string also means "not set" (CachePolicyId, OriginRequestPolicyId). */
    Optional<String> optionalNonBlankText(Located parent, String field) throws ConfigException {
        return optionalText(parent, field).filter(s -> !s.isBlank());
    }

    /** A required string that must be one of the API values of {@code type}; the error lists them. */
    <E extends Enum<E> & ApiValue> E requiredApiValue(Located parent, String field, Class<E> type)
            throws ConfigException {
        return apiValue(parent.child(field), requiredText(parent, field), type);
    }

    /** An optional string that, when present, must be one of the API values of {@code type}. */
    <E extends Enum<E> & ApiValue> Optional<E> optionalApiValue(Located parent, String field, Class<E> type)
            throws ConfigException {
        Optional<String> value = optionalText(parent, field);
        return value.isEmpty() ? Optional.empty() : Optional.of(apiValue(parent.child(field), value.get(), type));
    }

    /** {@code value}, read at {@code path}, as one of the API values of {@code type}; the error lists them. */
    <E extends Enum<E> & ApiValue> E apiValue(String path, String value, Class<E> type) throws ConfigException {
        return ApiValue.find(type, value).orElseThrow(() ->
                error(path, "must be one of " + ApiValue.listed(type) + ", got " + echo(value)));
    }

    int optionalInt(Located parent, String field, int defaultValue) throws ConfigException {
        return optionalInt(parent, field, defaultValue, "a 32-bit integer");
    }

    /**
     * @param expected what the field must be, said when the value is an integer too large for an int
     *                 (e.g. "1–10"): the user learns the valid range, not a Java type
     */
    int optionalInt(Located parent, String field, int defaultValue, String expected) throws ConfigException {
        JsonNode value = present(parent, field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(parent.child(field), "an integer", value);
        }
        if (!value.canConvertToInt()) {
            throw error(parent.child(field), "must be " + expected + ", got " + shortNumber(value));
        }
        return value.intValue();
    }

    int optionalIntInRange(Located parent, String field, int defaultValue, int min, int max) throws ConfigException {
        String range = min + "–" + max;
        int value = optionalInt(parent, field, defaultValue, range);
        if (value < min || value > max) {
            throw error(parent.child(field), "must be " + range + ", got " + value);
        }
        return value;
    }

    /** An integer as written, shortened: a 1,000-digit number stays readable in a message. */
    private static String shortNumber(JsonNode number) {
        String text = number.asText();
        return text.length() <= MAX_ECHOED_NUMBER_DIGITS ? text
                : text.substring(0, MAX_ECHOED_NUMBER_DIGITS) + "… (" + text.length() + " digits)";
    }

    boolean optionalBoolean(Located parent, String field, boolean defaultValue) throws ConfigException {
        JsonNode value = present(parent, field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw wrongType(parent.child(field), "true or false", value);
        }
        return value.booleanValue();
    }

    /**
     * The API's list shape {@code {"Quantity": n, "Items": [...]}}: the items with their paths. An absent list,
     * or Items absent with Quantity 0, is empty.
     */
    List<Located> items(Located parent, String field) throws ConfigException {
        Optional<Located> list = optionalObject(parent, field);
        if (list.isEmpty()) {
            return List.of();
        }
        Located wrapper = list.get();
        int quantity = optionalInt(wrapper, "Quantity", 0);
        JsonNode items = present(wrapper, "Items");
        if (items == null) {
            if (quantity > 0) {
                throw error(wrapper.child("Items"), "missing, but Quantity is " + quantity);
            }
            return List.of();
        }
        if (!items.isArray()) {
            throw wrongType(wrapper.child("Items"), "an array", items);
        }
        var located = new ArrayList<Located>(items.size());
        for (int i = 0; i < items.size(); i++) {
            located.add(new Located(items.get(i), wrapper.child("Items") + "[" + i + "]"));
        }
        return located;
    }

    /** Items that must each be a string. */
    List<String> textItems(Located parent, String field) throws ConfigException {
        var texts = new ArrayList<String>();
        for (Located item : items(parent, field)) {
            if (!item.node().isTextual()) {
                throw wrongType(item.path(), "a string", item.node());
            }
            texts.add(item.node().textValue());
        }
        return texts;
    }

    /** Items that must each be an object. */
    List<Located> objectItems(Located parent, String field) throws ConfigException {
        var objects = items(parent, field);
        for (Located item : objects) {
            if (!item.node().isObject()) {
                throw wrongType(item.path(), "an object", item.node());
            }
        }
        return objects;
    }

    /** A value for messages: quoted, shortened, control characters escaped. Never call it with a secret. */
    static String echo(String value) {
        var shown = value.length() > MAX_ECHOED_CHARS ? value.substring(0, MAX_ECHOED_CHARS) + "…" : value;
        var escaped = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.append('"').toString();
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    private static JsonNode present(Located parent, String field) {
        JsonNode value = parent.node().get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    private ConfigException missing(Located parent, String field) {
        return error(parent.child(field), "required field is missing");
    }

    private ConfigException wrongType(String path, String expected, JsonNode actual) {
        return error(path, "must be " + expected + ", got " + describe(actual));
    }
}
