package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.LocalWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function as Lambda's Java runtime runs it: Maven Central's aws-lambda-java-runtime-interface-client (the
 * runtime client of Lambda's java21 image) loads {@code CheckHandler::handleRequest} in a child JVM, takes one
 * invocation from a local Runtime API and runs it with {@code AWS_LAMBDA_LOG_FORMAT=JSON}, as a function with
 * {@code LoggingConfig.LogFormat: JSON}. The test reads the exact bytes the runtime writes to its stdout (what Lambda
 * sends to CloudWatch Logs): each of our log lines must be a JSON object whose fields are top-level keys, so Logs
 * Insights can filter on {@code distributionId} or {@code code}, not an escaped string inside {@code message}.
 */
class LambdaRuntimeLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST_ID = "8f507cfc-0f5c-4b6f-9c0a-6d4a2f1e3b7a";
    private static final String MISSING = "E3MISSING00001";

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    /** Lambda's Runtime API for one invocation: hands out {@code event} once, then keeps the next poll waiting. */
    private static final class RuntimeApi implements AutoCloseable {
        private final HttpServer server;
        private final CompletableFuture<String> response = new CompletableFuture<>();
        private final CountDownLatch handedOut = new CountDownLatch(1);

        RuntimeApi(String event) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/2018-06-01/runtime/invocation/next", exchange -> {
                if (handedOut.getCount() == 0) {
                    return; // the runtime's next poll: it waits here until the test ends
                }
                handedOut.countDown();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        String.valueOf(System.currentTimeMillis() + 120_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:cfoc:live");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-67891234-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=0");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                reply(exchange, 200, event);
            });
            server.createContext("/2018-06-01/runtime/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                reply(exchange, 202, "{\"status\":\"OK\"}");
                response.complete(exchange.getRequestURI().getPath() + " " + body);
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }

        String address() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void underJsonLogFormat_eachLogLineReachesTheLogAsAJsonObject_withItsFieldsAtTheTop(@TempDir Path dir)
            throws Exception {
        // given: a manual event naming a distribution the API does not have (a WARN line with distributionId)
        api.stubFor(get(urlEqualTo("/2020-05-31/distribution/" + MISSING)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/xml").withBody(CloudFrontXml.error("Sender", "NoSuchDistribution",
                        "The specified distribution does not exist."))));
        Path stdout = dir.resolve("stdout");
        try (RuntimeApi runtime = new RuntimeApi("{\"distributionIds\": [\"" + MISSING + "\"]}")) {
            var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", FunctionDefaults.HANDLER)
                    .redirectOutput(stdout.toFile()).redirectError(dir.resolve("stderr").toFile());
            Map<String, String> env = command.environment();
            env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("_"));
            env.putAll(Map.of("AWS_LAMBDA_RUNTIME_API", runtime.address(),
                    "AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "INFO",
                    "AWS_LAMBDA_FUNCTION_NAME", "cfoc", "AWS_LAMBDA_FUNCTION_VERSION", "1",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "2048", "AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL", api.baseUrl(), "AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY));
            env.put("LAMBDA_TASK_ROOT", dir.toString());
            Process process = command.start();
            try {
                // when
                String answered = runtime.response.get(120, TimeUnit.SECONDS);

                // then
                assertThat(answered).startsWith("/2018-06-01/runtime/invocation/" + REQUEST_ID + "/response ");
            } finally {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            assertThat(line).as("every line the runtime wrote is one JSON object: " + line).startsWith("{");
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> ours = lines.stream().filter(l -> !l.has("_aws")).toList();
        assertThat(ours).as(Files.readString(stdout)).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("message").asText()).as("message is text, not an embedded JSON document")
                    .doesNotStartWith("{");
            assertThat(line.get("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(line.get("requestId").asText()).isEqualTo(REQUEST_ID);
        });
        assertThat(ours).anySatisfy(line -> {
            assertThat(line.get("message").asText()).isEqualTo("distribution could not be checked");
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("distributionId").asText()).isEqualTo(MISSING);
            assertThat(line.get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        });
        assertThat(lines).as("the run's EMF metrics, also raw on stdout").anySatisfy(l -> assertThat(l.has("_aws")).isTrue());
    }
}
