package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.Problem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes every custom header value of a run from what the run reports. The probe never puts a value there itself,
 * but its messages quote what origins sent (a status line, the first bytes of an answer), and an origin may reflect
 * a request it received — its own, or (a shared proxy, a debug endpoint) another origin's. So one redaction is built
 * per run from every custom header value of every distribution ({@link #of}), and applied to everything that leaves
 * the engine.
 *
 * <p>Decision: what is searched for, for each value: the value as configured and trimmed, in any letter case, its
 * percent-encoding ({@code %20} or {@code +} for a space) and its Base64 encoding (standard and URL-safe, with or
 * without padding, at any of the three alignments inside a longer Base64 text). Overlapping or adjacent matches
 * become one {@link Secret#REDACTED}. Not searched for: other encodings (hex, HTML or JSON escapes), and fragments of
 * a value. A value shorter than {@link #MIN_REDACTED_LENGTH} characters cannot be searched for without garbling
 * evidence ("TLSv1.2"): in a run with such a value nothing an origin sent is quoted at all ({@link #WITHHELD}).
 */
public final class Redaction {

    /** Decision: values (trimmed) shorter than this are not searched for; the run quotes no origin text instead. */
    public static final int MIN_REDACTED_LENGTH = 6;

    /** What stands where an origin's own words would be, in a run that cannot redact them. */
    public static final String WITHHELD = "(not shown: a custom header value of this run is shorter than "
            + MIN_REDACTED_LENGTH + " characters, too short to redact, so nothing the origin sent is quoted)";

    private static final Redaction NONE = new Redaction(Set.of());

    private final Set<String> values;
    private final Map<Integer, List<String>> needlesByStart;
    private final int shortestNeedle;
    private final boolean withholdsOriginText;

    private Redaction(Set<String> values) {
        this.values = Set.copyOf(values);
        Set<String> needles = new LinkedHashSet<>();
        boolean tooShort = false;
        for (String value : this.values) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() < MIN_REDACTED_LENGTH) {
                tooShort = true;
                continue;
            }
            for (String form : List.of(value, trimmed)) {
                needles.addAll(forms(form));
            }
        }
        this.withholdsOriginText = tooShort;
        Map<Integer, List<String>> byStart = new HashMap<>();
        int shortest = Integer.MAX_VALUE;
        for (String needle : needles) {
            byStart.computeIfAbsent(key(needle, 0), k -> new ArrayList<>()).add(needle);
            shortest = Math.min(shortest, needle.length());
        }
        this.needlesByStart = byStart;
        this.shortestNeedle = shortest;
    }

    /** Redacts nothing: for parts that handle no custom header values. */
    public static Redaction none() {
        return NONE;
    }

    /** Every custom header value of every origin of {@code distributions}: the run's redaction. */
    public static Redaction of(Collection<Distribution> distributions) {
        return NONE.with(distributions.stream().flatMap(d -> d.origins().stream())
                .flatMap(o -> o.customHeaders().stream()).toList());
    }

    /**
     * This redaction and {@code headers}' values too: the same one when it already has them, which is the case of
     * every probe of a run ({@link #of}), so that costs a look-up per header, not a copy of the run's values.
     */
    public Redaction with(List<CustomHeader> headers) {
        List<String> added = headers.stream().map(h -> h.value().reveal()).filter(v -> !values.contains(v)).toList();
        if (added.isEmpty()) {
            return this;
        }
        Set<String> more = new LinkedHashSet<>(values);
        more.addAll(added);
        return new Redaction(more);
    }

    /** True when there is nothing to search for: every text stays as it is. */
    public boolean searchesNothing() {
        return needlesByStart.isEmpty();
    }

    /** True when a value is too short to redact: then no text an origin sent may be quoted ({@link #WITHHELD}). */
    public boolean withholdsOriginText() {
        return withholdsOriginText;
    }

    /** {@code text} with every occurrence of a value, in any searched form, replaced by {@link Secret#REDACTED}. */
    public String redact(String text) {
        if (searchesNothing() || text == null || text.length() < shortestNeedle) {
            return text;
        }
        BitSet covered = new BitSet(text.length());
        for (int i = 0; i + shortestNeedle <= text.length(); i++) {
            List<String> candidates = needlesByStart.get(key(text, i));
            if (candidates == null) {
                continue;
            }
            for (String needle : candidates) {
                if (text.regionMatches(true, i, needle, 0, needle.length())) {
                    covered.set(i, i + needle.length());
                }
            }
        }
        if (covered.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered.get(i)) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered.get(i - 1)) {
                out.append(Secret.REDACTED);
            }
        }
        return out.toString();
    }

    /** The problem with its message and every evidence value redacted. */
    public Problem redact(Problem problem) {
        if (searchesNothing()) {
            return problem;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        problem.evidence().forEach((key, value) -> evidence.put(key, redact(value)));
        return new Problem(problem.code(), redact(problem.message()), evidence);
    }

    /**
     * The exception itself when no message of its chain holds a value; else one without a cause whose message is
     * the redacted chain of messages (the stack trace is kept).
     */
    public RuntimeException redact(RuntimeException e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : "; caused by ").append(t.getClass().getName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        String redacted = redact(chain.toString());
        if (redacted.equals(chain.toString())) {
            return e;
        }
        RuntimeException safe = new IllegalStateException(redacted);
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }

    /**
     * What an origin sent, for a message: redacted before it is shortened (so a value cut in half cannot slip
     * through), or {@link #WITHHELD} in a run that cannot redact.
     */
    String originText(byte[] received) {
        return withholdsOriginText ? WITHHELD : PeerBytes.printable(redact(received));
    }

    /**
     * The bytes an origin sent (read as ISO-8859-1, so a value is found as its UTF-8 bytes) with every value
     * replaced.
     */
    byte[] redact(byte[] received) {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        String redacted = redact(text);
        return redacted == text ? received : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The searched forms of one value (see the class comment). */
    private static Set<String> forms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        forms.add(value);
        forms.add(new String(utf8, StandardCharsets.ISO_8859_1));
        String percent = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(percent);
        forms.add(percent.replace("+", "%20"));
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int offset = 0; offset < 3; offset++) {
                forms.add(base64Core(encoder, utf8, offset));
            }
        }
        forms.removeIf(f -> f.length() < MIN_REDACTED_LENGTH);
        return forms;
    }

    /**
     * The Base64 characters that depend only on {@code value} when it starts {@code offset} bytes into a longer
     * encoded text: whatever comes before and after it, these characters appear.
     */
    private static String base64Core(Base64.Encoder encoder, byte[] value, int offset) {
        byte[] shifted = new byte[offset + value.length];
        System.arraycopy(value, 0, shifted, offset, value.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int firstBit = offset * 8;
        int endBit = shifted.length * 8;
        int from = (firstBit + 5) / 6;
        int to = endBit / 6;
        return from < to ? encoded.substring(from, to) : "";
    }

    /** The case-folded first two characters at {@code at}: the index of needles. */
    private static int key(String text, int at) {
        return fold(text.charAt(at)) << 16 | fold(text.charAt(at + 1));
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
