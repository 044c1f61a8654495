package dev.cfoc.cert;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

/**
 * Who issued whom: the issuer's subject DN equals the certificate's issuer DN AND the issuer's key verifies the
 * certificate's signature (a DN alone proves nothing). Results are remembered, so one chain check never verifies the
 * same pair twice; across the checks of a run, the run's {@link VerifiedSignatures} remembers the signatures that
 * verified. Not thread-safe: one instance per check.
 */
final class Issuance {

    private final Map<Pair, Boolean> verified = new HashMap<>();
    private final VerifiedSignatures signatures;

    Issuance() {
        this(VerifiedSignatures.NONE);
    }

    Issuance(VerifiedSignatures signatures) {
        this.signatures = signatures;
    }

    boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        return verified.computeIfAbsent(new Pair(issuer, certificate),
                pair -> signatures.verifies(pair.issuer(), pair.certificate()));
    }

    /** Subject equals issuer and its own key verifies its signature. */
    boolean selfSigned(X509Certificate certificate) {
        return issued(certificate, certificate);
    }

    static boolean signatureVerifies(X509Certificate issuer, X509Certificate certificate) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            // A hostile or broken certificate may make a provider throw anything: it simply does not verify.
            return false;
        }
    }

    /** Identity, not content: the same objects are asked about repeatedly, and content hashing costs more than it saves. */
    private record Pair(X509Certificate issuer, X509Certificate certificate) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pair pair && pair.issuer == issuer && pair.certificate == certificate;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(issuer) + System.identityHashCode(certificate);
        }
    }
}
