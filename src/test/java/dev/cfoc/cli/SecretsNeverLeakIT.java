package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.LeafSpec;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Redaction;
import dev.cfoc.testing.Pem;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom header values never leave the request: one check over origins that fail in every way that produces rich
 * evidence, and origins that reflect the secret back, in both output formats; then a config the loader rejects.
 * Every channel (stdout, stderr, the JSON report, exception messages, the model's toString) is searched for the
 * secret, and for its first characters (a value cut short for a message is still a leak). The healthy origin shows
 * exactly what the probe sends: what CloudFront sends, nothing more.
 */
class SecretsNeverLeakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Zq8W3-planted-origin-secret";
    private static final String SECOND_SECRET = "Kx4P9-second-shared-key";
    /** Configured on one origin only, and sent back by another one. */
    private static final String OTHER_ORIGINS_SECRET = "Vb2M7-held-by-another-origin";
    private static final String OVERLAP_SHORT = "OVERLAP1";
    private static final String OVERLAP_LONG = "OVERLAP1-TAIL-SECRET-55";
    private static final String PADDED_SECRET = "  Pd5Y1-padded-secret  ";
    private static final String ENCODED_SECRET = "Ec3/R+w=key&mark 9";
    private static final String SHORT_SECRET = "Q7zj";
    private static final List<String> LEAK_MARKERS = List.of(SECRET, SECRET.substring(0, 6), SECOND_SECRET,
            SECOND_SECRET.substring(0, 6), OTHER_ORIGINS_SECRET.substring(0, 6), "TAIL-SECRET-55",
            PADDED_SECRET.strip().substring(0, 6), SECRET.toUpperCase(Locale.ROOT).substring(0, 6), "Ec3%2FR",
            base64("user:" + ENCODED_SECRET).substring(8, 20), SHORT_SECRET);

    private final SamplePki pki = SamplePki.create("Secrets");
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<String, ObjectNode> origins = new LinkedHashMap<>();
    private final Map<String, FindingCode> expected = new TreeMap<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopOrigins() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void plantedSecret_appearsInNoOutput_andTheOriginReceivesExactlyCloudFrontsRequest() throws Exception {
        SampleTlsServer healthy = tls(SampleTlsServer.builder(leaf()));
        origin("healthy", "https-only", healthy.port(), null).put("OriginPath", "/app");
        origin("answers-503", "https-only", tls(SampleTlsServer.builder(leaf()).httpStatus(503)).port(),
                FindingCode.HTTP_5XX);
        origin("slow", "https-only", tls(SampleTlsServer.builder(leaf()).responseDelay(Duration.ofSeconds(3))).port(),
                FindingCode.ORIGIN_READ_TIMEOUT);
        origin("chacha-only", "https-only", tls(SampleTlsServer.builder(leaf())
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)).port(),
                FindingCode.TLS_NO_COMMON_CIPHER);
        Instant now = Instant.now();
        SampleTlsServer expired = tls(SampleTlsServer.builder(pki.issueLeaf(LeafSpec.forNames("localhost")
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))))));
        origin("expired", "https-only", expired.port(), FindingCode.CERT_EXPIRED);
        origin("reflects-in-status-line", "http-only", reflecting(request -> "HTTP/1.1 500 "
                + ReflectingOrigin.headerLine(request, "X-Origin-Verify") + "\r\nContent-Length: 0\r\n\r\n"),
                FindingCode.HTTP_5XX);
        origin("reflects-as-first-line", "http-only", reflecting(request -> "x".repeat(45) + " "
                + ReflectingOrigin.headerLine(request, "X-Shared-Key") + "\r\n\r\n"), FindingCode.HTTP_INVALID_RESPONSE);
        Path config = write("secrets.json", distribution());
        Path anchors = trustAnchors();

        CliRun json = CliRun.checkLoopback("--config", config.toString(), "--trust-anchors", anchors.toString(),
                "--format", "json");
        CliRun text = CliRun.checkLoopback("--config", config.toString(), "--trust-anchors", anchors.toString(),
                "--format", "text");

        assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
        assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
        assertThat(codesByOrigin(JSON.readTree(json.out()))).as("every origin failed as planned")
                .isEqualTo(expectedCodes());
        assertThat(text.out()).contains("HTTP_5XX", "HTTP_INVALID_RESPONSE", "TLS_NO_COMMON_CIPHER");
        for (String output : List.of(json.out(), json.err(), text.out(), text.err())) {
            assertNoLeak(output);
        }
        assertThat(json.out()).as("reflected values are shown redacted").contains("<redacted>");
        assertThat(json.out()).as("no run-wide withholding when every value can be redacted")
                .doesNotContain(Redaction.WITHHELD);
        assertThat(healthy.requests()).hasSize(2).allSatisfy(request -> assertThat(request).isEqualTo(
                "GET /app/ HTTP/1.1\r\n"
                        + "Host: localhost\r\n"
                        + "User-Agent: Amazon CloudFront\r\n"
                        + "Via: 1.1 cloudfront-origin-checker\r\n"
                        + "X-Origin-Verify: " + SECRET + "\r\n"
                        + "X-Shared-Key: " + SECOND_SECRET + "\r\n"
                        + "Connection: close\r\n"
                        + "\r\n"));
        assertThat(expired.requestCount()).as("no request, so no secret, to an origin failing authentication")
                .isZero();
        var distributions = new DistributionFileLoader().load(config);
        assertNoLeak(distributions.toString());
        assertNoLeak(new Planner().plan(distributions.getFirst(), PolicyCatalog.empty()).toString());
    }

    /**
     * Each way a value slipped past a redaction that knew only the probed origin's own values, as they were: another
     * origin's value, a value that contains another one, a value trimmed by the origin, echoed in upper case,
     * percent-encoded, or inside a Base64 text.
     */
    @Test
    void valuesReflectedInAnyForm_orByAnotherOrigin_areRedactedInEveryFormat() throws Exception {
        origin("holds-the-secret", "https-only", tls(SampleTlsServer.builder(leaf())).port(), null,
                headers("X-Origin-Verify", OTHER_ORIGINS_SECRET));
        origin("reflects-another-origins-value", "http-only",
                reflecting(request -> statusLine500(OTHER_ORIGINS_SECRET)), FindingCode.HTTP_5XX, headers());
        origin("overlapping-values", "http-only", reflecting(request -> statusLine500(
                ReflectingOrigin.headerLine(request, "X-Short") + " " + ReflectingOrigin.headerLine(request, "X-Long"))),
                FindingCode.HTTP_5XX, headers("X-Short", OVERLAP_SHORT, "X-Long", OVERLAP_LONG));
        origin("echoes-trimmed", "http-only", reflecting(request -> statusLine500(
                "[" + ReflectingOrigin.headerLine(request, "X-Padded").substring("X-Padded:".length()).strip() + "]")),
                FindingCode.HTTP_5XX, headers("X-Padded", PADDED_SECRET));
        origin("echoes-upper-case", "http-only", reflecting(request -> statusLine500(
                ReflectingOrigin.headerLine(request, "X-Origin-Verify").toUpperCase(Locale.ROOT))),
                FindingCode.HTTP_5XX, headers("X-Origin-Verify", SECRET));
        origin("echoes-percent-encoded", "http-only", reflecting(request -> statusLine500(
                "q=" + URLEncoder.encode(ENCODED_SECRET, StandardCharsets.UTF_8))),
                FindingCode.HTTP_5XX, headers("X-Encoded", ENCODED_SECRET));
        origin("echoes-base64", "http-only", reflecting(request -> statusLine500(
                "Authorization: Basic " + base64("user:" + ENCODED_SECRET))),
                FindingCode.HTTP_5XX, headers("X-Encoded", ENCODED_SECRET));
        Path config = write("reflections.json", distribution());
        Path anchors = trustAnchors();

        for (String format : List.of("json", "text", "markdown")) {
            CliRun run = CliRun.checkLoopback("--config", config.toString(), "--trust-anchors", anchors.toString(),
                    "--format", format, "--fail-on", "warning");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("HTTP_5XX", "<redacted>");
            assertNoLeak(run.out());
            assertNoLeak(run.err());
        }
    }

    /** A value too short to search for: then nothing any origin of the run sent is quoted, with a note saying why. */
    @Test
    void valueTooShortToRedact_noOriginTextIsQuotedInThatRun() throws Exception {
        origin("reflects-in-status-line", "http-only", reflecting(request -> statusLine500(
                ReflectingOrigin.headerLine(request, "X-Flag"))), FindingCode.HTTP_5XX, headers("X-Flag", SHORT_SECRET));
        origin("reflects-as-non-http", "http-only", reflecting(request -> "junk-from-the-origin "
                + ReflectingOrigin.headerLine(request, "X-Flag") + "\r\n\r\n"), FindingCode.HTTP_INVALID_RESPONSE,
                headers("X-Flag", SHORT_SECRET));
        origin("other-origin-speaks-freely", "http-only", reflecting(request -> statusLine500("no secret here")),
                FindingCode.HTTP_5XX, headers());
        Path config = write("short.json", distribution());

        for (String format : List.of("json", "text", "markdown")) {
            CliRun run = CliRun.checkLoopback("--config", config.toString(), "--format", format);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("HTTP_5XX", "HTTP_INVALID_RESPONSE", "HTTP/1.1 500")
                    .doesNotContain("junk-from-the-origin", "no secret here");
            assertNoLeak(run.out());
            assertNoLeak(run.err());
        }
        CliRun json = CliRun.checkLoopback("--config", config.toString(), "--format", "json");
        assertThat(json.out()).contains(jsonString(Redaction.WITHHELD));
    }

    @Test
    void rejectedConfig_neverShowsTheSecretInItsError() throws Exception {
        origin("web", "https-only", 443, null);
        String broken = distribution().replace(SECRET, SECRET + "\\r\\nX-Injected: 1");
        Path config = write("broken.json", broken);
        Path syntax = write("syntax.json", distribution().replace("\"" + SECRET + "\"", SECRET));

        CliRun rejected = CliRun.of("check", "--config", config.toString());
        CliRun malformed = CliRun.of("check", "--config", syntax.toString());

        assertThat(rejected.exitCode()).isEqualTo(2);
        assertThat(rejected.err()).contains("HeaderValue: contains a control character");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("malformed JSON");
        for (String output : List.of(rejected.out(), rejected.err(), malformed.out(), malformed.err())) {
            assertNoLeak(output);
        }
    }

    private static void assertNoLeak(String output) {
        for (String marker : LEAK_MARKERS) {
            assertThat(output).as("output shows (part of) a custom header value").doesNotContain(marker);
        }
    }

    private Map<String, TreeSet<FindingCode>> codesByOrigin(JsonNode report) {
        Map<String, TreeSet<FindingCode>> found = new TreeMap<>();
        for (JsonNode origin : report.path("distributions").get(0).path("origins")) {
            TreeSet<FindingCode> codes = new TreeSet<>();
            origin.path("findings").forEach(f -> codes.add(FindingCode.valueOf(f.path("code").asText())));
            found.put(origin.path("originId").asText(), codes);
        }
        return found;
    }

    private Map<String, TreeSet<FindingCode>> expectedCodes() {
        Map<String, TreeSet<FindingCode>> codes = new TreeMap<>();
        origins.keySet().forEach(id -> codes.put(id, new TreeSet<>()));
        expected.forEach((id, code) -> codes.get(id).add(code));
        return codes;
    }

    private SamplePki.Issued leaf() {
        return pki.issueLeaf(LeafSpec.forNames("localhost"));
    }

    private SampleTlsServer tls(SampleTlsServer.Builder builder) {
        SampleTlsServer server = builder.start();
        servers.add(server);
        return server;
    }

    private int reflecting(java.util.function.UnaryOperator<String> answer) throws Exception {
        ReflectingOrigin origin = new ReflectingOrigin(answer);
        servers.add(origin);
        return origin.port();
    }

    private static String statusLine500(String reason) {
        return "HTTP/1.1 500 " + reason + "\r\nContent-Length: 0\r\n\r\n";
    }

    /** Header names and values, in the order given (the order they are sent and were once redacted in). */
    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String text) throws Exception {
        String quoted = JSON.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private ObjectNode origin(String id, String policy, int port, FindingCode code) {
        return origin(id, policy, port, code, headers("X-Origin-Verify", SECRET, "X-Shared-Key", SECOND_SECRET));
    }

    private ObjectNode origin(String id, String policy, int port, FindingCode code, Map<String, String> headerValues) {
        ObjectNode origin = JSON.createObjectNode().put("Id", id).put("DomainName", "localhost")
                .put("ConnectionAttempts", 1).put("ConnectionTimeout", 2);
        ArrayNode headers = origin.putObject("CustomHeaders").put("Quantity", headerValues.size()).putArray("Items");
        headerValues.forEach((name, value) -> headers.addObject().put("HeaderName", name).put("HeaderValue", value));
        ObjectNode custom = origin.putObject("CustomOriginConfig").put("HTTPPort", policy.equals("http-only") ? port : 80)
                .put("HTTPSPort", port).put("OriginProtocolPolicy", policy).put("OriginReadTimeout", 1);
        custom.putObject("OriginSslProtocols").put("Quantity", 1).putArray("Items").add("TLSv1.2");
        origins.put(id, origin);
        if (code != null) {
            expected.put(id, code);
        }
        return origin;
    }

    /** get-distribution shape; the default behavior goes to the first origin, one path behavior for each other. */
    private String distribution() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode config = root.putObject("Distribution").put("Id", "E2SECRETS0001")
                .put("DomainName", "d2secrets.cloudfront.net").putObject("DistributionConfig").put("Enabled", true);
        config.putObject("Aliases").put("Quantity", 1).putArray("Items").add("www.secrets.example");
        ArrayNode items = config.putObject("Origins").put("Quantity", origins.size()).putArray("Items");
        ArrayNode behaviors = config.putObject("CacheBehaviors").put("Quantity", origins.size() - 1).putArray("Items");
        origins.forEach((id, origin) -> {
            items.add(origin);
            ObjectNode behavior = config.has("DefaultCacheBehavior") ? behaviors.addObject().put("PathPattern",
                    "/" + id + "/*") : config.putObject("DefaultCacheBehavior");
            behavior.put("TargetOriginId", id).put("ViewerProtocolPolicy", "allow-all")
                    .put("CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private Path trustAnchors() throws Exception {
        return write("root.pem", Pem.of(pki.rootCertificate()));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
