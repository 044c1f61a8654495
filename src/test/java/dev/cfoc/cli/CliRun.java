package dev.cfoc.cli;

import dev.cfoc.testing.LoopbackOrigins;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI: exit code, stdout, stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    /** A run whose standard input holds {@code stdin} (for {@code --config -}). */
    static CliRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code check} with the opt-in the tests' loopback origins need ({@link LoopbackOrigins#CHECK_OPTION}). */
    static CliRun checkLoopback(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "check";
        all[1] = LoopbackOrigins.CHECK_OPTION;
        System.arraycopy(args, 0, all, 2, args.length);
        return of(all);
    }
}
