package dev.cfoc.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.plan.OriginPlan;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.probe.AddressPolicy;
import dev.cfoc.probe.CheckerNetwork;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.probe.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property: for any bytes, the config loader either returns distributions or throws a {@link ConfigException} whose
 * message starts with the file name; never another exception, never a hang, never a custom header value in the
 * message. What it returns must plan and probe (with a resolver that knows no name, so nothing leaves the machine)
 * without throwing either: a value the loader accepts must not crash the engine later.
 */
class ConfigLoaderFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "config";
    private static final List<String> SEED_FILES = List.of("/config/get-distribution-config.json",
            "/config/get-distribution.json", "/config/list-distributions.json", "/config/bare-distribution-config.json");
    /** Far above any input's real cost (milliseconds), far below a hang; leaves room for a loaded CI machine. */
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);

    private final DistributionFileLoader loader = new DistributionFileLoader();
    private final Planner planner = new Planner();
    private final OriginProber prober = new OriginProber(HostResolver.fixed(Map.of()), (chain, names) -> List.of(),
            AddressPolicy.publicOnly(CheckerNetwork.notPrivate()));
    private final Set<String> secrets = secretsOf(seeds());

    @TempDir
    Path dir;

    @Test
    void anyInput_loadsOrFailsWithAConfigExceptionNamingTheFile() {
        Fuzz.Run run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Fuzz.run(NAME, Duration.ofMillis(2500), seeds(), this::check));

        assertThat(run.cases()).as("inputs checked (seed %d)", run.seed()).isGreaterThan(50);
        assertThat(run.slowestCase()).as("slowest input (seed %d)", run.seed()).isLessThan(SLOWEST_ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusInput_loadsOrFailsWithAConfigExceptionNamingTheFile(Path input) throws Exception {
        check(Files.readAllBytes(input));
    }

    static Stream<Path> corpus() {
        return Fuzz.corpus(NAME);
    }

    private void check(byte[] input) throws Exception {
        Path file = Files.write(dir.resolve("dist.json"), input);
        List<Distribution> distributions;
        try {
            distributions = loader.load(file);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith(file + ": ");
            assertNoSecret(e.getMessage(), input);
            return;
        }
        for (Distribution distribution : distributions) {
            for (OriginPlan origin : planner.plan(distribution, PolicyCatalog.empty()).origins()) {
                for (ProbeTarget target : origin.targets()) {
                    ProbeResult result = prober.probe(target);
                    assertNoSecret(result.toString(), input);
                }
                assertNoSecret(origin.toString(), input);
            }
        }
    }

    /** A secret in {@code output} is a leak unless the input also has it where it is not a header value. */
    private void assertNoSecret(String output, byte[] input) {
        for (String secret : secrets) {
            if (output.contains(secret)) {
                assertThat(appearsOutsideHeaderValues(input, secret))
                        .as("output shows a custom header value: %s", output).isTrue();
            }
        }
    }

    private static boolean appearsOutsideHeaderValues(byte[] input, String secret) {
        JsonNode tree;
        try {
            tree = JSON.readTree(input);
        } catch (IOException e) {
            return false;
        }
        List<String> elsewhere = new ArrayList<>();
        collectOutsideHeaderValues(tree, "", elsewhere);
        return elsewhere.stream().anyMatch(text -> text.contains(secret));
    }

    private static void collectOutsideHeaderValues(JsonNode node, String field, List<String> texts) {
        if (node.isTextual() && !field.equals("HeaderValue")) {
            texts.add(node.textValue());
        }
        node.properties().forEach(e -> {
            texts.add(e.getKey());
            collectOutsideHeaderValues(e.getValue(), e.getKey(), texts);
        });
        if (node.isArray()) {
            node.forEach(item -> collectOutsideHeaderValues(item, field, texts));
        }
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String file : SEED_FILES) {
            try (var in = ConfigLoaderFuzzTest.class.getResourceAsStream(file)) {
                seeds.add(in.readAllBytes());
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("seed " + file + " missing", e);
            }
        }
        return seeds;
    }

    private static Set<String> secretsOf(List<byte[]> seeds) {
        List<String> values = new ArrayList<>();
        for (byte[] seed : seeds) {
            JsonMutator.parse(seed).findValues("HeaderValue").forEach(v -> values.add(v.asText()));
        }
        assertThat(values).as("seeds plant custom header values").isNotEmpty();
        return Set.copyOf(values);
    }
}
