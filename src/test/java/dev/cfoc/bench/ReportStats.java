package dev.cfoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.finding.FindingCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a checker JSON report says about a benchmark run: per-origin times (the sum of each probe's timingsMs), the
 * engine's own duration, the codes found, and every origin whose codes differ from what its kind expects.
 *
 * @param engineMs  summary.durationMs: from planning to the finished report, inside the checker
 * @param mismatches "originId: expected [..] got [..]" for each origin reported wrongly
 */
record ReportStats(int distributions, int origins, long engineMs, List<Long> originMs, Map<String, Integer> codes,
                   List<String> mismatches, Map<String, Double> healthyPhaseMeansMs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReportStats read(Path report) throws IOException {
        JsonNode root = JSON.readTree(report.toFile());
        List<Long> times = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        Map<String, long[]> phases = new TreeMap<>();
        int origins = 0;
        for (JsonNode distribution : root.path("distributions")) {
            for (JsonNode origin : distribution.path("origins")) {
                origins++;
                long ms = 0;
                for (JsonNode probe : origin.path("probes")) {
                    for (JsonNode t : probe.path("timingsMs")) {
                        ms += t.asLong();
                    }
                }
                times.add(ms);
                Set<FindingCode> found = new TreeSet<>();
                origin.path("findings").forEach(f -> found.add(FindingCode.valueOf(f.path("code").asText())));
                found.forEach(c -> codes.merge(c.name(), 1, Integer::sum));
                String id = origin.path("originId").asText();
                Set<FindingCode> expected = new TreeSet<>(kindOf(id).expected());
                if (kindOf(id) == OriginKind.HEALTHY && found.isEmpty()) {
                    for (JsonNode probe : origin.path("probes")) {
                        probe.path("timingsMs").properties().forEach(e -> {
                            long[] sumAndCount = phases.computeIfAbsent(e.getKey(), k -> new long[2]);
                            sumAndCount[0] += e.getValue().asLong();
                            sumAndCount[1]++;
                        });
                    }
                }
                if (!found.equals(expected) && !found.equals(Set.of(FindingCode.NOT_CHECKED_DEADLINE))) {
                    mismatches.add(id + ": expected " + expected + " got " + found);
                }
            }
        }
        Collections.sort(times);
        Map<String, Double> means = new TreeMap<>();
        phases.forEach((phase, sc) -> means.put(phase, (double) sc[0] / sc[1]));
        return new ReportStats(root.path("distributions").size(), origins,
                root.path("summary").path("durationMs").asLong(), List.copyOf(times), codes, List.copyOf(mismatches),
                means);
    }

    /** Origin ids are {@code KIND-LABEL-n}. */
    private static OriginKind kindOf(String originId) {
        return OriginKind.parse(originId.substring(0, originId.lastIndexOf('-')));
    }

    /** Nearest-rank percentile of the per-origin times, in ms. */
    long percentile(double p) {
        if (originMs.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * originMs.size());
        return originMs.get(Math.max(0, Math.min(originMs.size() - 1, rank - 1)));
    }

    int notChecked() {
        return codes.getOrDefault(FindingCode.NOT_CHECKED_DEADLINE.name(), 0);
    }
}
