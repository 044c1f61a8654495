package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which release of Mozilla's CA list the bundled trust store was generated from, and when: what a report states, and
 * what tells a run, at run time, that the bundle has grown old (a deployed Lambda nobody rebuilt says so by itself).
 *
 * @param source    e.g. "Mozilla CA list (NSS builtin roots) via Debian libnss3"
 * @param version   e.g. "2:3.132-1 (NSS 3.132, builtin roots 2.92)"
 * @param date      when that release was published: the list's age counts from here
 * @param refreshed when scripts/refresh-trust-store.sh generated the bundle from it
 */
public record TrustListRelease(String source, String version, LocalDate date, LocalDate refreshed) {

    /**
     * Decision: a bundle whose list is older than this many days adds TRUST_STORE_STALE. Mozilla changes its list
     * several times a year (NSS releases every few weeks; roots are added and removed in most quarters), so after
     * half a year CERT_UNTRUSTED (and clean results) for the CAs changed since are likely wrong.
     */
    public static final int MAX_AGE_DAYS = 180;

    /** What to do about a stale list: the fix text of the finding and the README. */
    public static final String REFRESH = "run scripts/refresh-trust-store.sh, rebuild and redeploy the checker";

    public TrustListRelease {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(refreshed, "refreshed");
    }

    /** Whole days from the list's date to {@code now} (UTC). */
    public long ageInDays(Instant now) {
        return ChronoUnit.DAYS.between(date, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /** TRUST_STORE_STALE when the list is more than {@link #MAX_AGE_DAYS} days old at {@code now}. */
    public Optional<Problem> staleness(Instant now) {
        long age = ageInDays(now);
        if (age <= MAX_AGE_DAYS) {
            return Optional.empty();
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("listSource", source);
        evidence.put("listVersion", version);
        evidence.put("listDate", date.toString());
        evidence.put("listRefreshed", refreshed.toString());
        evidence.put("ageDays", Long.toString(age));
        evidence.put("maxAgeDays", Integer.toString(MAX_AGE_DAYS));
        evidence.put("checkedAt", now.toString());
        return Optional.of(new Problem(FindingCode.TRUST_STORE_STALE,
                "the bundled trust store (" + describe() + ") is " + age + " days old, more than " + MAX_AGE_DAYS
                        + ": roots Mozilla added or removed since " + date + " are not reflected, so CERT_UNTRUSTED "
                        + "and clean results for certificates of those CAs may be wrong. To refresh: " + REFRESH,
                evidence));
    }

    /** E.g. "Mozilla CA list (NSS builtin roots) via Debian libnss3 2:3.132-1 (NSS 3.132, builtin roots 2.92) of 2026-10-28". */
    public String describe() {
        return source + " " + version + " of " + date;
    }
}
