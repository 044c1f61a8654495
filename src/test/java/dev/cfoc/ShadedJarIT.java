package dev.cfoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users (and Lambda) get it, in a JVM of its own: a broken shade (a missing class, service file or
 * resource, a wrong Main-Class, a Bouncy Castle module or Java 9 class copy the shade filters leave out that is needed
 * after all) fails here, not in front of a user. The demo and SnapStart priming (a check, SNS and SQS through the SDK)
 * run, and the SDK's logging (SLF4J 2 with its no-op provider) writes nothing.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "cloudfront-origin-checker.jar");
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void version_namesTheTool() throws Exception {
        Run run = java("-jar", JAR.toString(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("cloudfront-origin-checker \\S+\\R");
    }

    @Test
    void demo_findsEveryPlannedProblem_andNothingElseReachesStderr() throws Exception {
        Run run = java("-jar", JAR.toString(), "demo", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        Map<String, Integer> verdicts = new TreeMap<>();
        TreeSet<String> codes = new TreeSet<>();
        report.path("distributions").get(0).path("origins").forEach(origin -> {
            verdicts.merge(origin.path("verdict").asText(), 1, Integer::sum);
            origin.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        });
        assertThat(verdicts).containsExactlyEntriesOf(new TreeMap<>(Map.of("ERROR", 5, "OK", 2, "WARNING", 1)));
        assertThat(codes).containsExactly("CERT_CHAIN_INCOMPLETE", "CERT_EXPIRED", "CERT_EXPIRING_SOON",
                "CERT_NAME_MISMATCH", "PORT_UNREACHABLE", "TLS_NO_COMMON_PROTOCOL");
        assertThat(report.path("summary").path("errors").asInt()).isEqualTo(5);
        assertThat(run.err()).contains("demo: sample origins listening on 127.0.0.1")
                .doesNotContain("SLF4J", "Exception");
    }

    @Test
    void snapStartPriming_checksPublishesAndQueues() throws Exception {
        Path prime = Files.writeString(dir.resolve("Prime.java"), """
                public class Prime {
                    public static void main(String[] args) throws Exception {
                        var result = dev.cfoc.lambda.SnapStartPriming.prime();
                        System.out.println(result.origins() + " " + result.messagesPublished() + " "
                                + result.messagesQueued());
                    }
                }
                """);

        Run run = java("-cp", JAR.toString(), prime.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] counts = run.out().strip().split(" ");
        assertThat(Integer.parseInt(counts[0])).as("origins checked").isPositive();
        assertThat(counts[1]).as("messages published").isEqualTo("1");
        assertThat(counts[2]).as("messages queued").isEqualTo("1");
        assertThat(run.err()).doesNotContain("SLF4J");
    }

    private Run java(String... args) throws Exception {
        assertThat(JAR).as("built by the package phase, before integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("java " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
