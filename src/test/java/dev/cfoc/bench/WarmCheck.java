package dev.cfoc.bench;

import dev.cfoc.cli.Main;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The CLI in a warm JVM, as a Lambda restored from a primed snapshot runs it (bench/run.sh with
 * {@code BENCH_CHILD_MAIN=dev.cfoc.bench.WarmCheck}): {@code check ARGS} is run {@link #WARM_UPS} times with its output
 * discarded, then once more for real. Only the last run's report is kept; its {@code summary.durationMs} is the
 * engine time of a warm run (the process's wall, CPU and RSS columns include the warm-ups).
 */
public final class WarmCheck {

    static final int WARM_UPS = 2;

    private WarmCheck() {
    }

    public static void main(String[] args) {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (int i = 0; i < WARM_UPS; i++) {
            Main.run(discard, discard, args);
        }
        System.exit(Main.run(args));
    }
}
