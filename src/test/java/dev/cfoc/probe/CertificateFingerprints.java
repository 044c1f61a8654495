package dev.cfoc.probe;

import dev.cfoc.cert.CertificateSummary;

import java.security.cert.X509Certificate;

/** The fingerprint a {@link CertificateSummary} shows, for comparing captured chains with issued ones. */
final class CertificateFingerprints {

    private CertificateFingerprints() {
    }

    static String of(X509Certificate certificate) {
        return CertificateSummary.of(certificate).sha256Fingerprint();
    }
}
