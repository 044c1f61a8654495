package dev.cfoc.cert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfoc.check.Checker;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.AddressPolicy;
import dev.cfoc.probe.CheckerNetwork;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.MarkdownReportWriter;
import dev.cfoc.report.Report;
import dev.cfoc.report.TextReportWriter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of the engine (what the CLI and the Lambda both use) says by itself when the bundled list has grown old: the
 * age comes from the bundle's date and the run's clock, so a deployed checker nobody rebuilt warns on its own.
 */
class StaleTrustStoreRunTest {

    private static final TrustAnchors MOZILLA = TrustAnchors.mozilla();
    private static final TrustListRelease RELEASE = MOZILLA.release().orElseThrow();

    private static Report runAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var rules = new CertificateRules(MOZILLA, CertificateRules.DEFAULT_EXPIRY_WARNING, clock);
        var runner = new ProbeRunner(new OriginProber(HostResolver.fixed(Map.of()), rules,
                AddressPolicy.publicOnly(CheckerNetwork.notPrivate())));
        return new Checker(new Planner(), runner, clock).check(List.of(), PolicyCatalog.empty(),
                Report.TrustAnchorsNote.of(MOZILLA));
    }

    private static Instant daysAfterTheList(long days) {
        return RELEASE.date().plusDays(days).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Test
    void freshList_addsNothing() {
        Report report = runAt(daysAfterTheList(TrustListRelease.MAX_AGE_DAYS));

        assertThat(report.runFindings()).isEmpty();
        assertThat(report.summary().warnings()).isZero();
        assertThat(report.hasFindingsAtLeast(Severity.WARNING)).isFalse();
    }

    @Test
    void staleList_addsOneWarningAboutTheRun_thatCountsLikeAnyOther() {
        Report report = runAt(daysAfterTheList(TrustListRelease.MAX_AGE_DAYS + 1));

        assertThat(report.runFindings()).extracting(Finding::code).containsExactly(FindingCode.TRUST_STORE_STALE);
        assertThat(report.runFindings().getFirst().isAboutAnOrigin()).isFalse();
        assertThat(report.summary().warnings()).isEqualTo(1);
        assertThat(report.hasFindingsAtLeast(Severity.WARNING)).as("--fail-on warning").isTrue();
        assertThat(report.count(FindingCode.TRUST_STORE_STALE)).isEqualTo(1);
        assertThat(report.withDistributions(List.of()).summary().warnings()).as("kept when distributions change")
                .isEqualTo(1);
    }

    @Test
    void json_carriesTheListReleaseAndTheRunFindings_addedFieldsOnly() throws Exception {
        Report report = runAt(daysAfterTheList(TrustListRelease.MAX_AGE_DAYS + 1));

        JsonNode json = new JsonReportWriter().toJson(report);

        JsonNode anchors = json.get("trustAnchors");
        assertThat(anchors.get("source").asText()).isEqualTo(MOZILLA.description());
        assertThat(anchors.get("addedRoots").isArray()).isTrue();
        assertThat(anchors.get("listSource").asText()).isEqualTo(RELEASE.source());
        assertThat(anchors.get("listVersion").asText()).isEqualTo(RELEASE.version());
        assertThat(anchors.get("listDate").asText()).isEqualTo(RELEASE.date().toString());
        assertThat(anchors.get("listRefreshed").asText()).isEqualTo(RELEASE.refreshed().toString());
        assertThat(anchors.get("listMaxAgeDays").asInt()).isEqualTo(TrustListRelease.MAX_AGE_DAYS);
        assertThat(anchors.get("serverDistrustAfter")).hasSize(MOZILLA.serverDistrusts().size());
        assertThat(anchors.get("serverDistrustAfter").get(0).get("distrustAfter").asText())
                .isEqualTo(MOZILLA.serverDistrusts().getFirst().after().toString());
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("TRUST_STORE_STALE");
        assertThat(finding.get("severity").asText()).isEqualTo("WARNING");
        assertThat(finding.get("originId").isNull()).isTrue();
        assertThat(finding.get("message").asText()).contains(RELEASE.date().toString())
                .contains("scripts/refresh-trust-store.sh");
        assertThat(json.get("summary").get("warnings").asInt()).isEqualTo(1);
        assertThat(json.get("distributions")).isEmpty();
    }

    @Test
    void json_ofAnotherTrustStore_hasNullListFields() {
        var anchors = TrustAnchors.of("test roots", List.of(dev.cfoc.sample.SamplePki.create("Other").rootCertificate()));
        Report report = new Report(Instant.now(), Report.TrustAnchorsNote.of(anchors), List.of(),
                new dev.cfoc.report.Summary(0, 0, 0, 0, 0));

        JsonNode json = new JsonReportWriter().toJson(report);

        assertThat(json.get("trustAnchors").get("listDate").isNull()).isTrue();
        assertThat(json.get("trustAnchors").get("serverDistrustAfter")).isEmpty();
        assertThat(json.get("findings")).isEmpty();
    }

    @Test
    void textAndMarkdown_showTheRunFindingBeforeTheDistributions() {
        Report report = runAt(daysAfterTheList(TrustListRelease.MAX_AGE_DAYS + 1));

        String text = new TextReportWriter().write(report);
        String markdown = new MarkdownReportWriter().write(report);

        assertThat(text).contains("[WARNING] the run itself").contains("WARNING TRUST_STORE_STALE")
                .contains("fix: Run scripts/refresh-trust-store.sh")
                .contains("partial distrust: " + MOZILLA.serverDistrusts().getFirst().label())
                .contains("1 warning;");
        assertThat(markdown).contains("## The run itself").contains("| `TRUST_STORE_STALE` | **WARNING** |")
                .contains("#### WARNING `TRUST_STORE_STALE` at the run");
    }
}
