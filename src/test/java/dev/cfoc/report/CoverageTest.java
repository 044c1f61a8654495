package dev.cfoc.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Suppressed;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run planned and what it checked, counted from the not-checked findings; and how every summary says it. */
class CoverageTest {

    static final Instant AT = Instant.parse("2026-11-27T03:00:00Z");

    static Report report(List<DistributionReport> distributions) {
        return new Report(AT, new Report.TrustAnchorsNote("Mozilla CA list", List.of()), distributions,
                Summary.of(distributions, 42));
    }

    static DistributionReport distribution(String id, OriginReport... origins) {
        return new DistributionReport(Optional.of(id), "cloudfront-api", Optional.empty(), List.of(), List.of(origins),
                List.of(), Optional.of(true));
    }

    static OriginReport healthy(String id) {
        return SampleReports.origin(id, List.of());
    }

    /** One probe, not checked: the deadline came first. */
    static OriginReport deadline(String id) {
        return SampleReports.origin(id, List.of(SampleReports.finding(id, FindingCode.NOT_CHECKED_DEADLINE,
                "not checked: 0 s left")));
    }

    /** No probe at all: the origin could not be probed. */
    static OriginReport notProbed(String id) {
        List<Finding> findings = List.of(Finding.about(id, Problem.of(FindingCode.ORIGIN_NOT_PROBED, "VPC origin")));
        return new OriginReport(id, id + ".internal", Verdict.of(false, findings), Map.of(), List.of(), findings);
    }

    static DistributionReport unread(String id) {
        return DistributionReport.unread(id, "cloudfront-api", Finding.aboutDistribution(
                Problem.of(FindingCode.SOURCE_UNAVAILABLE, "GetDistribution " + id + ": AccessDenied")));
    }

    @Test
    void notCheckedCodes_areTheOnesThatMeanTheCheckerCouldNotSee() {
        assertThat(List.of(FindingCode.values()).stream().filter(FindingCode::meansNotChecked))
                .containsExactlyInAnyOrder(FindingCode.NOT_CHECKED_DEADLINE, FindingCode.ORIGIN_NOT_PROBED,
                        FindingCode.PROBE_INTERNAL_ERROR, FindingCode.SOURCE_UNAVAILABLE,
                        FindingCode.CHECKER_NO_ROUTE_TO_FAMILY, FindingCode.CHECKER_BLOCKED_BY_FIREWALL,
                        FindingCode.ORIGIN_PRIVATE_ANSWER)
                .doesNotContain(FindingCode.CERT_EXPIRED, FindingCode.POLICY_UNRESOLVED, FindingCode.DNS_UNRESOLVABLE);
    }

    @Test
    void everythingChecked_isComplete() {
        Coverage coverage = report(List.of(distribution("E1AAAAAAAAAAAA", healthy("web"), healthy("api")))).coverage();

        assertThat(coverage).isEqualTo(new Coverage(1, 1, 0, 2, 2, Map.of(), 0));
        assertThat(coverage.complete()).isTrue();
        assertThat(coverage.gaps()).isEmpty();
    }

    @Test
    void gaps_areCountedByCode_andUnreadDistributionsApart() {
        Coverage coverage = report(List.of(
                distribution("E1AAAAAAAAAAAA", healthy("web"), deadline("api"), notProbed("vpc")),
                distribution("E2BBBBBBBBBBBB", deadline("only")),
                unread("E3CCCCCCCCCCCC"))).coverage();

        assertThat(coverage.distributionsPlanned()).isEqualTo(3);
        assertThat(coverage.distributionsChecked()).as("E2's only connection was not checked; E3 was not read")
                .isEqualTo(1);
        assertThat(coverage.distributionsUnread()).isEqualTo(1);
        assertThat(coverage.connectionsPlanned()).isEqualTo(4);
        assertThat(coverage.connectionsChecked()).isEqualTo(1);
        assertThat(coverage.notChecked()).containsExactly(Map.entry(FindingCode.NOT_CHECKED_DEADLINE, 2),
                Map.entry(FindingCode.ORIGIN_NOT_PROBED, 1));
        assertThat(coverage.notCheckedTotal()).isEqualTo(4);
        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.gaps()).isEqualTo("1 distribution could not be read; 3 connections not checked "
                + "(NOT_CHECKED_DEADLINE 2, ORIGIN_NOT_PROBED 1)");
    }

    @Test
    void suppressedGap_isAcknowledged_notCheckedButNotIncomplete() {
        OriginReport vpc = notProbed("vpc");
        OriginReport acknowledged = vpc.withFindings(List.of(vpc.findings().getFirst()
                .suppressedBy(new Suppressed(LocalDate.parse("2026-12-31"), "VPC origin, checked from inside"))));

        Coverage coverage = report(List.of(distribution("E1AAAAAAAAAAAA", healthy("web"), acknowledged))).coverage();

        assertThat(coverage.connectionsPlanned()).isEqualTo(2);
        assertThat(coverage.connectionsChecked()).isEqualTo(1);
        assertThat(coverage.suppressedNotChecked()).isEqualTo(1);
        assertThat(coverage.complete()).isTrue();
        assertThat(acknowledged.verdict()).isEqualTo(Verdict.NOT_PROBED);
    }

    @Test
    void json_summaryHoldsTheCoverage() {
        JsonNode summary = new JsonReportWriter().toJson(report(List.of(
                distribution("E1AAAAAAAAAAAA", healthy("web"), deadline("api")), unread("E3CCCCCCCCCCCC"))))
                .get("summary");

        JsonNode coverage = summary.get("coverage");
        assertThat(coverage.get("complete").asBoolean()).isFalse();
        assertThat(coverage.get("distributions").get("planned").asInt()).isEqualTo(2);
        assertThat(coverage.get("distributions").get("checked").asInt()).isEqualTo(1);
        assertThat(coverage.get("connections").get("planned").asInt()).isEqualTo(2);
        assertThat(coverage.get("connections").get("checked").asInt()).isEqualTo(1);
        assertThat(coverage.get("connections").get("notChecked").get("NOT_CHECKED_DEADLINE").asInt()).isEqualTo(1);
        assertThat(summary.get("distributions").asInt()).as("the old field is kept").isEqualTo(2);
    }

    @Test
    void summaryLine_readsRightInEveryCase() {
        assertThat(SummaryLine.of(report(List.of()))).isEqualTo("no distribution to check; 0 errors, 0 warnings; 42 ms");
        assertThat(SummaryLine.of(report(List.of(distribution("E1AAAAAAAAAAAA", healthy("web"))))))
                .isEqualTo("1 distribution, 1 origin (1 OK), 1 connection; 0 errors, 0 warnings; 42 ms");
        assertThat(SummaryLine.of(report(List.of(distribution("E1AAAAAAAAAAAA", healthy("web"), healthy("api")),
                distribution("E2BBBBBBBBBBBB", healthy("app"))))))
                .isEqualTo("2 distributions, 3 origins (3 OK), 3 connections; 0 errors, 0 warnings; 42 ms");
        assertThat(SummaryLine.of(report(List.of(unread("E3CCCCCCCCCCCC")))))
                .isEqualTo("nothing checked; 1 distribution could not be read; 0 errors, 1 warning; 42 ms");
        assertThat(SummaryLine.of(report(List.of(distribution("E2BBBBBBBBBBBB", deadline("only"))))))
                .isEqualTo("nothing checked; 1 connection not checked (NOT_CHECKED_DEADLINE 1); 0 errors, 1 warning; 42 ms");
        assertThat(SummaryLine.of(report(List.of(distribution("E1AAAAAAAAAAAA", healthy("web"), deadline("api")),
                unread("E3CCCCCCCCCCCC")))))
                .isEqualTo("1 of 2 distributions checked, 2 origins (1 WARNING, 1 OK), 1 of 2 connections checked; "
                        + "incomplete: 1 distribution could not be read; 1 connection not checked "
                        + "(NOT_CHECKED_DEADLINE 1); 0 errors, 2 warnings; 42 ms");
    }

    @Test
    void textAndMarkdown_endWithTheSummaryLine() {
        Report report = report(List.of(unread("E3CCCCCCCCCCCC")));

        assertThat(new TextReportWriter().write(report)).contains("\nSummary: nothing checked; 1 distribution could "
                + "not be read; 0 errors, 1 warning; 42 ms\n").doesNotContain("origin(s): ;");
        assertThat(new MarkdownReportWriter().write(report)).contains("## Summary\n\nnothing checked; 1 distribution "
                + "could not be read; 0 errors, 1 warning; 42 ms\n");
    }
}
