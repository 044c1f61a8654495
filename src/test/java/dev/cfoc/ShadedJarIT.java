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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar as users (and Lambda) get it, run with {@code java -jar} in a child JVM: a broken shade (a missing
 * class, service file or resource, a wrong Main-Class) fails here, not in front of a user.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "cloudfront-origin-checker.jar");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void version_namesTheTool() throws Exception {
        Run run = javaJar("--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("cloudfront-origin-checker \\S+\\R");
    }

    @Test
    void demo_checksTheSampleOrigins_andPrintsTheJsonReport() throws Exception {
        Run run = javaJar("demo", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        Map<String, Integer> verdicts = new TreeMap<>();
        report.path("distributions").get(0).path("origins")
                .forEach(origin -> verdicts.merge(origin.path("verdict").asText(), 1, Integer::sum));
        assertThat(verdicts).containsExactlyEntriesOf(new TreeMap<>(Map.of("ERROR", 5, "OK", 2, "WARNING", 1)));
        assertThat(report.path("summary").path("errors").asInt()).isEqualTo(5);
        assertThat(run.err()).contains("demo: sample origins listening on 127.0.0.1");
    }

    private Run javaJar(String... args) throws Exception {
        assertThat(JAR).as("built by the package phase, before integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end within "
                    + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
