package dev.cfoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI in a child JVM, for what only a process shows (its own stdout a full disk or a closed pipe, an environment
 * without credentials): the built jar when there is one (failsafe runs after package; it starts much faster than
 * the test class path), else the test class path. The environment is the test's, less every AWS_ variable.
 */
final class ChildCli {

    static final Path JAR = Path.of("target", "cloudfront-origin-checker.jar");

    private ChildCli() {
    }

    static ProcessBuilder command(List<String> args) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        if (Files.isRegularFile(JAR)) {
            line.addAll(List.of("-jar", JAR.toString()));
        } else {
            line.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        line.addAll(args);
        var builder = new ProcessBuilder(line);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        return builder;
    }

    /** How a child process ended: its exit code and everything it wrote. */
    record Ended(int exit, String out, String err) {
    }

    /** Runs {@code command} to its end, its stdout and stderr kept in files of {@code dir}. */
    static Ended run(ProcessBuilder command, Path dir, Duration timeout) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("the child process ended").isTrue();
        return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
