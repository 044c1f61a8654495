package dev.cfoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine benchmark (bench/run.sh runs it; not a test): starts a {@link Fleet} in this process, writes its
 * distribution config, runs the real CLI ({@code dev.cfoc.cli.Main check}) as a child process over it and appends one
 * result row (markdown) to the results file: origins/s, per-origin p50/p99, engine and wall time, peak RSS and CPU
 * of the checker, CPU of the fleet, and whether every origin got exactly the codes its kind expects.
 *
 * <pre>
 * EngineBench --name NAME --mix healthy=1000,tarpit=20 --dir DIR --results FILE --child-classpath CP
 *             [--origins-per-distribution 25] [--origins-per-server 25] [--java PATH]
 *             [--jvm-opt OPT]... [--check-opt OPT]...
 * </pre>
 */
public final class EngineBench {

    static final String HEADER = "| run | origins | dists | engine s | wall s | origins/s (engine) | origins/s (wall) "
            + "| p50 ms | p99 ms | max ms | peak RSS MiB | checker CPU s | CPU ms/origin | fleet CPU s | exact codes | load 1m |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n";

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dir = Path.of(options.value("--dir"));
        Files.createDirectories(dir);
        System.err.printf("bench %s: starting %s%n", options.value("--name"), options.mix());
        try (Fleet fleet = Fleet.start(options.mix(), options.intValue("--origins-per-server", 25))) {
            FleetFiles files = FleetFiles.write(fleet, dir, options.intValue("--origins-per-distribution", 25));
            System.err.printf("bench: %d origins on %d servers; config %s%n", fleet.origins().size(), fleet.servers(),
                    files.config());
            List<String> command = new ArrayList<>();
            command.add(options.value("--java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(options.values("--jvm-opt"));
            command.addAll(List.of("-cp", options.value("--child-classpath"),
                    options.value("--child-main", "dev.cfoc.cli.Main"), "check",
                    "--config", files.config().toString(), "--trust-anchors", files.rootPem().toString(),
                    "--format", "json", "--fail-on", "never", "--allow-private-origins"));
            command.addAll(options.values("--check-opt"));
            String loadBefore = ProcessCpu.loadAverage();
            double fleetCpuBefore = ProcessCpu.selfSeconds();
            CheckerProcess run = CheckerProcess.run(command, dir, options.value("--name"));
            double fleetCpu = ProcessCpu.selfSeconds() - fleetCpuBefore;
            String load = loadBefore + "→" + ProcessCpu.loadAverage();
            if (run.exitCode() != 0) {
                System.err.println(Files.readString(run.stderr()));
                throw new IllegalStateException("checker exited " + run.exitCode() + "; see " + run.stderr());
            }
            ReportStats stats = ReportStats.read(run.report());
            String row = row(options.value("--name"), stats, run, fleetCpu, load);
            Path results = Path.of(options.value("--results"));
            if (!Files.exists(results)) {
                Files.writeString(results, HEADER);
            }
            Files.writeString(results, row, StandardOpenOption.APPEND);
            System.out.print(HEADER + row);
            System.out.println("codes: " + stats.codes());
            System.out.println("healthy origins, mean ms per phase: " + stats.healthyPhaseMeansMs());
            stats.mismatches().stream().limit(10).forEach(m -> System.out.println("MISMATCH " + m));
        }
    }

    private static String row(String name, ReportStats s, CheckerProcess run, double fleetCpu, String load) {
        double engineSeconds = s.engineMs() / 1000.0;
        String exact = s.mismatches().isEmpty() ? "yes" : "NO (" + s.mismatches().size() + ")";
        if (s.notChecked() > 0) {
            exact += ", " + s.notChecked() + " NOT_CHECKED_DEADLINE";
        }
        return String.format(Locale.ROOT,
                "| %s | %d | %d | %.2f | %.2f | %.0f | %.0f | %d | %d | %d | %.0f | %.1f | %.2f | %.1f | %s | %s |%n",
                name, s.origins(), s.distributions(), engineSeconds, run.wallSeconds(),
                s.origins() / engineSeconds, s.origins() / run.wallSeconds(), s.percentile(50), s.percentile(99),
                s.percentile(100), run.peakRssKib() / 1024.0, run.cpuSeconds(),
                run.cpuSeconds() * 1000 / s.origins(), fleetCpu, exact, load);
    }

    /** Tiny argument parser: {@code --key value} pairs, repeatable keys. */
    record Options(Map<String, List<String>> values) {
        static Options parse(String[] args) {
            Map<String, List<String>> values = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --key value, got " + args[i]);
                }
                values.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[++i]);
            }
            return new Options(values);
        }

        String value(String key) {
            List<String> v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException(key + ": required");
            }
            return v.getLast();
        }

        String value(String key, String fallback) {
            return values.containsKey(key) ? value(key) : fallback;
        }

        int intValue(String key, int fallback) {
            return values.containsKey(key) ? Integer.parseInt(value(key)) : fallback;
        }

        List<String> values(String key) {
            return values.getOrDefault(key, List.of());
        }

        /** {@code --mix healthy=1000,tarpit=20}. */
        Map<OriginKind, Integer> mix() {
            Map<OriginKind, Integer> mix = new EnumMap<>(OriginKind.class);
            for (String part : value("--mix").split(",")) {
                String[] kv = part.split("=");
                mix.put(OriginKind.parse(kv[0]), Integer.parseInt(kv[1].trim()));
            }
            return mix;
        }
    }
}
