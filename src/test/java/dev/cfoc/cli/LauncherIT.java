package dev.cfoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/cloudfront-origin-checker, as a user runs it: with a JDK >= 21 it runs the jar (built by the package phase before
 * this test); without one it says what to install and exits 69, which no script can read as "findings". Its start-up
 * cache (docs/decisions.md, "Start-up cache") is made once, and neither it nor a broken one changes what a run prints.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "cloudfront-origin-checker").toAbsolutePath();

    @Test
    void withAJdk21_runsTheCli(@TempDir Path dir) throws Exception {
        var command = new ProcessBuilder(LAUNCHER.toString(), "--version");
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));

        ChildCli.Ended result = run(command, dir);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("cloudfront-origin-checker ").doesNotContain("unknown");
        assertThat(result.err()).doesNotContain("building");
    }

    @Test
    void withoutAJdk21_saysWhatToInstall_andExits69(@TempDir Path dir) throws Exception {
        Path noJdks = Files.createDirectory(dir.resolve("jvms"));
        var command = new ProcessBuilder(LAUNCHER.toString(), "check", "--config", "dist.json");
        command.environment().remove("JAVA_HOME");
        command.environment().put("CFOC_JVM_DIRS", noJdks.toString());
        command.environment().put("PATH", "/usr/bin:/bin"); // at most the machine's default java (17 here), no JDK 21+

        ChildCli.Ended result = run(command, dir);

        assertThat(result.exit()).as(result.err()).isEqualTo(69);
        assertThat(result.err()).contains("needs a JDK 21 or newer").contains("apt-get install openjdk-21-jdk-headless");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void startUpCache_isMadeOnce_andNeverReachesStdout(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");

        ChildCli.Ended first = run(launcher(cache, "--version"), dir);
        ChildCli.Ended second = run(launcher(cache, "demo", "--format", "json"), dir);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("preparing the start-up cache");
        assertThat(cacheFiles(cache)).as("one cache for this jar, JDK and options").hasSize(1);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("preparing the start-up cache");
        assertThat(second.out()).startsWith("{").contains("\"distributions\"");
    }

    @Test
    void aCacheTheJvmRefuses_isIgnored(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        assertThat(run(launcher(cache, "--version"), dir).exit()).isZero();
        for (Path file : cacheFiles(cache)) {
            Files.writeString(file, "not a class data archive");
        }

        ChildCli.Ended result = run(launcher(cache, "demo", "--format", "json"), dir);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("{").contains("\"distributions\"");
    }

    @Test
    void withoutTheCache_whenTurnedOff(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        var command = launcher(cache, "--version");
        command.environment().put("CFOC_STARTUP_CACHE", "off");

        ChildCli.Ended result = run(command, dir);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("start-up cache");
        assertThat(cache).doesNotExist();
    }

    private static ProcessBuilder launcher(Path cacheDir, String... arguments) {
        var command = new ProcessBuilder(LAUNCHER.toString());
        command.command().addAll(List.of(arguments));
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        command.environment().put("CFOC_CACHE_DIR", cacheDir.toString());
        command.environment().remove("JDK_JAVA_OPTIONS");
        command.environment().remove("JAVA_TOOL_OPTIONS");
        return command;
    }

    private static List<Path> cacheFiles(Path cacheDir) throws Exception {
        try (var files = Files.list(cacheDir)) {
            return files.filter(file -> file.getFileName().toString().matches("cfoc-.*\\.(aot|jsa)")).toList();
        }
    }

    /** The launcher may build the jar and its start-up cache first. */
    private static ChildCli.Ended run(ProcessBuilder command, Path dir) throws Exception {
        return ChildCli.run(command, dir, Duration.ofMinutes(3));
    }
}
