package dev.cfoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the checker as a child process under GNU time, so that its wall time, peak RSS and CPU time are its own
 * (the fleet's servers live in the parent process).
 *
 * @param peakRssKib maximum resident set size of the checker process (GNU time %M)
 * @param cpuSeconds user + system CPU time of the checker process
 */
record CheckerProcess(int exitCode, double wallSeconds, long peakRssKib, double cpuSeconds, Path report, Path stderr) {

    private static final String GNU_TIME = "/usr/bin/time";
    private static final String MARK = "CFOC_TIME";

    static CheckerProcess run(List<String> command, Path dir, String name) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(GNU_TIME))) {
            throw new IllegalStateException(GNU_TIME + " is missing: apt-get install -y time");
        }
        List<String> timed = new ArrayList<>(List.of(GNU_TIME, "-f", MARK + " %e %M %U %S"));
        timed.addAll(command);
        Path out = dir.resolve(name + ".json");
        Path err = dir.resolve(name + ".stderr");
        Process process = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = process.waitFor();
        String timing = Files.readAllLines(err).stream().filter(l -> l.startsWith(MARK)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no timing line in " + err));
        String[] f = timing.split(" ");
        return new CheckerProcess(exit, Double.parseDouble(f[1]), Long.parseLong(f[2]),
                Double.parseDouble(f[3]) + Double.parseDouble(f[4]), out, err);
    }
}
