package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AffectedRequestsTest {

    private static Finding finding(FindingCode code, String... paths) {
        return SampleReports.finding("api", code, "message").withPaths(List.of(paths));
    }

    @Test
    void error_namesEveryPathAndAlias_andThe502() {
        assertThat(AffectedRequests.describe(finding(FindingCode.CERT_EXPIRED, "/api/*", "/static/*"),
                List.of("shop.example.com")))
                .hasValue("requests to `/api/*` and `/static/*` on shop.example.com will get 502");
    }

    @Test
    void timeouts_are504_andTheDefaultBehaviorIsNamedSo() {
        assertThat(AffectedRequests.describe(finding(FindingCode.ORIGIN_READ_TIMEOUT, "*"), List.of("a.example.com",
                "b.example.com"))).hasValue("requests to `*` (default behavior) on a.example.com and b.example.com "
                + "will get 504");
    }

    @Test
    void manyAliases_areCounted_andWarningsSayWhatHappens() {
        assertThat(AffectedRequests.describe(finding(FindingCode.CERT_EXPIRING_SOON, "/a/*", "/b/*", "/c/*"),
                List.of("a.example", "b.example", "c.example", "d.example", "e.example")))
                .hasValue("requests to `/a/*`, `/b/*` and `/c/*` on a.example, b.example, c.example and 2 more "
                        + "aliases will get 502 once the certificate expires");
    }

    @Test
    void aFirewallThatDropsCloudFront_is504_asTheFindingSays() {
        assertThat(AffectedRequests.describe(finding(FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT, "/api/*"),
                List.of("shop.example.com"))).hasValue("requests to `/api/*` on shop.example.com will get 504");
    }

    @Test
    void everyNotCheckedCode_saysTheConnectionWasNotChecked() {
        List.of(FindingCode.values()).stream().filter(FindingCode::meansNotChecked).forEach(code ->
                assertThat(AffectedRequests.describe(finding(code, "/api/*"), List.of("shop.example.com")))
                        .as(code.name())
                        .hasValue("requests to `/api/*` on shop.example.com go through a connection that was not "
                                + "checked"));
    }

    @Test
    void findingsWithoutPaths_sayNothing() {
        assertThat(AffectedRequests.describe(finding(FindingCode.SOURCE_UNAVAILABLE), List.of("x.example")))
                .isEmpty();
    }

    @Test
    void hosts_areTheAliases_elseTheCloudFrontDomain() {
        var withAliases = SampleReports.threeOrigins().distributions().getFirst();
        var withoutAliases = new DistributionReport(withAliases.id(), "test", Optional.of("d1.cloudfront.net"),
                List.of(), List.of());

        assertThat(AffectedRequests.hosts(withAliases)).containsExactly("www.example.com");
        assertThat(AffectedRequests.hosts(withoutAliases)).containsExactly("d1.cloudfront.net");
    }
}
