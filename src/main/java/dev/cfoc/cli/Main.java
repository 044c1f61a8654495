package dev.cfoc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;

/** Entry point of the jar: {@code check}, {@code demo}, {@code invoke}. */
@Command(name = "cloudfront-origin-checker", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predicts CloudFront 502 errors by connecting to every origin exactly as CloudFront would.",
        subcommands = {CheckCommand.class, DemoCommand.class, InvokeCommand.class},
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_CLEAN, ExitCodes.HELP_FINDINGS, ExitCodes.HELP_BAD_INPUT,
                ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_INCOMPLETE})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input, for {@code check --config -}. */
    InputStream stdin = System.in;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("check") || args[0].equals("demo"))) {
            Preload.start(); // before picocli builds its model: that takes a cold JVM about 0.25 s
        }
        System.exit(run(args));
    }

    /** Runs the CLI on the process's stdout/stderr and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given report and diagnostics streams (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, reading {@code --config -} from {@code in}. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        main.stdin = in;
        CommandLine commandLine = new CommandLine(main);
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
