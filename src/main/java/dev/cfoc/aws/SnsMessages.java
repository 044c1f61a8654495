package dev.cfoc.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.state.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link DistributionAlert} into SNS messages within SNS's limits (pure; no I/O). */
final class SnsMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** SNS: a Publish request is at most 256 KiB, counted in UTF-8 bytes, subject and message attributes included. */
    static final int MAX_PUBLISH_BYTES = 262_144;
    /**
     * Decision: stay this far under the limit. AWS does not spell out how attribute names and types are
     * counted, and a rejected publish costs a whole invocation.
     */
    static final int HEADROOM_BYTES = 1_024;
    static final int BUDGET_BYTES = MAX_PUBLISH_BYTES - HEADROOM_BYTES;
    /** SNS: Subject must be ASCII, without line breaks or control characters, and less than 100 characters. */
    static final int MAX_SUBJECT_CHARS = 99;
    /**
     * Decision: at most this many parts (≈5 MiB) per distribution; beyond that the text is cut and the last part
     * says how much was left out, so one pathological report cannot flood the topic.
     */
    static final int MAX_PARTS = 20;
    static final String ATTRIBUTE_DATA_TYPE = "String";
    /**
     * SNS: a {@code String.Array} attribute holds a JSON array; a subscription filter policy such as
     * {@code {"codes": ["CERT_EXPIRED"]}} matches when any element matches (docs/cloudfront-rules.md#sns-filter-policies).
     */
    static final String ARRAY_DATA_TYPE = "String.Array";
    static final String ATTRIBUTE_SEVERITY = "severity";
    static final String ATTRIBUTE_DISTRIBUTION_ID = "distributionId";
    static final String ATTRIBUTE_CODES = "codes";
    static final String ATTRIBUTE_TRANSITION = "transition";
    /** Decision: a distribution's name takes at most this much of the subject, so its id and the codes still fit. */
    static final int MAX_NAME_CHARS = 30;

    private static final String ELLIPSIS = "...";
    private static final int TRUNCATION_NOTE_RESERVE_BYTES = 256;

    private SnsMessages() {
    }

    static List<SnsMessage> of(DistributionAlert alert) {
        String subject = subject(alert);
        Map<String, String> attributes = attributes(alert);
        String body = alert.humanText() + "\n\n" + alert.findingsJson();
        var single = new SnsMessage(alert.distributionId(), 1, 1, subject, body, attributes);
        if (single.sizeInBytes() <= BUDGET_BYTES) {
            return List.of(single);
        }
        List<String> chunks = split(body, SnsMessage.attributesSizeInBytes(attributes));
        var messages = new ArrayList<SnsMessage>(chunks.size());
        for (int i = 1; i <= chunks.size(); i++) {
            messages.add(new SnsMessage(alert.distributionId(), i, chunks.size(), withPart(subject, i, chunks.size()),
                    partHeading(i, chunks.size()) + chunks.get(i - 1), attributes));
        }
        return List.copyOf(messages);
    }

    /**
     * E.g. {@code [ERROR] shop.example.com (E123ABC): 2 origins failing (CERT_EXPIRED, DNS_UNRESOLVABLE)}, with the
     * transition first when it is not NEW ({@code [CHANGED] [ERROR] …}), and for a resolution
     * {@code [RESOLVED] shop.example.com (E123ABC): 2 origins OK again}.
     */
    static String subject(DistributionAlert alert) {
        String who = fit(alert.distributionId(), MAX_SUBJECT_CHARS);
        if (alert.name().isPresent()) {
            who = fit(alert.name().get(), MAX_NAME_CHARS) + " (" + who + ")";
        }
        int n = alert.originsAffected();
        String origins = n == 1 ? "1 origin" : n + " origins";
        if (alert.isResolved()) {
            return fit("[" + Transition.RESOLVED + "] " + who + ": " + (n == 0 ? "OK again" : origins
                    + " OK again"), MAX_SUBJECT_CHARS);
        }
        String what = n == 0 ? "" : switch (alert.worst()) {
            case ERROR -> origins + " failing ";
            case WARNING -> origins + " with warnings ";
            case INFO -> origins + " with notes ";
        };
        String codes = String.join(", ", alert.codes());
        // a first message (NEW) reads as one did without alert state
        String transition = alert.transition().filter(t -> t != Transition.NEW).map(t -> "[" + t + "] ").orElse("");
        return fit(transition + "[" + alert.worst() + "] " + who + ": " + what
                + (what.isEmpty() ? codes : "(" + codes + ")"), MAX_SUBJECT_CHARS);
    }

    static Map<String, String> attributes(DistributionAlert alert) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put(ATTRIBUTE_SEVERITY, alert.worst().name());
        attributes.put(ATTRIBUTE_DISTRIBUTION_ID, alert.distributionId());
        attributes.put(ATTRIBUTE_CODES, jsonArray(alert.codes()));
        alert.transition().ifPresent(t -> attributes.put(ATTRIBUTE_TRANSITION, t.name()));
        return attributes;
    }

    /** The SNS data type of an attribute built by {@link #attributes}: {@code codes} is an array, the rest strings. */
    static String dataType(String attributeName) {
        return ATTRIBUTE_CODES.equals(attributeName) ? ARRAY_DATA_TYPE : ATTRIBUTE_DATA_TYPE;
    }

    /** A JSON array of strings, as SNS reads a String.Array value: {@code ["CERT_EXPIRED","DNS_UNRESOLVABLE"]}. */
    private static String jsonArray(List<String> values) {
        var array = JSON.createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    /** Splits the body into parts that fit with their heading, the longest subject and the attributes. */
    private static List<String> split(String body, int attributeBytes) {
        int parts = 2;
        while (true) {
            int budget = partBudget(parts, attributeBytes);
            List<String> chunks = chunks(body, budget);
            if (chunks.size() <= parts) {
                return chunks;
            }
            if (chunks.size() > MAX_PARTS) {
                return truncated(body, chunks(body, partBudget(MAX_PARTS, attributeBytes)
                        - TRUNCATION_NOTE_RESERVE_BYTES));
            }
            parts = chunks.size();
        }
    }

    private static int partBudget(int parts, int attributeBytes) {
        return BUDGET_BYTES - MAX_SUBJECT_CHARS - SnsMessage.utf8(partHeading(parts, parts)) - attributeBytes;
    }

    private static List<String> truncated(String body, List<String> chunks) {
        var kept = new ArrayList<>(chunks.subList(0, MAX_PARTS));
        int keptBytes = kept.stream().mapToInt(SnsMessage::utf8).sum();
        int omitted = SnsMessage.utf8(body) - keptBytes;
        kept.set(MAX_PARTS - 1, kept.get(MAX_PARTS - 1) + "\n\n[truncated: " + omitted
                + " more bytes were not published; the function's log has the full report]");
        return kept;
    }

    /** Consecutive pieces of at most {@code maxBytes} UTF-8 bytes, never splitting a character, preferring line ends. */
    static List<String> chunks(String text, int maxBytes) {
        var chunks = new ArrayList<String>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            int afterLastNewline = -1;
            while (end < text.length()) {
                int codePoint = text.codePointAt(end);
                int length = utf8Length(codePoint);
                if (bytes + length > maxBytes) {
                    break;
                }
                bytes += length;
                end += Character.charCount(codePoint);
                if (codePoint == '\n') {
                    afterLastNewline = end;
                }
            }
            if (end < text.length() && afterLastNewline > start + (end - start) / 2) {
                end = afterLastNewline;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static String partHeading(int part, int parts) {
        return "(part " + part + "/" + parts + ")\n\n";
    }

    private static String withPart(String subject, int part, int parts) {
        String suffix = " (part " + part + "/" + parts + ")";
        return fit(subject, MAX_SUBJECT_CHARS - suffix.length()) + suffix;
    }

    /** Printable ASCII only, one line, at most {@code max} characters (cut with "..."). */
    static String fit(String text, int max) {
        var ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> ascii.append(c < 0x20 || c == 0x7f ? ' ' : c > 0x7e ? '?' : (char) c));
        String oneLine = ascii.toString().replaceAll(" {2,}", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
    }
}
