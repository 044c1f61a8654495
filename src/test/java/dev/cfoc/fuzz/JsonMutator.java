package dev.cfoc.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid JSON document into a near miss: structure-aware edits (a value of the wrong type, an absurd number,
 * a missing or unknown field, a list whose Quantity lies) and text edits (truncation, deleted or inserted characters,
 * raw bytes). Near misses reach deep into a validator; random bytes alone rarely get past the first brace.
 */
public final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Numbers at and beyond every edge a loader checks: ports, timeouts, int, long, double. */
    private static final List<JsonNode> EDGE_NUMBERS = List.of(
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1), NODES.numberNode(3), NODES.numberNode(4),
            NODES.numberNode(10), NODES.numberNode(11), NODES.numberNode(80), NODES.numberNode(443),
            NODES.numberNode(1023), NODES.numberNode(65535), NODES.numberNode(65536), NODES.numberNode(180),
            NODES.numberNode(181), NODES.numberNode(1_000_000_000), NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(Integer.MAX_VALUE + 1L),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("99999999999999999999999999999999999999")),
            NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("-1e-400")),
            NODES.numberNode(1.5), NODES.numberNode(-0.0), NODES.numberNode(30.0));

    /** Values a CloudFront config uses, so that edits also produce valid-looking but unusual configs. */
    private static final List<String> WORDS = List.of("", " ", "*", "Host", "host", "https-only", "http-only",
            "match-viewer", "allow-all", "redirect-to-https", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "SSLv3",
            "origin-request", "viewer-request", "example.com", "*.example.com", "a..b", "-", ".", "E2QWRUHAPOMQZL",
            "/", "/path", "path/", "216adef6-5c7f-47e4-b989-5492eafa07d3", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            "allViewer", "whitelist", "allExcept", "none", "all", "Scheduled Event", "aws.events",
            "AWS API Call via CloudTrail", "aws.cloudfront", "UpdateDistribution", "CreateDistribution",
            "UpdateCachePolicy", "UpdateOriginRequestPolicy", "AccessDenied", "ünïcödé.example", "\u0000",
            "a\r\nX-Injected: 1", "\t", "x".repeat(300), "${jndi:ldap://x}", "%s%n", "\uD83D\uDE00");

    /** Field names of the CloudFront API and of events, so that edits add fields a reader may look at. */
    private static final List<String> FIELD_NAMES = List.of("Id", "DomainName", "Origins", "Items", "Quantity",
            "CustomOriginConfig", "S3OriginConfig", "VpcOriginConfig", "HTTPPort", "HTTPSPort", "OriginProtocolPolicy",
            "OriginSslProtocols", "OriginReadTimeout", "ConnectionTimeout", "ConnectionAttempts", "OriginPath",
            "CustomHeaders", "HeaderName", "DefaultCacheBehavior", "CacheBehaviors", "TargetOriginId",
            "ViewerProtocolPolicy", "ForwardedValues", "Headers", "CachePolicyId", "OriginRequestPolicyId",
            "OriginGroups", "Members", "OriginId", "Aliases", "Enabled", "OriginMtlsConfig", "OriginShield",
            "FunctionAssociations", "LambdaFunctionAssociations", "EventType", "DistributionConfig", "Distribution",
            "DistributionList", "detail", "detail-type", "source", "eventName", "errorCode", "requestParameters",
            "responseElements", "distribution", "id", "distributionIds", "all", "PathPattern");

    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** One near miss of {@code seed}: one to three tree edits, sometimes followed by a text edit. */
    public byte[] mutate(JsonNode seed) {
        JsonNode tree = seed.deepCopy();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            tree = editTree(tree);
        }
        String text = tree.toString();
        if (random.nextInt(4) == 0) {
            return editText(text.getBytes(StandardCharsets.UTF_8));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes, sometimes starting like JSON or with a byte-order mark. */
    public byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 2 && random.nextBoolean()) {
            byte[][] starts = {{'{'}, {'['}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF},
                    {(byte) 0xFF, (byte) 0xFE}, {0, 0, (byte) 0xFE, (byte) 0xFF}, {'"'}};
            byte[] start = starts[random.nextInt(starts.length)];
            System.arraycopy(start, 0, bytes, 0, Math.min(start.length, bytes.length));
        }
        return bytes;
    }

    private JsonNode editTree(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty() || random.nextInt(40) == 0) {
            return randomValue(3);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(6)) {
            case 0, 1 -> slot.set(randomValue(2));
            case 2 -> slot.remove();
            case 3 -> {
                if (slot.value() instanceof ObjectNode object) {
                    object.set(pick(FIELD_NAMES), randomValue(2));
                } else {
                    slot.set(randomValue(1));
                }
            }
            case 4 -> {
                if (slot.value() instanceof ArrayNode array && !array.isEmpty()) {
                    array.add(array.get(random.nextInt(array.size())).deepCopy());
                } else if (slot.value() instanceof ObjectNode object && object.has("Quantity")) {
                    object.set("Quantity", pick(EDGE_NUMBERS));
                } else {
                    slot.set(pick(EDGE_NUMBERS));
                }
            }
            default -> slot.set(random.nextBoolean() ? NODES.arrayNode().add(slot.value()) : NODES.nullNode());
        }
        return root;
    }

    private byte[] editText(byte[] text) {
        if (text.length == 0) {
            return randomBytes();
        }
        int at = random.nextInt(text.length);
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(text, at);
            case 1 -> {
                int end = Math.min(text.length, at + 1 + random.nextInt(8));
                byte[] cut = new byte[text.length - (end - at)];
                System.arraycopy(text, 0, cut, 0, at);
                System.arraycopy(text, end, cut, at, text.length - end);
                yield cut;
            }
            case 2 -> {
                byte[] inserted = pick(List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "0", "-", "e9",
                        "null", "\u0000", "\uFFFF", "/*", "NaN")).getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[text.length + inserted.length];
                System.arraycopy(text, 0, out, 0, at);
                System.arraycopy(inserted, 0, out, at, inserted.length);
                System.arraycopy(text, at, out, at + inserted.length, text.length - at);
                yield out;
            }
            default -> {
                byte[] flipped = text.clone();
                flipped[at] = (byte) random.nextInt(256);
                yield flipped;
            }
        };
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0, 1 -> pick(EDGE_NUMBERS);
            case 2, 3 -> NODES.textNode(random.nextInt(5) == 0 ? randomText() : pick(WORDS));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(FIELD_NAMES), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.appendCodePoint(random.nextInt(10) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0x250));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                slots.add(new Slot(object, e.getKey(), -1));
                collect(e.getValue(), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A place in a tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** Parses seed text (test resources are trusted to be JSON). */
    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("seed is not JSON", e);
        }
    }
}
