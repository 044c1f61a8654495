package dev.cfoc.cert;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Mozilla's partial distrust of one root (NSS's {@code CKA_NSS_SERVER_DISTRUST_AFTER}): a TLS server certificate whose
 * notBefore is after {@code after} is not trusted through this root; older ones still are. A PEM bundle cannot say
 * this, so the dates travel next to it (mozilla-server-distrust-after.tsv).
 *
 * @param sha256 the root's SHA-256 fingerprint, as reports show it ({@code AB:CD:...})
 * @param label  the root's name in Mozilla's list
 */
public record ServerDistrustAfter(String sha256, Instant after, String label) {

    public ServerDistrustAfter {
        sha256 = normalised(Objects.requireNonNull(sha256, "sha256"));
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(label, "label");
    }

    /** A fingerprint written with or without colons, in either case, as {@code AB:CD:...}. */
    static String normalised(String fingerprint) {
        String hex = fingerprint.replace(":", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: " + fingerprint);
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    /**
     * The lines of a distrust-after file: {@code fingerprint<TAB>ISO-8601 instant<TAB>label}; lines starting with
     * {@code #} and blank lines are ignored.
     *
     * @param source names the text in messages
     */
    static List<ServerDistrustAfter> parse(String text, String source) throws TrustAnchorException {
        List<ServerDistrustAfter> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new TrustAnchorException(source + " line " + (i + 1)
                        + ": expected fingerprint, date and label separated by tabs");
            }
            try {
                entries.add(new ServerDistrustAfter(fields[0].strip(), Instant.parse(fields[1].strip()), fields[2].strip()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new TrustAnchorException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(entries);
    }
}
