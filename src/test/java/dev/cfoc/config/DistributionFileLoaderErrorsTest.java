package dev.cfoc.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad files: every error names the file and where in it; no error ever shows a custom header value. */
class DistributionFileLoaderErrorsTest {

    private static final String SECRET = "tW9-origin-verify-5ecr3t";
    private static final String ORIGINS = "$.DistributionConfig.Origins.Items";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final DistributionFileLoader loader = new DistributionFileLoader();

    private static ObjectNode validConfig() {
        try {
            return (ObjectNode) MAPPER.readTree(DistributionFileLoaderTest.fixture("get-distribution-config.json")
                    .toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static final String ALB = "/DistributionConfig/Origins/Items/0";
    private static final String S3 = "/DistributionConfig/Origins/Items/1";

    private static Arguments bad(String expectedMessageAfterFileName, Consumer<ObjectNode> breakIt) {
        return Arguments.of(expectedMessageAfterFileName, breakIt);
    }

    static Stream<Arguments> brokenConfigs() {
        return Stream.of(
                bad(ORIGINS + "[0].CustomOriginConfig.HTTPSPort: must be 443, 80 or 1024–65535, got 70000",
                        c -> at(c, ALB + "/CustomOriginConfig").put("HTTPSPort", 70000)),
                bad(ORIGINS + "[0].CustomOriginConfig.HTTPPort: must be 80, 443 or 1024–65535, got 81",
                        c -> at(c, ALB + "/CustomOriginConfig").put("HTTPPort", 81)),
                bad(ORIGINS + "[0].CustomOriginConfig.HTTPSPort: must be an integer, got a string",
                        c -> at(c, ALB + "/CustomOriginConfig").put("HTTPSPort", "443")),
                bad(ORIGINS + "[0].ConnectionAttempts: must be 1–3, got 4",
                        c -> at(c, ALB).put("ConnectionAttempts", 4)),
                bad(ORIGINS + "[1].ConnectionTimeout: must be 1–10, got 11",
                        c -> at(c, S3).put("ConnectionTimeout", 11)),
                bad(ORIGINS + "[0].ConnectionTimeout: must be 1–10, got 0",
                        c -> at(c, ALB).put("ConnectionTimeout", 0)),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginReadTimeout: must be 1–180, got 181",
                        c -> at(c, ALB + "/CustomOriginConfig").put("OriginReadTimeout", 181)),
                bad(ORIGINS + "[1].S3OriginConfig.OriginReadTimeout: must be 1–180, got 0",
                        c -> at(c, S3 + "/S3OriginConfig").put("OriginReadTimeout", 0)),
                bad(ORIGINS + "[0].CustomOriginConfig.IpAddressType: must be one of ipv4, ipv6, dualstack, got \"IPv6\"",
                        c -> at(c, ALB + "/CustomOriginConfig").put("IpAddressType", "IPv6")),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginProtocolPolicy: must be one of http-only, https-only, "
                                + "match-viewer, got \"https\"",
                        c -> at(c, ALB + "/CustomOriginConfig").put("OriginProtocolPolicy", "https")),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginProtocolPolicy: required field is missing",
                        c -> at(c, ALB + "/CustomOriginConfig").remove("OriginProtocolPolicy")),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginSslProtocols.Items[0]: must be one of SSLv3, TLSv1, "
                                + "TLSv1.1, TLSv1.2, got \"TLSv1.3\"",
                        c -> at(c, ALB + "/CustomOriginConfig/OriginSslProtocols").putArray("Items").add("TLSv1.3")),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginSslProtocols.Items: missing, but Quantity is 1",
                        c -> at(c, ALB + "/CustomOriginConfig/OriginSslProtocols").remove("Items")),
                bad("$.DistributionConfig.CacheBehaviors.Items[0].ViewerProtocolPolicy: must be one of allow-all, "
                                + "https-only, redirect-to-https, got \"https\"",
                        c -> at(c, "/DistributionConfig/CacheBehaviors/Items/0").put("ViewerProtocolPolicy", "https")),
                bad("$.DistributionConfig.DefaultCacheBehavior.TargetOriginId: names neither an origin nor an origin "
                                + "group: \"alb-old\"",
                        c -> at(c, "/DistributionConfig/DefaultCacheBehavior").put("TargetOriginId", "alb-old")),
                bad("$.DistributionConfig.DefaultCacheBehavior: required field is missing",
                        c -> at(c, "/DistributionConfig").remove("DefaultCacheBehavior")),
                bad(ORIGINS + "[1].Id: duplicate origin Id \"alb-web\" (also at " + ORIGINS + "[0])",
                        c -> at(c, S3).put("Id", "alb-web")),
                bad(ORIGINS + "[0].DomainName: required field is missing",
                        c -> at(c, ALB).remove("DomainName")),
                bad(ORIGINS + "[0].DomainName: must be a string, got a number",
                        c -> at(c, ALB).put("DomainName", 42)),
                bad(ORIGINS + "[0].Id: must not be empty",
                        c -> at(c, ALB).put("Id", " ")),
                bad(ORIGINS + "[0]: has more than one of CustomOriginConfig, S3OriginConfig and VpcOriginConfig",
                        c -> at(c, ALB).putObject("S3OriginConfig").put("OriginAccessIdentity", "")),
                bad(ORIGINS + "[1]: needs one of CustomOriginConfig, S3OriginConfig or VpcOriginConfig",
                        c -> at(c, S3).remove("S3OriginConfig")),
                bad(ORIGINS + "[1].OriginPath: must be empty or start with \"/\" and not end with \"/\", got \"static/\"",
                        c -> at(c, S3).put("OriginPath", "static/")),
                bad("$.DistributionConfig.Origins: required field is missing",
                        c -> at(c, "/DistributionConfig").remove("Origins")),
                bad("$.DistributionConfig.Origins.Items: must be an array, got an object",
                        c -> at(c, "/DistributionConfig/Origins").putObject("Items")),
                bad("$.DistributionConfig.Origins: must list at least one origin",
                        c -> at(c, "/DistributionConfig").putObject("Origins").put("Quantity", 0)),
                bad("$.DistributionConfig.Enabled: must be true or false, got a string",
                        c -> at(c, "/DistributionConfig").put("Enabled", "yes")),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderValue: must be a string, got an object",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").putObject("HeaderValue").put("value", SECRET)),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderValue: must be a string, got an array",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").putArray("HeaderValue").add(SECRET)),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderValue: required field is missing",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").remove("HeaderValue")),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderName: required field is missing",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").remove("HeaderName")),
                bad("$.DistributionConfig.CacheBehaviors.Items[0].FunctionAssociations.Items[0].EventType: must be one "
                                + "of viewer-request, viewer-response, origin-request, origin-response, got \"request\"",
                        c -> at(c, "/DistributionConfig/CacheBehaviors/Items/0/FunctionAssociations/Items/0")
                                .put("EventType", "request")),
                bad("$.DistributionConfig.CacheBehaviors.Items[0].PathPattern: required field is missing",
                        c -> at(c, "/DistributionConfig/CacheBehaviors/Items/0").remove("PathPattern")),
                // absurd numbers: a clear range, never a Java type or an overflowed value
                bad(ORIGINS + "[0].ConnectionTimeout: must be 1–10, got 1000000000",
                        c -> at(c, ALB).put("ConnectionTimeout", 1_000_000_000)),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginReadTimeout: must be 1–180, got 1000000000",
                        c -> at(c, ALB + "/CustomOriginConfig").put("OriginReadTimeout", 1_000_000_000)),
                bad(ORIGINS + "[0].ConnectionAttempts: must be 1–3, got -1",
                        c -> at(c, ALB).put("ConnectionAttempts", -1)),
                bad(ORIGINS + "[0].ConnectionAttempts: must be 1–3, got 0",
                        c -> at(c, ALB).put("ConnectionAttempts", 0)),
                bad(ORIGINS + "[0].CustomOriginConfig.HTTPSPort: must be 443, 80 or 1024–65535, got -443",
                        c -> at(c, ALB + "/CustomOriginConfig").put("HTTPSPort", -443)),
                bad(ORIGINS + "[0].CustomOriginConfig.HTTPSPort: must be 443, 80 or 1024–65535, got 0",
                        c -> at(c, ALB + "/CustomOriginConfig").put("HTTPSPort", 0)),
                bad(ORIGINS + "[0].CustomOriginConfig.HTTPSPort: must be 443, 80 or 1024–65535, got 2147483648",
                        c -> at(c, ALB + "/CustomOriginConfig").put("HTTPSPort", Integer.MAX_VALUE + 1L)),
                bad(ORIGINS + "[0].ConnectionTimeout: must be 1–10, got 99999999999999999999",
                        c -> at(c, ALB).put("ConnectionTimeout", new BigInteger("99999999999999999999"))),
                bad(ORIGINS + "[0].ConnectionTimeout: must be 1–10, got 999999999999999999999999… (60 digits)",
                        c -> at(c, ALB).put("ConnectionTimeout", new BigInteger("9".repeat(60)))),
                bad(ORIGINS + "[0].CustomOriginConfig.OriginReadTimeout: must be an integer, got a number",
                        c -> at(c, ALB + "/CustomOriginConfig").put("OriginReadTimeout", 1.5)),
                bad(ORIGINS + "[0].ConnectionTimeout: must be an integer, got a number",
                        c -> at(c, ALB).put("ConnectionTimeout", new BigDecimal("1e400"))),
                bad("$.DistributionConfig.Origins.Quantity: must be a 32-bit integer, got 9223372036854775807",
                        c -> at(c, "/DistributionConfig/Origins").put("Quantity", Long.MAX_VALUE)),
                // values that go on the wire: nothing that could corrupt a request or crash a probe later
                bad(ORIGINS + "[0].DomainName: must be a domain name (letters, digits, '-', '_' and '.'; no scheme, "
                                + "port or path), got \"https://example.com/\"",
                        c -> at(c, ALB).put("DomainName", "https://example.com/")),
                bad(ORIGINS + "[0].DomainName: must be a domain name (letters, digits, '-', '_' and '.'; no scheme, "
                                + "port or path), got \"a\\u000d\\u000aX-Injected: 1\"",
                        c -> at(c, ALB).put("DomainName", "a\r\nX-Injected: 1")),
                bad("$.DistributionConfig.Aliases.Items[1]: must be a domain name (letters, digits, '-', '_', '.' and "
                                + "a leading '*.'), got \"example .com\"",
                        c -> ((ArrayNode) at(c, "/DistributionConfig/Aliases").get("Items")).set(1, "example .com")),
                // longer than DNS allows: a configuration error, not a probe that fails inside the TLS stack
                bad(ORIGINS + "[0].DomainName: is 254 characters long; a domain name has at most 253 (RFC 1035), got \""
                                + "a".repeat(63) + "." + "a".repeat(16) + "…\"",
                        c -> at(c, ALB).put("DomainName", ("a".repeat(63) + ".").repeat(3) + "b".repeat(62))),
                bad(ORIGINS + "[0].DomainName: has a label of 64 characters; a DNS label has at most 63 (RFC 1035), "
                                + "got \"" + "x".repeat(64) + ".example.com\"",
                        c -> at(c, ALB).put("DomainName", "x".repeat(64) + ".example.com")),
                bad("$.DistributionConfig.Aliases.Items[0]: has a label of 70 characters; a DNS label has at most 63 "
                                + "(RFC 1035), got \"" + "w".repeat(70) + ".example.c…\"",
                        c -> ((ArrayNode) at(c, "/DistributionConfig/Aliases").get("Items")).set(0,
                                "w".repeat(70) + ".example.com")),
                bad(ORIGINS + "[1].OriginPath: must not contain spaces or control characters, got \"/static\\u000a\"",
                        c -> at(c, S3).put("OriginPath", "/static\n")),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderName: must be an HTTP header name (letters, digits "
                                + "and !#$%&'*+-.^_`|~), got \"X Origin: Verify\"",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").put("HeaderName", "X Origin: Verify")),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderValue: contains a control character (line break, "
                                + "NUL…), which an HTTP header value cannot carry",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").put("HeaderValue", SECRET + "\r\nX-Injected: 1")),
                bad(ORIGINS + "[0].CustomHeaders.Items[0].HeaderValue: contains a control character (line break, "
                                + "NUL…), which an HTTP header value cannot carry",
                        c -> at(c, ALB + "/CustomHeaders/Items/0").put("HeaderValue", "\u0000" + SECRET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigs")
    void brokenField_isReportedWithFileAndJsonPath(String expected, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode config = validConfig();
        breakIt.accept(config);
        Path file = dir.resolve("dist.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config));

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(error).hasMessage(file + ": " + expected);
        assertThat(error.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void headerValueWithATab_isAccepted() throws Exception {
        ObjectNode config = validConfig();
        at(config, ALB + "/CustomHeaders/Items/0").put("HeaderValue", "part one\tpart two");
        Path file = write("dist.json", MAPPER.writeValueAsString(config));

        var header = loader.load(file).getFirst().origins().getFirst().customHeaders().getFirst();

        assertThat(header.value().reveal()).isEqualTo("part one\tpart two");
    }

    @Test
    void originGroupMember_mustNameAnOrigin() throws IOException {
        ObjectNode config = validConfig();
        ObjectNode group = at(config, "/DistributionConfig/OriginGroups").put("Quantity", 1).putArray("Items")
                .addObject().put("Id", "grp");
        group.putObject("Members").put("Quantity", 1).putArray("Items").addObject().put("OriginId", "nope");

        var error = loadBroken(config);

        assertThat(error).hasMessageEndingWith(
                "$.DistributionConfig.OriginGroups.Items[0].Members.Items[0].OriginId: names no origin of this "
                        + "distribution: \"nope\"");
    }

    @Test
    void originGroupId_mustNotRepeatAnOriginId() throws IOException {
        ObjectNode config = validConfig();
        ObjectNode group = at(config, "/DistributionConfig/OriginGroups").put("Quantity", 1).putArray("Items")
                .addObject().put("Id", "alb-web");
        group.putObject("Members").put("Quantity", 1).putArray("Items").addObject().put("OriginId", "s3-assets");

        assertThat(loadBroken(config)).hasMessageContaining("$.DistributionConfig.OriginGroups.Items[0].Id: duplicate Id")
                .hasMessageEndingWith("duplicate Id \"alb-web\": an origin has the same Id");
    }

    @Test
    void readTimeoutRaisedByQuota_upTo180_isAccepted() throws Exception {
        ObjectNode config = validConfig();
        at(config, ALB + "/CustomOriginConfig").put("OriginReadTimeout", 180);
        Path file = write("dist.json", MAPPER.writeValueAsString(config));

        var origin = loader.load(file).getFirst().origins().getFirst();

        assertThat(((OriginType.Custom) origin.type()).config().readTimeoutSeconds()).isEqualTo(180);
    }

    @Test
    void truncatedFile_isMalformedJson_withLineAndColumn() throws IOException {
        String text = Files.readString(DistributionFileLoaderTest.fixture("get-distribution-config.json"));
        Path file = write("dist.json", text.substring(0, text.indexOf("\"CustomOriginConfig\"")));

        var error = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(error.getMessage()).startsWith(file + ": line ").contains(", column ")
                .contains("malformed JSON: unexpected end of input (truncated file?)")
                .doesNotContain(SECRET);
    }

    @Test
    void syntaxError_nextToASecret_neverEchoesTheSecret() throws IOException {
        String text = Files.readString(DistributionFileLoaderTest.fixture("get-distribution-config.json"))
                .replace("\"" + SECRET + "\"", SECRET);
        long secretLine = text.substring(0, text.indexOf(SECRET)).lines().count();
        Path file = write("dist.json", text);

        var error = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(error).hasMessageMatching("\\Q" + file + "\\E: line " + secretLine
                + ", column \\d+: malformed JSON: invalid JSON syntax");
        assertThat(error.getMessage()).doesNotContain(SECRET);
        assertThat(error.getCause()).isNull();
    }

    @Test
    void duplicateKey_isAnErrorNamingItsPath_notALastOneWins() throws IOException {
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(validConfig());
        Path file = write("dist.json", json.replaceFirst("\"DomainName\" : (\"[^\"]*\")",
                "\"DomainName\" : $1, \"DomainName\" : \"other.example.com\""));

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file))).hasMessage(file + ": "
                + ORIGINS + "[0].DomainName: duplicate key: it appears more than once in the same object, and only "
                + "one value can be meant");
    }

    @Test
    void trailingContent_isMalformedJson() throws IOException {
        Path file = write("dist.json", "{\"Origins\": {}} {\"more\": 1}");

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file)))
                .hasMessageStartingWith(file + ": line 1, column ")
                .hasMessageEndingWith("malformed JSON: unexpected content after the JSON value");
    }

    @Test
    void emptyFile_listsTheAcceptedShapes() throws IOException {
        Path file = write("empty.json", "  \n");

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file)))
                .hasMessage(file + ": empty file; " + DistributionFileLoader.ACCEPTED_SHAPES);
    }

    @Test
    void jsonArray_listsTheAcceptedShapes() throws IOException {
        Path file = write("array.json", "[{\"Id\": \"E1\"}]");

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file)))
                .hasMessageStartingWith(file + ": $: JSON array is not a distribution config; ")
                .hasMessageContaining("get-distribution-config", "get-distribution'", "list-distributions",
                        "bare DistributionConfig");
    }

    @Test
    void unknownObject_listsTheAcceptedShapes() throws IOException {
        Path file = write("other.json", "{\"CachePolicy\": {\"Id\": \"x\"}}");

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file)))
                .hasMessage(file + ": $: not a shape this tool knows; " + DistributionFileLoader.ACCEPTED_SHAPES);
    }

    @Test
    void distributionWrapperOfTheWrongType_namesThePath() throws IOException {
        Path file = write("dist.json", "{\"Distribution\": \"E2T4X8ZQ1WJ6KM\"}");

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file)))
                .hasMessage(file + ": $.Distribution: must be an object, got a string");
    }

    @Test
    void listSummaryErrors_nameTheSummaryIndex() throws IOException {
        Path file = write("list.json", """
                {"DistributionList": {"Items": [{"Id": "E1", "Origins": {"Quantity": 1, "Items": [{"Id": "o",
                  "DomainName": "o.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
                  "DefaultCacheBehavior": {"TargetOriginId": "o"}}]}}
                """);

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file))).hasMessage(file
                + ": $.DistributionList.Items[0].DefaultCacheBehavior.ViewerProtocolPolicy: required field is missing");
    }

    @Test
    void missingFile_isNamed() {
        Path file = dir.resolve("absent.json");

        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.load(file)))
                .hasMessage(file + ": file not found");
    }

    @Test
    void loadString_errorsUseTheSourceName() {
        assertThat(catchThrowableOfType(ConfigException.class, () -> loader.loadString("{", "inline")))
                .hasMessageStartingWith("inline: line 1, column ");
    }

    private ConfigException loadBroken(ObjectNode config) throws IOException {
        Path file = write("dist.json", MAPPER.writeValueAsString(config));
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(error.getMessage()).startsWith(file + ": ").doesNotContain(SECRET);
        return error;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
