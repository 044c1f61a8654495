package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.finding.Suppressed;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    @Test
    void runTotals_areOneEmfDocumentWithoutDimensions() throws Exception {
        List<String> lines = EmfMetrics.lines(SampleReports.threeOrigins(), 1234, NOW);

        JsonNode totals = JSON.readTree(lines.getFirst());
        Map<String, String> units = assertValidEmf(totals, List.of());
        assertThat(units).containsEntry("FindingsError", "Count").containsEntry("FindingsWarning", "Count")
                .containsEntry("FindingsInfo", "Count").containsEntry("FindingsSuppressed", "Count")
                .containsEntry("OriginsChecked", "Count").containsEntry("DistributionsChecked", "Count")
                .containsEntry("RunDurationMs", "Milliseconds");
        assertThat(totals.get("_aws").get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(totals.get("FindingsError").asLong()).isEqualTo(1);
        assertThat(totals.get("FindingsWarning").asLong()).isEqualTo(1);
        assertThat(totals.get("FindingsInfo").asLong()).isZero();
        assertThat(totals.get("OriginsChecked").asLong()).isEqualTo(3);
        assertThat(totals.get("DistributionsChecked").asLong()).isEqualTo(1);
        assertThat(totals.get("NotChecked").asLong()).isZero();
        assertThat(units).containsEntry("NotChecked", "Count");
        assertThat(totals.get("RunDurationMs").asLong()).isEqualTo(1234);
    }

    @Test
    void everyRun_countsOneRunCompleted_theHeartbeatAlarmsMetric() throws Exception {
        JsonNode empty = JSON.readTree(EmfMetrics.lines(new Report(NOW, SampleReports.threeOrigins().trustAnchors(),
                List.of(), new dev.cfoc.report.Summary(0, 0, 0, 0, 0)), 5, NOW).getFirst());

        assertThat(assertValidEmf(empty, List.of())).containsEntry("RunsCompleted", "Count");
        assertThat(empty.get("RunsCompleted").asLong()).isEqualTo(1);
    }

    @Test
    void eachCodeWithFindings_isADocumentWithTheCodeDimension() throws Exception {
        List<String> lines = EmfMetrics.lines(SampleReports.threeOrigins(), 1, NOW);

        assertThat(lines).hasSize(3);
        List<String> codes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            JsonNode doc = JSON.readTree(line);
            assertThat(assertValidEmf(doc, List.of("Code"))).containsExactly(Map.entry("Findings", "Count"));
            assertThat(doc.get("Findings").asLong()).isEqualTo(1);
            codes.add(doc.get("Code").asText());
        }
        assertThat(codes).containsExactlyInAnyOrder("CERT_EXPIRED", "CERT_EXPIRING_SOON");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
    }

    @Test
    void suppressedFindings_areCountedApartOnly() throws Exception {
        Report report = SampleReports.threeOrigins();
        var d = report.distributions().getFirst();
        var legacy = d.origins().get(2);
        var marked = legacy.withFindings(List.of(legacy.findings().getFirst()
                .suppressedBy(new Suppressed(LocalDate.parse("2026-12-31"), "known"))));
        Report suppressed = report.withDistributions(List.of(d.with(List.of(d.origins().get(0), d.origins().get(1),
                marked), List.of())));

        List<String> lines = EmfMetrics.lines(suppressed, 1, NOW);

        JsonNode totals = JSON.readTree(lines.getFirst());
        assertThat(totals.get("FindingsError").asLong()).isZero();
        assertThat(totals.get("FindingsSuppressed").asLong()).isEqualTo(1);
        assertThat(lines).hasSize(2).noneMatch(l -> l.contains("\"CERT_EXPIRED\""));
    }

    /** The EMF specification's structure; returns metric name → unit. */
    static Map<String, String> assertValidEmf(JsonNode doc, List<String> dimensions) {
        JsonNode aws = doc.get("_aws");
        assertThat(aws).as("_aws").isNotNull();
        assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        assertThat(directive.get("Dimensions").isArray()).isTrue();
        assertThat(directive.get("Dimensions")).hasSize(1);
        List<String> set = StreamSupport.stream(directive.get("Dimensions").get(0).spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(set).containsExactlyElementsOf(dimensions);
        set.forEach(name -> assertThat(doc.get(name).isTextual()).as("dimension value " + name).isTrue());
        var units = new java.util.LinkedHashMap<String, String>();
        for (JsonNode metric : directive.get("Metrics")) {
            String name = metric.get("Name").asText();
            assertThat(doc.get(name)).as("value of " + name + " at top level").isNotNull();
            assertThat(doc.get(name).isNumber()).isTrue();
            units.put(name, metric.get("Unit").asText());
        }
        return units;
    }
}
