package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validity periods: every certificate sent must be within its period (an expired intermediate fails like an expired
 * leaf); any that ends within the warning window is reported as expiring soon.
 */
final class ValidityCheck {

    private final Instant now;
    private final Duration expiryWarning;

    ValidityCheck(Instant now, Duration expiryWarning) {
        this.now = now;
        this.expiryWarning = expiryWarning;
    }

    /**
     * Decision: every certificate the origin sends is checked, including ones after the point where the path reaches
     * an anchor, because every certificate in the chain must be in its validity period
     * (docs/cloudfront-rules.md#chain-validity). A certificate sent twice is reported once.
     */
    List<Problem> check(List<X509Certificate> chain, int leafIndex, Issuance issuance) {
        List<Problem> problems = new ArrayList<>();
        List<X509Certificate> seen = new ArrayList<>();
        for (int position = 0; position < chain.size(); position++) {
            X509Certificate certificate = chain.get(position);
            if (seen.contains(certificate)) {
                continue;
            }
            seen.add(certificate);
            String role = ChainText.role(chain, position, leafIndex, issuance);
            check(certificate, role).forEach(problems::add);
        }
        return problems;
    }

    private List<Problem> check(X509Certificate certificate, String role) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String name = role + " " + ChainText.subject(certificate);
        if (now.isAfter(notAfter)) {
            long daysAgo = Duration.between(notAfter, now).toDays();
            return List.of(new Problem(FindingCode.CERT_EXPIRED,
                    name + " expired on " + notAfter + " (" + days(daysAgo) + " ago)",
                    evidence(certificate, role, "expiredDaysAgo", daysAgo)));
        }
        if (now.isBefore(notBefore)) {
            long daysAhead = wholeDaysUntil(notBefore);
            return List.of(new Problem(FindingCode.CERT_NOT_YET_VALID,
                    name + " is not valid before " + notBefore + " (in " + days(daysAhead) + ")",
                    evidence(certificate, role, "validInDays", daysAhead)));
        }
        if (!notAfter.isAfter(now.plus(expiryWarning))) {
            long daysLeft = wholeDaysUntil(notAfter);
            return List.of(new Problem(FindingCode.CERT_EXPIRING_SOON,
                    name + " expires on " + notAfter + " (in " + days(daysLeft) + "; warning threshold "
                            + days(expiryWarning.toDays()) + ")",
                    evidence(certificate, role, "daysLeft", daysLeft)));
        }
        return List.of();
    }

    private Map<String, String> evidence(X509Certificate certificate, String role, String daysKey, long days) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("certificate", role);
        evidence.put("subject", ChainText.subject(certificate));
        evidence.put("issuer", ChainText.issuer(certificate));
        evidence.put("notBefore", certificate.getNotBefore().toInstant().toString());
        evidence.put("notAfter", certificate.getNotAfter().toInstant().toString());
        evidence.put(daysKey, Long.toString(days));
        evidence.put("checkedAt", now.toString());
        return evidence;
    }

    /** Rounded up: 11 days and 23 hours ahead reads "in 12 days", and a few hours reads "in 1 day", not "in 0 days". */
    private long wholeDaysUntil(Instant moment) {
        Duration ahead = Duration.between(now, moment);
        long days = ahead.toDays();
        return ahead.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
