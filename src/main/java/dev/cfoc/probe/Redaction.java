package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.Problem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the origin's custom header values from what a probe reports. The probe never puts them there itself, but
 * its messages quote what the origin sent (a status line, the first bytes of an answer), and an origin may reflect
 * the request it received: a debug endpoint, a misconfigured proxy.
 */
final class Redaction {

    /**
     * Decision: values shorter than this are not searched for. A short value ("1", "on") is not much of a secret,
     * and replacing it everywhere would garble evidence ("TLSv1.2").
     */
    static final int MIN_REDACTED_LENGTH = 6;

    private Redaction() {
    }

    static Problem redact(Problem problem, List<CustomHeader> headers) {
        List<String> values = headers.stream().map(h -> h.value().reveal())
                .filter(v -> v.length() >= MIN_REDACTED_LENGTH).toList();
        if (values.isEmpty()) {
            return problem;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        problem.evidence().forEach((key, value) -> evidence.put(key, redact(value, values)));
        return new Problem(problem.code(), redact(problem.message(), values), evidence);
    }

    /**
     * The bytes an origin sent, with every custom header value replaced: applied before the bytes are shortened for
     * a message, so that a value cut in half by the shortening cannot slip through.
     */
    static byte[] redact(byte[] received, List<CustomHeader> headers) {
        byte[] result = received;
        byte[] replacement = Secret.REDACTED.getBytes(StandardCharsets.UTF_8);
        for (CustomHeader header : headers) {
            byte[] value = header.value().reveal().getBytes(StandardCharsets.UTF_8);
            if (header.value().reveal().length() >= MIN_REDACTED_LENGTH) {
                result = replace(result, value, replacement);
            }
        }
        return result;
    }

    private static byte[] replace(byte[] bytes, byte[] target, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            if (i + target.length <= bytes.length
                    && Arrays.equals(bytes, i, i + target.length, target, 0, target.length)) {
                out.writeBytes(replacement);
                i += target.length;
            } else {
                out.write(bytes[i]);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static String redact(String text, List<String> values) {
        String redacted = text;
        for (String value : values) {
            redacted = redacted.replace(value, Secret.REDACTED);
        }
        return redacted;
    }
}
