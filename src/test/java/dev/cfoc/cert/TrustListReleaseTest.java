package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled list's age, judged at run time from its date and the clock. */
class TrustListReleaseTest {

    private static final TrustListRelease RELEASE = new TrustListRelease(
            "Mozilla CA list (NSS builtin roots) via Debian libnss3", "2:3.132-1 (NSS 3.132, builtin roots 2.92)",
            LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-30"));

    private static Instant daysAfterTheList(TrustListRelease release, long days) {
        return release.date().plusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Test
    void listOf180Days_isNotStale() {
        assertThat(RELEASE.staleness(daysAfterTheList(RELEASE, TrustListRelease.MAX_AGE_DAYS))).isEmpty();
    }

    @Test
    void listOf181Days_isStale_namingTheDateTheAgeAndHowToRefresh() {
        Instant now = daysAfterTheList(RELEASE, TrustListRelease.MAX_AGE_DAYS + 1);

        Problem problem = RELEASE.staleness(now).orElseThrow();

        assertThat(problem.code()).isEqualTo(FindingCode.TRUST_STORE_STALE);
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message())
                .contains("2:3.132-1 (NSS 3.132, builtin roots 2.92) of 2026-10-28")
                .contains("181 days old, more than 180")
                .contains("run scripts/refresh-trust-store.sh, rebuild and redeploy");
        assertThat(problem.evidence())
                .containsEntry("listDate", "2026-10-28")
                .containsEntry("listRefreshed", "2026-11-30")
                .containsEntry("ageDays", "181")
                .containsEntry("maxAgeDays", "180")
                .containsEntry("checkedAt", now.toString());
    }

    @Test
    void bundledList_isFreshOnItsOwnDate_andStaleHalfAYearLater() {
        TrustAnchors mozilla = TrustAnchors.mozilla();
        TrustListRelease release = mozilla.release().orElseThrow();

        assertThat(mozilla.staleness(daysAfterTheList(release, 0))).isEmpty();
        assertThat(mozilla.staleness(daysAfterTheList(release, TrustListRelease.MAX_AGE_DAYS + 1)))
                .get().extracting(Problem::code).isEqualTo(FindingCode.TRUST_STORE_STALE);
    }
}
