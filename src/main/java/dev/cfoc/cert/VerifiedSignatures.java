package dev.cfoc.cert;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The certificate signatures one run has already verified, so that a signature shared by hundreds of origins (one
 * wildcard leaf, one CA intermediate) is checked once per run (docs/benchmarks.md §10). A signature is identified by
 * the issuer's encoded public key and the certificate's whole DER encoding, compared byte for byte: a certificate that
 * differs in any byte, its signature included, is verified afresh. Only signatures that verified are remembered, so a
 * failure is never taken from the cache. Names, dates and the path are still judged per chain. Thread-safe; bounded
 * to {@link #MAX_ENTRIES} signatures and {@link #MAX_BYTES} of keys (beyond them, signatures are verified every time,
 * as without the cache).
 */
final class VerifiedSignatures {

    /** Decision: enough for every distinct chain of a large fleet. */
    static final int MAX_ENTRIES = 4_096;

    /** Decision: at most this much memory for the keys (real certificates are 1–2 KiB; hostile ones can be 200). */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    /** No cache: every signature is verified every time. */
    static final VerifiedSignatures NONE = new VerifiedSignatures(0);

    private final int capacity;
    private final ConcurrentMap<ByteBuffer, Boolean> verified = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

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
        if (key.isEmpty()) {
            return Issuance.signatureVerifies(issuer, certificate);
        }
        if (verified.containsKey(key.get())) {
            return true;
        }
        if (verified.size() >= capacity || bytes.get() + key.get().capacity() > MAX_BYTES) {
            return Issuance.signatureVerifies(issuer, certificate);
        }
        // probes that meet the same new signature at once wait for one verification (the first ones of a run are
        // the slowest: the JVM is still interpreting the signature code); a failure is not stored
        return verified.computeIfAbsent(key.get(), k -> {
            if (!Issuance.signatureVerifies(issuer, certificate)) {
                return null;
            }
            bytes.addAndGet(k.capacity());
            return Boolean.TRUE;
        }) != null;
    }

    /** Number of signatures remembered (for tests). */
    int size() {
        return verified.size();
    }

    /** The lengths and bytes of the issuer's encoded key and of the certificate's encoding, as one key. */
    private static Optional<ByteBuffer> key(X509Certificate issuer, X509Certificate certificate) {
        try {
            byte[] issuerKey = issuer.getPublicKey().getEncoded();
            byte[] encoded = certificate.getEncoded();
            if (issuerKey == null || encoded == null) {
                return Optional.empty();
            }
            ByteBuffer key = ByteBuffer.allocate(2 * Integer.BYTES + issuerKey.length + encoded.length);
            key.putInt(issuerKey.length).putInt(encoded.length).put(issuerKey).put(encoded).flip();
            return Optional.of(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // verified every time, as without the cache
        }
    }
}
