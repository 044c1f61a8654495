package dev.cfoc.suppression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.config.DistributionId;
import dev.cfoc.finding.FindingCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code [{"distributionId": "E…", "originId": "…", "code": "CERT_EXPIRING_SOON", "until": "2026-12-31",
 * "reason": "…"}]} (originId optional). Every error names the source and the field, e.g.
 * {@code --suppressions s.json: [1].until: must be a date like 2026-12-31}.
 */
public final class SuppressionReader {

    /**
     * Decision: unknown fields are errors. A typo such as "origin" for "originId" would otherwise widen the
     * suppression silently to every origin of the distribution.
     */
    static final Set<String> FIELDS = Set.of("distributionId", "originId", "code", "until", "reason");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param source how errors name where the list came from: {@code --suppressions FILE}, {@code SUPPRESSIONS} */
    public List<Suppression> read(String json, String source) throws SuppressionException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new SuppressionException(source + ": not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new SuppressionException(source + ": empty; expected a JSON array of suppressions");
        }
        if (!root.isArray()) {
            throw new SuppressionException(source + ": expected a JSON array of suppressions "
                    + "[{\"distributionId\", \"originId\" (optional), \"code\", \"until\", \"reason\"}]");
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            suppressions.add(suppression(root.get(i), source + ": [" + i + "]"));
        }
        return List.copyOf(suppressions);
    }

    public List<Suppression> read(Path file) throws SuppressionException {
        String source = "--suppressions " + file;
        try {
            return read(Files.readString(file), source);
        } catch (NoSuchFileException e) {
            throw new SuppressionException(source + ": file not found");
        } catch (IOException e) {
            throw new SuppressionException(source + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Suppression suppression(JsonNode node, String at) throws SuppressionException {
        if (!node.isObject()) {
            throw new SuppressionException(at + ": expected an object with distributionId, code, until, reason");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new SuppressionException(at + "." + name + ": unknown field (known: distributionId, originId, "
                        + "code, until, reason)");
            }
        }
        String distributionId = text(node, "distributionId", at).orElseThrow(() -> missing(at, "distributionId"));
        if (!DistributionId.isValid(distributionId)) {
            throw new SuppressionException(at + ".distributionId: must be a distribution id like E2QWRUHAPOMQZL");
        }
        Optional<String> originId = text(node, "originId", at);
        String codeName = text(node, "code", at).orElseThrow(() -> missing(at, "code"));
        FindingCode code;
        try {
            code = FindingCode.valueOf(codeName);
        } catch (IllegalArgumentException e) {
            throw new SuppressionException(at + ".code: '" + codeName + "' is not a finding code (one of "
                    + String.join(", ", Arrays.stream(FindingCode.values()).map(Enum::name).toList()) + ")");
        }
        String untilText = text(node, "until", at).orElseThrow(() -> missing(at, "until"));
        LocalDate until;
        try {
            until = LocalDate.parse(untilText);
        } catch (DateTimeParseException e) {
            throw new SuppressionException(at + ".until: must be a date like 2026-12-31, got '" + untilText + "'");
        }
        String reason = text(node, "reason", at).orElseThrow(() -> missing(at, "reason"));
        return new Suppression(distributionId, originId, code, until, reason);
    }

    /** A non-blank string field, or empty when absent or null. */
    private static Optional<String> text(JsonNode node, String field, String at) throws SuppressionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new SuppressionException(at + "." + field + ": must be a non-empty string");
        }
        return Optional.of(value.asText().strip());
    }

    private static SuppressionException missing(String at, String field) {
        return new SuppressionException(at + "." + field + ": missing (required)");
    }
}
