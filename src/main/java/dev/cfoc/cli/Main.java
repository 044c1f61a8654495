package dev.cfoc.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** Entry point of the jar: {@code check}, {@code demo}, {@code invoke}. */
@Command(name = "cloudfront-origin-checker", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predicts CloudFront 502 errors by connecting to every origin exactly as CloudFront would.",
        subcommands = {CheckCommand.class, DemoCommand.class, InvokeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing at or above --fail-on",
                "1:findings at or above --fail-on",
                "2:bad usage or bad input (config, trust anchors)",
                "3:internal error (a bug: please report it)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ExitCodes.InternalErrorHandler());
        return commandLine.execute(args);
    }

    /** Runs the CLI writing to {@code out} and {@code err} instead of the process's streams (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ExitCodes.InternalErrorHandler());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: check, demo or invoke");
    }
}
