package dev.cfoc.aws;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SNS Publish request's content: subject, body and message attributes (data types: {@link SnsMessages#dataType}).
 *
 * @param part  1-based part number
 * @param parts how many parts the distribution's message was split into
 */
record SnsMessage(String distributionId, int part, int parts, String subject, String body,
                  Map<String, String> attributes) {

    SnsMessage {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** What SNS counts against its size limit: subject, message and every attribute's name, type and value. */
    int sizeInBytes() {
        return utf8(subject) + utf8(body) + attributesSizeInBytes(attributes);
    }

    static int attributesSizeInBytes(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .mapToInt(a -> utf8(a.getKey()) + utf8(SnsMessages.dataType(a.getKey())) + utf8(a.getValue()))
                .sum();
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
