package dev.cfoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
