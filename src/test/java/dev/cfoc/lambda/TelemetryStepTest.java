package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.probe.Deadline;
import dev.cfoc.report.Report;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The telemetry step alone: pure, a fixed clock, the metric lines kept in a list. */
class TelemetryStepTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void emitsTheRunsMetrics_andOneRunCheckedLine() throws Exception {
        List<String> metrics = new ArrayList<>();
        var run = new RecordedRun(NOW.minus(Duration.ofMillis(1500)), Deadline.none());
        Report report = SampleReports.threeOrigins();

        new TelemetryStep(metrics::add, Clock.fixed(NOW, ZoneOffset.UTC)).record(report, run.context());

        assertThat(metrics).hasSize(3);
        JsonNode totals = JSON.readTree(metrics.getFirst());
        assertThat(totals.get("RunDurationMs").asLong()).isEqualTo(1500);
        assertThat(totals.get("FindingsError").asInt()).isEqualTo(1);
        assertThat(totals.get("_aws").get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(run.messages()).containsExactly("run checked");
        JsonNode checked = run.line("run checked");
        assertThat(checked.get("origins").asText()).isEqualTo("3");
        assertThat(checked.get("errors").asText()).isEqualTo("1");
        assertThat(checked.get("warnings").asText()).isEqualTo("1");
        assertThat(checked.get("durationMs").asText()).isEqualTo("42");
        assertThat(checked.get("runDurationMs").asText()).isEqualTo("1500");
    }

    @Test
    void runFinished_saysWhatWasPublished() {
        var run = new RecordedRun(NOW.minus(Duration.ofMillis(1500)), Deadline.none());
        Report report = SampleReports.threeOrigins();
        var published = new PublicationStep.Published(new AlertBuilder(LambdaSettings.DEFAULT_MIN_SEVERITY)
                .alerts(report), List.of(), Optional.empty());

        new TelemetryStep(line -> { }, Clock.fixed(NOW, ZoneOffset.UTC)).finished(published, run.context());

        JsonNode finished = run.line("run finished");
        assertThat(finished.get("alerts").asText()).isEqualTo("1");
        assertThat(finished.get("published").asText()).isEqualTo("0");
        assertThat(finished.get("unpublished").asText()).isEqualTo("0");
        assertThat(finished.get("runDurationMs").asText()).isEqualTo("1500");
    }
}
