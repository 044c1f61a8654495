package dev.cfoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the CLI: exit 2, nothing on stdout (no partial report), one line on stderr that names the file
 * and the field, never a stack trace, never a custom header value.
 */
class BadInputCliTest {

    private static final String SECRET = "cli-bad-input-5ecret";
    private static final String ORIGIN = "$.DistributionConfig.Origins.Items[0]";

    @TempDir
    Path dir;

    /** A valid get-distribution-config document with {@code originFields} spliced into its only origin. */
    private static String config(String originFields) {
        return """
                {"ETag": "E1", "DistributionConfig": {"Enabled": true,
                  "Origins": {"Quantity": 1, "Items": [{"Id": "web", "DomainName": "web.example.com",
                    "CustomHeaders": {"Quantity": 1, "Items": [{"HeaderName": "X-Origin-Verify",
                                                                 "HeaderValue": "%s"}]},
                    "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}%s}]},
                  "DefaultCacheBehavior": {"TargetOriginId": "web", "ViewerProtocolPolicy": "redirect-to-https"}}}
                """.formatted(SECRET, originFields);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("truncated", config("").substring(0, 200), "malformed JSON: unexpected end of input"),
                Arguments.of("not-json", "DistributionConfig: yes", "malformed JSON: invalid JSON syntax"),
                Arguments.of("empty", "", "empty file"),
                Arguments.of("random-bytes", "\u00ff\u00fe\u0000\u0001\u0002garbage", "malformed JSON"),
                Arguments.of("deeply-nested", "[".repeat(5000) + "]".repeat(5000), "malformed JSON: beyond the JSON reader's limits (nesting depth 1000"),
                Arguments.of("number-of-2000-digits", config(", \"ConnectionTimeout\": " + "9".repeat(2000)),
                        "malformed JSON: beyond the JSON reader's limits"),
                Arguments.of("wrong-type", config(", \"ConnectionTimeout\": \"10\""),
                        ORIGIN + ".ConnectionTimeout: must be an integer, got a string"),
                Arguments.of("missing-field", config("").replace("\"DomainName\": \"web.example.com\",", ""),
                        ORIGIN + ".DomainName: required field is missing"),
                Arguments.of("timeout-of-a-billion", config(", \"ConnectionTimeout\": 1000000000"),
                        ORIGIN + ".ConnectionTimeout: must be 1–10, got 1000000000"),
                Arguments.of("timeout-zero", config(", \"ConnectionTimeout\": 0"),
                        ORIGIN + ".ConnectionTimeout: must be 1–10, got 0"),
                Arguments.of("attempts-beyond-long", config(", \"ConnectionAttempts\": 123456789012345678901234567890"),
                        ORIGIN + ".ConnectionAttempts: must be 1–3, got 123456789012345678901234…"),
                Arguments.of("negative-port", config("").replace("\"OriginProtocolPolicy\": \"https-only\"",
                        "\"OriginProtocolPolicy\": \"https-only\", \"HTTPSPort\": -1"),
                        ORIGIN + ".CustomOriginConfig.HTTPSPort: must be 443, 80 or 1024–65535, got -1"),
                Arguments.of("url-as-domain", config("").replace("\"web.example.com\"", "\"https://web.example.com\""),
                        ORIGIN + ".DomainName: must be a domain name"),
                Arguments.of("header-value-with-line-break", config("").replace(SECRET, SECRET + "\\r\\nX-Evil: 1"),
                        ORIGIN + ".CustomHeaders.Items[0].HeaderValue: contains a control character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badConfig_exitsTwoWithOneLineNamingFileAndField(String name, String content, String expected)
            throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".json"), content, StandardCharsets.UTF_8);

        CliRun run = CliRun.of("check", "--config", file.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: " + file + ": ").contains(expected));
        assertThat(run.err()).doesNotContain("Exception", "\tat ", SECRET);
    }

    @Test
    void oneBadFileAmongGoodOnes_stopsTheWholeRunBeforeAnyProbe() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), config(""));
        Path bad = Files.writeString(dir.resolve("bad.json"), config(", \"ConnectionTimeout\": -5"));

        CliRun run = CliRun.of("check", "--config", good.toString(), "--config", bad.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + bad + ": " + ORIGIN + ".ConnectionTimeout: must be 1–10, got -5"
                + System.lineSeparator());
    }

    @Test
    void directoryInsteadOfAFile_isBadInput() {
        CliRun run = CliRun.of("check", "--config", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + dir + ": is a directory, not a file; expected the JSON printed by")
                .doesNotContain("\tat ");
    }
}
