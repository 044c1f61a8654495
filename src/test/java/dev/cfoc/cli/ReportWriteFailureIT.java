package dev.cfoc.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report that cannot be written is an error (exit 3, a message on stderr), never a silent success: each command in a
 * child JVM whose stdout is a real /dev/full, or a pipe whose reading end is closed before the child writes.
 */
class ReportWriteFailureIT {

    /** A config checked without any network: its only origin allows only SSLv3, so it is not probed. */
    private static final String OFFLINE_CONFIG = "src/test/resources/config/sslv3-only-origin.json";

    enum Command {
        CHECK("check", "--config", OFFLINE_CONFIG, "--format", "json"),
        DEMO("demo", "--format", "json"),
        /** Not an event: the handler answers BadEvent on stdout, no AWS call made. */
        INVOKE("invoke", "--event", OFFLINE_CONFIG);

        final List<String> args;

        Command(String... args) {
            this.args = List.of(args);
        }
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void stdoutOnAFullDisk_exits3_sayingTheReportWasNotWritten(Command command, @TempDir Path dir) throws Exception {
        Process process = child(command).redirectOutput(new File("/dev/full"))
                .redirectError(dir.resolve("err").toFile()).start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
        String stderr = Files.readString(dir.resolve("err"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(3);
        assertThat(stderr).contains("could not be written to standard output");
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void stdoutAPipeClosedByItsReader_exits3(Command command, @TempDir Path dir) throws Exception {
        Process process = child(command).redirectError(dir.resolve("err").toFile()).start();
        process.getInputStream().close(); // the reader goes away before the child has written anything

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
        String stderr = Files.readString(dir.resolve("err"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(3);
        assertThat(stderr).contains("could not be written to standard output");
    }

    private static ProcessBuilder child(Command command) {
        return ChildCli.command(command.args);
    }
}
