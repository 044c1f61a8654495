package dev.cfoc.testing;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.aws.DynamoDbStateStore;
import dev.cfoc.sample.LocalPorts;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real DynamoDB API on loopback, without containers: npm's dynalite, started as a local Node.js process, talked to
 * with the real SDK. Installed by {@code scripts/install-dynalite} (which {@code .ci/run} runs; the first test run on a
 * machine with npm runs it too). Where it cannot be installed or started, the tests that need it are skipped, saying
 * why, except under CI ({@code CI=true}), where they fail: CI must really run them.
 */
public final class LocalDynamo implements AutoCloseable {

    private static final Path INSTALLER = Path.of("scripts", "install-dynalite");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Process process;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamo(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = AwsClients.dynamoDb(Region.US_EAST_1, options());
    }

    /** Starts dynalite (in memory) on a free loopback port; skips the calling tests (fails them under CI) if it cannot. */
    public static LocalDynamo start() throws IOException, InterruptedException {
        Optional<Path> cli = installed();
        if (cli.isEmpty()) {
            unavailable("dynalite is not installed and scripts/install-dynalite could not install it (needs node "
                    + "and npm, and the npm registry)");
        }
        int port = LocalPorts.closedPort();
        Process process = new ProcessBuilder("node", cli.get().toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.contains("listening")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null) {
            process.destroyForcibly();
            unavailable("dynalite did not start listening on 127.0.0.1:" + port + " within " + START_TIMEOUT);
        }
        // keep draining its output so the process never blocks on a full pipe
        CompletableFuture.runAsync(() -> reader.lines().forEach(l -> { }));
        return new LocalDynamo(process, URI.create("http://127.0.0.1:" + port));
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(why + "; CI must run the DynamoDB tests (.ci/run installs dynalite)");
        }
        Assumptions.abort(why + ": skipped (run scripts/install-dynalite)");
    }

    /** dynalite's cli.js, installing it first when missing. */
    private static Optional<Path> installed() throws IOException, InterruptedException {
        if (!Files.isExecutable(INSTALLER)) {
            return Optional.empty();
        }
        Process install = new ProcessBuilder("bash", INSTALLER.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String home = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0 || home.isEmpty()) {
            install.destroyForcibly();
            return Optional.empty();
        }
        Path cli = Path.of(home, "node_modules", "dynalite", "cli.js");
        return Files.isRegularFile(cli) ? Optional.of(cli) : Optional.empty();
    }

    /** Test credentials and this endpoint, as a client of the checker's would be configured. */
    public AwsClientOptions options() {
        return LocalAws.options(endpoint.toString());
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** A new, empty state table shaped as template.yaml's StateTable (String partition key pk, on demand). */
    public String createStateTable() {
        String name = "cfoc-state-" + TABLES.incrementAndGet();
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(DynamoDbStateStore.PARTITION_KEY)
                        .attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(DynamoDbStateStore.PARTITION_KEY).keyType(KeyType.HASH)));
        client.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }

    /** Every item of {@code table}. */
    public List<Map<String, AttributeValue>> items(String table) {
        return client.scan(r -> r.tableName(table).consistentRead(true)).items();
    }

    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
