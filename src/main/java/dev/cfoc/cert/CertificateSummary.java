package dev.cfoc.cert;

import java.time.Instant;
import java.util.List;

/** What a report shows of one certificate of a chain, in the order the origin sent it. */
public record CertificateSummary(
        String subject,
        String issuer,
        List<String> subjectAltNames,
        Instant notBefore,
        Instant notAfter,
        String serialNumber,
        String sha256Fingerprint,
        String publicKey,
        String signatureAlgorithm) {

    public CertificateSummary {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
