package dev.cfoc.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Turns any AWS SDK model object into a Jackson tree keyed by the API's member names (PascalCase, as the
 * AWS CLI prints them), so data read from the API goes through the same loader and validation as a file.
 * Absent members are left out, as the CLI does. Works from the SDK's own field metadata, not per shape.
 */
public final class SdkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    public static ObjectNode toTree(SdkPojo pojo) {
        return object(pojo, "$");
    }

    private static ObjectNode object(SdkPojo pojo, String path) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isAbsent(value)) {
                continue;
            }
            String name = field.memberName();
            node.set(name, value(value, path + "." + name));
        }
        return node;
    }

    private static boolean isAbsent(Object value) {
        return value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>;
    }

    private static JsonNode value(Object value, String path) {
        return switch (value) {
            case null -> NODES.nullNode();
            case SdkPojo pojo -> object(pojo, path);
            case List<?> list -> array(list, path);
            case Map<?, ?> map -> map(map, path);
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Short s -> NODES.numberNode(s);
            case Byte b -> NODES.numberNode(b);
            case Float f -> NODES.numberNode(f);
            case Double d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            case Number n -> NODES.numberNode(new BigDecimal(n.toString()));
            case Instant instant -> NODES.textNode(instant.toString());
            case SdkBytes bytes -> NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
            case Document document -> document.isNull() ? NODES.nullNode() : value(document.unwrap(), path);
            case Enum<?> e -> NODES.textNode(e.toString());
            default -> throw new IllegalArgumentException(
                    "Cannot convert " + value.getClass().getName() + " at " + path + " to JSON");
        };
    }

    private static ArrayNode array(List<?> list, String path) {
        ArrayNode array = NODES.arrayNode(list.size());
        for (int i = 0; i < list.size(); i++) {
            array.add(value(list.get(i), path + "[" + i + "]"));
        }
        return array;
    }

    private static ObjectNode map(Map<?, ?> map, String path) {
        ObjectNode node = NODES.objectNode();
        map.forEach((key, entry) -> node.set(String.valueOf(key), value(entry, path + "." + key)));
        return node;
    }
}
