package dev.cfoc.cert;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The certificate signatures one run has already verified, so that a signature shared by hundreds of origins (one
 * wildcard leaf, one CA intermediate) is checked once per run (docs/benchmarks.md §10). A signature is identified by
 * the issuer's public key and the certificate's whole DER encoding (SHA-256 of both): a certificate that differs in
 * any byte, its signature included, is verified afresh. Only signatures that verified are remembered, so a failure is
 * never taken from the cache. Names, dates and the path are still judged per connection. Thread-safe; bounded to
 * {@link #MAX_ENTRIES} (then further signatures are verified every time, as without the cache).
 */
final class VerifiedSignatures {

    /** Decision: enough for every distinct chain of a large fleet; 32-byte keys, so about 0.5 MiB when full. */
    static final int MAX_ENTRIES = 4_096;

    /** No cache: every signature is verified every time. */
    static final VerifiedSignatures NONE = new VerifiedSignatures(0);

    private final int capacity;
    private final ConcurrentMap<ByteBuffer, Boolean> verified = new ConcurrentHashMap<>();

    private VerifiedSignatures(int capacity) {
        this.capacity = capacity;
    }

    /** An empty cache for one run. */
    static VerifiedSignatures forRun() {
        return new VerifiedSignatures(MAX_ENTRIES);
    }

    /** True when {@code issuer}'s public key verifies {@code certificate}'s signature. */
    boolean verifies(X509Certificate issuer, X509Certificate certificate) {
        if (capacity == 0) {
            return Issuance.signatureVerifies(issuer, certificate);
        }
        Optional<ByteBuffer> key = key(issuer, certificate);
        if (key.isEmpty() || (verified.size() >= capacity && !verified.containsKey(key.get()))) {
            return Issuance.signatureVerifies(issuer, certificate);
        }
        // probes that meet the same new signature at once wait for one verification (the first ones of a run are
        // the slowest: the JVM is still interpreting the signature code); a failure is not stored
        return verified.computeIfAbsent(key.get(),
                k -> Issuance.signatureVerifies(issuer, certificate) ? Boolean.TRUE : null) != null;
    }

    /** Number of signatures remembered (for tests). */
    int size() {
        return verified.size();
    }

    /** SHA-256 over the lengths and bytes of the issuer's encoded key and the certificate's encoding. */
    private static Optional<ByteBuffer> key(X509Certificate issuer, X509Certificate certificate) {
        try {
            byte[] issuerKey = issuer.getPublicKey().getEncoded();
            byte[] encoded = certificate.getEncoded();
            if (issuerKey == null || encoded == null) {
                return Optional.empty();
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(2 * Integer.BYTES).putInt(issuerKey.length).putInt(encoded.length).array());
            sha256.update(issuerKey);
            sha256.update(encoded);
            return Optional.of(ByteBuffer.wrap(sha256.digest()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // verified every time, as without the cache
        }
    }
}
