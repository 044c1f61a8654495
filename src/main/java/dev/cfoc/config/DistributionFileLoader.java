package dev.cfoc.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.cfoc.config.JsonFields.Located;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads distribution configs from the JSON the AWS CLI prints (PascalCase keys, as in the CloudFront API).
 * Accepted shapes: {@code get-distribution-config} ({ETag, DistributionConfig}), {@code get-distribution}
 * ({Distribution: {Id, DomainName, DistributionConfig}}), {@code list-distributions}
 * ({DistributionList: {Items: [DistributionSummary…]}}), or a bare DistributionConfig.
 * Errors name the file and the JSON path; they never contain a custom header value.
 */
public final class DistributionFileLoader {

    static final String ACCEPTED_SHAPES = "expected the JSON printed by 'aws cloudfront get-distribution-config' "
            + "({\"ETag\", \"DistributionConfig\"}), 'aws cloudfront get-distribution' "
            + "({\"Distribution\": {\"Id\", \"DomainName\", \"DistributionConfig\"}}), "
            + "'aws cloudfront list-distributions' ({\"DistributionList\": {\"Items\": [...]}}), "
            + "or a bare DistributionConfig (an object with \"Origins\" and \"DefaultCacheBehavior\")";

    /** Bounds memory on a wrong file; list-distributions output for thousands of distributions stays far below. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /**
     * Duplicate keys are an error: JSON leaves their meaning open, and a reader that keeps the last one silently
     * checks something else than the user read (a second DomainName).
     */
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public List<Distribution> load(Path file) throws ConfigException {
        return load(read(file), file.toString());
    }

    /**
     * The bytes of a config file, at most {@link #MAX_FILE_BYTES}.
     *
     * @throws ConfigException naming the file: not found, a directory, too large, unreadable
     */
    public static byte[] read(Path file) throws ConfigException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source + ": is a directory, not a file; " + ACCEPTED_SHAPES);
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigException(source + ": file is " + size + " bytes, more than the limit of "
                        + MAX_FILE_BYTES + " bytes for a distribution config");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + ": file not found");
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether {@code json} is the output of {@code aws cloudfront list-distributions} (false when it is not JSON). */
    public boolean isList(byte[] json) {
        try {
            JsonNode root = mapper.readTree(json);
            return root != null && root.has("DistributionList");
        } catch (IOException e) {
            return false;
        }
    }

    /** As {@link #load(Path)}, for bytes already read; {@code sourceName} stands in for the file name. */
    public List<Distribution> load(byte[] json, String sourceName) throws ConfigException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw malformed(sourceName, e);
        }
        return load(root, sourceName);
    }

    /** Same as {@link #load(Path)} for JSON held in memory; {@code sourceName} stands in for the file name. */
    public List<Distribution> loadString(String json, String sourceName) throws ConfigException {
        return load(json.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    /**
     * Same mapping and validation for JSON already parsed, e.g. what the CloudFront API source read
     * ({@code SourcedDistribution.awsCliShape()}); {@code sourceName} stands in for the file name in errors.
     */
    public List<Distribution> load(JsonNode tree, String sourceName) throws ConfigException {
        return fromTree(tree, sourceName);
    }

    private List<Distribution> fromTree(JsonNode root, String source) throws ConfigException {
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(source + ": empty file; " + ACCEPTED_SHAPES);
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": $: JSON " + JsonFields.describe(root).replaceFirst("^an? ", "")
                    + " is not a distribution config; " + ACCEPTED_SHAPES);
        }
        var json = new JsonFields(source);
        var reader = new DistributionConfigReader(source);
        var top = new Located(root, "$");
        if (root.has("DistributionList")) {
            json.requiredObject(top, "DistributionList");
            return readList(json, reader, top);
        }
        if (root.has("Distribution")) {
            Located distribution = json.requiredObject(top, "Distribution");
            return List.of(reader.read(json.requiredObject(distribution, "DistributionConfig"),
                    json.optionalText(distribution, "Id"), json.optionalText(distribution, "DomainName")));
        }
        if (root.has("DistributionConfig")) {
            return List.of(reader.read(json.requiredObject(top, "DistributionConfig"),
                    Optional.empty(), Optional.empty()));
        }
        if (root.has("Origins") && root.has("DefaultCacheBehavior")) {
            return List.of(reader.read(top, Optional.empty(), Optional.empty()));
        }
        throw new ConfigException(source + ": $: not a shape this tool knows; " + ACCEPTED_SHAPES);
    }

    private static List<Distribution> readList(JsonFields json, DistributionConfigReader reader, Located top)
            throws ConfigException {
        var distributions = new ArrayList<Distribution>();
        for (Located summary : json.objectItems(top, "DistributionList")) {
            distributions.add(reader.read(summary, json.optionalText(summary, "Id"),
                    json.optionalText(summary, "DomainName")));
        }
        return distributions;
    }

    /** A parser position as the loader's errors name it: {@code $.Origins.Items[0].DomainName}. */
    private static String path(JsonStreamContext context) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            steps.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName());
        }
        return "$" + String.join("", steps);
    }

    /**
     * Jackson's own messages quote the offending input, which may be a secret header value: only its
     * location and our own wording reach the user.
     */
    private static ConfigException malformed(String source, IOException e) {
        if (!(e instanceof JsonProcessingException parse)) {
            return new ConfigException(source + ": cannot read JSON (" + e.getClass().getSimpleName() + ")");
        }
        String what;
        if (parse.getProcessor() instanceof JsonParser parser
                && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
            return new ConfigException(source + ": " + path(parser.getParsingContext())
                    + ": duplicate key: it appears more than once in the same object, and only one value can be meant");
        }
        if (parse instanceof StreamConstraintsException) {
            StreamReadConstraints limits = StreamReadConstraints.defaults();
            what = "beyond the JSON reader's limits (nesting depth " + limits.getMaxNestingDepth() + ", numbers of "
                    + limits.getMaxNumberLength() + " digits, strings of " + limits.getMaxStringLength()
                    + " characters)";
        } else if (parse instanceof JsonEOFException
                || String.valueOf(parse.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            what = "unexpected end of input (truncated file?)";
        } else if (parse instanceof MismatchedInputException) {
            what = "unexpected content after the JSON value";
        } else {
            what = "invalid JSON syntax";
        }
        JsonLocation at = parse.getLocation();
        String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr() + ":";
        return new ConfigException(source + ":" + where + " malformed JSON: " + what);
    }
}
