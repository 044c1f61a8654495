package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.cert.TrustListRelease;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.Report;
import dev.cfoc.report.Summary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding about the run itself (a stale trust store) reaches SNS and the metrics like any other. */
class RunFindingsAlertTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Report staleRun() {
        TrustListRelease release = TrustAnchors.mozilla().release().orElseThrow();
        Instant now = release.date().plusDays(TrustListRelease.MAX_AGE_DAYS + 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Report.TrustAnchorsNote note = Report.TrustAnchorsNote.of(TrustAnchors.mozilla());
        return new Report(now, note, List.of(), new Summary(0, 0, 0, 0, 0)).withRunFindings(note.runFindings(now));
    }

    @Test
    void staleTrustStore_isPublishedAsOneMessageAboutTheChecker() throws Exception {
        List<DistributionAlert> alerts = new AlertBuilder(Severity.WARNING).alerts(staleRun());

        assertThat(alerts).hasSize(1);
        DistributionAlert alert = alerts.getFirst();
        assertThat(alert.distributionId()).isEqualTo(AlertBuilder.RUN_LABEL);
        assertThat(alert.worst()).isEqualTo(Severity.WARNING);
        assertThat(alert.codes()).containsExactly("TRUST_STORE_STALE");
        assertThat(alert.humanText()).contains("[WARNING] TRUST_STORE_STALE")
                .contains("scripts/refresh-trust-store.sh");
        JsonNode findings = JSON.readTree(alert.findingsJson());
        assertThat(findings.get(0).get("code").asText()).isEqualTo("TRUST_STORE_STALE");
    }

    @Test
    void staleTrustStore_belowMinSeverity_isNotPublished() {
        assertThat(new AlertBuilder(Severity.ERROR).alerts(staleRun())).isEmpty();
    }

    @Test
    void staleTrustStore_countsInTheMetrics() throws Exception {
        List<String> lines = EmfMetrics.lines(staleRun(), 10, Instant.parse("2027-06-01T00:00:00Z"));

        assertThat(JSON.readTree(lines.getFirst()).get(EmfMetrics.FINDINGS_WARNING).asInt()).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(1)).get(EmfMetrics.CODE_DIMENSION).asText()).isEqualTo("TRUST_STORE_STALE");
    }
}
