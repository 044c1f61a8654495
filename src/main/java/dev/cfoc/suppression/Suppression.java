package dev.cfoc.suppression;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Suppressed;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One acknowledged finding: {@code code} on distribution {@code distributionId} (on one origin, or on any origin and
 * the distribution itself when {@code originId} is empty), until the end of {@code until} (UTC).
 */
public record Suppression(String distributionId, Optional<String> originId, FindingCode code, LocalDate until,
                          String reason) {

    /** Whether it covers {@code finding} of distribution {@code distributionId}. */
    public boolean covers(Optional<String> findingDistributionId, Finding finding) {
        return findingDistributionId.filter(distributionId::equals).isPresent()
                && finding.code() == code
                && originId.map(id -> finding.isAboutAnOrigin() && id.equals(finding.originId())).orElse(true);
    }

    /** Decision: {@code until} is inclusive: a suppression until 2026-12-31 still holds on that day (UTC). */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(until);
    }

    public Suppressed mark() {
        return new Suppressed(until, reason);
    }

    /** E.g. {@code CERT_EXPIRING_SOON on E2QWRUHAPOMQZL origin api}. */
    public String describe() {
        return code + " on " + distributionId + originId.map(o -> " origin " + o).orElse("");
    }
}
