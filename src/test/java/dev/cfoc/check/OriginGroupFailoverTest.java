package dev.cfoc.check;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.Failover;
import dev.cfoc.plan.OriginPlan;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Verdict;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What an origin group's failing primary costs viewers: who fails over, who gets the error. Pure. */
class OriginGroupFailoverTest {

    private static final Set<Integer> STATUS_CODES = Set.of(500, 502, 503, 504);

    private static OriginPlan plan(String originId, Optional<Failover> failover) {
        return new OriginPlan(originId, originId + ".example.com", List.of(), List.of(), true, Map.of(), List.of(), failover);
    }

    private static Failover failover(String... otherMethods) {
        return new Failover(List.of("secondary"), STATUS_CODES, List.of(otherMethods));
    }

    private static Finding status(int code) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("request", "GET / HTTP/1.1");
        evidence.put("statusLine", "HTTP/1.1 " + code + " Service Unavailable");
        return new Finding(FindingCode.HTTP_5XX, "primary", OptionalInt.of(443), Optional.empty(),
                "the origin answered 'HTTP/1.1 " + code + " Service Unavailable'", evidence, Optional.empty());
    }

    private static List<OriginReport> apply(Failover failover, List<Finding> primary, List<Finding> secondary) {
        return OriginGroupFailover.apply(List.of(plan("primary", Optional.of(failover)), plan("secondary",
                Optional.empty())), List.of(SampleReports.origin("primary", primary),
                SampleReports.origin("secondary", secondary)));
    }

    @Test
    void failingPrimary_withAHealthySecondary_andOnlyGetHeadOptions_isAWarningNamingTheCause() {
        Finding refused = SampleReports.finding("primary", FindingCode.CERT_EXPIRED, "leaf expired");

        OriginReport primary = apply(failover(), List.of(refused), List.of()).getFirst();

        assertThat(primary.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(primary.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.FAILOVER_TO_SECONDARY);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("CERT_EXPIRED", "leaf expired", "fails over to secondary");
            assertThat(f.evidence()).containsEntry("cause", "CERT_EXPIRED").containsEntry("secondary", "secondary");
            assertThat(f.reproduce()).isEqualTo(refused.reproduce());
            assertThat(f.paths()).as("the requests it hits").isEqualTo(refused.paths()).isNotEmpty();
            assertThat(f.port()).isEqualTo(refused.port());
            assertThat(f.sni()).isEqualTo(refused.sni());
        });
    }

    @Test
    void behaviorsLettingOtherMethodsThrough_keepTheError_andSayWhoFailsOver() {
        Finding timeout = SampleReports.finding("primary", FindingCode.CONNECT_TIMEOUT, "no TCP connection");

        OriginReport primary = apply(failover("/api/* (DELETE, PATCH, POST, PUT)"), List.of(timeout), List.of())
                .getFirst();

        assertThat(primary.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(primary.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CONNECT_TIMEOUT);
            assertThat(f.message()).contains("GET, HEAD and OPTIONS requests fail over to secondary",
                    "/api/* (DELETE, PATCH, POST, PUT)");
            assertThat(f.message()).startsWith(timeout.message() + "; origin group: ");
            assertThat(f.paths()).isEqualTo(timeout.paths()).isNotEmpty();
            assertThat(f.evidence()).isEqualTo(timeout.evidence());
        });
    }

    @Test
    void aFailingSecondary_meansFailedOverRequestsFailToo() {
        Finding primaryDown = SampleReports.finding("primary", FindingCode.PORT_UNREACHABLE, "refused");
        Finding secondaryDown = SampleReports.finding("secondary", FindingCode.DNS_UNRESOLVABLE, "no such name");

        OriginReport primary = apply(failover(), List.of(primaryDown), List.of(secondaryDown)).getFirst();

        assertThat(primary.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.PORT_UNREACHABLE);
            assertThat(f.message()).contains("the secondary secondary fails too");
        });
    }

    @Test
    void anInvalidAnswer_isNoFailoverCriterion_andStaysAnError() {
        Finding garbage = SampleReports.finding("primary", FindingCode.HTTP_INVALID_RESPONSE, "SSH banner");

        OriginReport primary = apply(failover(), List.of(garbage), List.of()).getFirst();

        assertThat(primary.findings()).containsExactly(garbage);
        assertThat(primary.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void aStatusSaysWhetherItIsAFailoverCode() {
        List<OriginReport> among = apply(failover(), List.of(status(503)), List.of());
        List<OriginReport> notAmong = apply(new Failover(List.of("secondary"), Set.of(500), List.of()),
                List.of(status(503)), List.of());

        assertThat(among.getFirst().findings().getFirst().message())
                .contains("503 is a failover status: GET, HEAD and OPTIONS requests fail over to secondary");
        assertThat(notAmong.getFirst().findings().getFirst().message())
                .contains("503 is not among the group's failover status codes [500]: viewers get it");
    }

    @Test
    void originsWithoutFailover_areLeftAsTheyAre() {
        Finding expired = SampleReports.finding("secondary", FindingCode.CERT_EXPIRED, "leaf expired");
        List<OriginReport> reports = List.of(SampleReports.origin("secondary", List.of(expired)));

        assertThat(OriginGroupFailover.apply(List.of(plan("secondary", Optional.empty())), reports))
                .isEqualTo(reports);
    }
}
