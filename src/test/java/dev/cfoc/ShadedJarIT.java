package dev.cfoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar as it ships, in a JVM of its own: the demo and SnapStart priming (a check, SNS and SQS through the SDK)
 * run with the Bouncy Castle modules and Java 9 class copies that the shade filters leave out, and the SDK's logging
 * (SLF4J 2 with its no-op provider) writes nothing.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "cloudfront-origin-checker.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void demo_findsEveryPlannedProblem_andNothingElseReachesStderr() throws Exception {
        Run demo = run("-jar", JAR.toString(), "demo", "--format", "json");

        assertThat(demo.exit()).as(demo.err()).isZero();
        JsonNode report = JSON.readTree(demo.out());
        TreeSet<String> codes = new TreeSet<>();
        report.path("distributions").forEach(d -> d.path("origins").forEach(o -> o.path("findings")
                .forEach(f -> codes.add(f.path("code").asText()))));
        assertThat(codes).containsExactly("CERT_CHAIN_INCOMPLETE", "CERT_EXPIRED", "CERT_EXPIRING_SOON",
                "CERT_NAME_MISMATCH", "PORT_UNREACHABLE", "TLS_NO_COMMON_PROTOCOL");
        assertThat(demo.err()).doesNotContain("SLF4J", "Exception");
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

        Run priming = run("-cp", JAR.toString(), prime.toString());

        assertThat(priming.exit()).as(priming.err()).isZero();
        String[] counts = priming.out().strip().split(" ");
        assertThat(Integer.parseInt(counts[0])).as("origins checked").isPositive();
        assertThat(counts[1]).as("messages published").isEqualTo("1");
        assertThat(counts[2]).as("messages queued").isEqualTo("1");
        assertThat(priming.err()).doesNotContain("SLF4J");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the JVM ended").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
