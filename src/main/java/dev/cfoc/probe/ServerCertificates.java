package dev.cfoc.probe;

import dev.cfoc.cert.CertificateSummary;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The server certificates one run has received, by their exact DER encoding, each decoded once however many origins
 * send it (most fleets send a handful of chains to hundreds of origins; docs/benchmarks.md §10): Bouncy Castle's
 * parsed certificate and its public key (whose point precomputation then also serves every later ECDSA verification
 * of that key), the JDK's {@link X509Certificate} and the report's {@link CertificateSummary}. Only decoding is shared:
 * every handshake still verifies the origin's signature over its own key exchange, and every chain is still judged
 * by the certificate rules. A certificate is the same only if every byte is. Thread-safe; bounded to
 * {@link #MAX_ENTRIES} certificates of at most {@link #MAX_CACHED_BYTES} each (others are decoded every time, as
 * without the cache), so a hostile origin cannot make a run hold more than a few MiB here.
 */
final class ServerCertificates {

    /** Decision: distinct certificates remembered per run; real fleets send far fewer. */
    static final int MAX_ENTRIES = 512;

    /** Decision: larger certificates (real ones are 1–2 KiB; 8 KiB with hundreds of names) are never remembered. */
    static final int MAX_CACHED_BYTES = 16 * 1024;

    private final int capacity;
    private final ConcurrentMap<ByteBuffer, Decoded> decoded = new ConcurrentHashMap<>();

    private ServerCertificates(int capacity) {
        this.capacity = capacity;
    }

    /** An empty cache for one run. */
    static ServerCertificates forRun() {
        return new ServerCertificates(MAX_ENTRIES);
    }

    /** No cache: every certificate is decoded every time. */
    static ServerCertificates none() {
        return new ServerCertificates(0);
    }

    /**
     * Bouncy Castle's certificate for one handshake, as {@code BcTlsCrypto.createCertificate} makes it (same parsing,
     * same failures), sharing what was decoded before.
     */
    TlsCertificate tlsCertificate(BcTlsCrypto crypto, byte[] encoding) throws IOException {
        Optional<Decoded> known = lookUp(encoding);
        if (known.isPresent()) {
            return new SharedCertificate(crypto, known.get());
        }
        if (!cacheable(encoding)) {
            return new BcTlsCertificate(crypto, encoding);
        }
        try {
            // probes that receive the same new certificate at once wait for one decoding
            return new SharedCertificate(crypto, decoded.computeIfAbsent(ByteBuffer.wrap(encoding.clone()), key -> {
                try {
                    return Decoded.of(BcTlsCertificate.parseCertificate(key.array()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // Bouncy Castle's own failure, as without the cache; nothing is stored
        }
    }

    /** The JDK's view of a certificate that Bouncy Castle received. */
    X509Certificate x509(TlsCertificate certificate) throws IOException, CertificateException {
        if (certificate instanceof SharedCertificate shared) {
            return shared.decoded.x509();
        }
        return parse(certificate.getEncoded());
    }

    /** What the report shows of a certificate; the same object for every origin that sent the same certificate. */
    CertificateSummary summary(X509Certificate certificate) {
        try {
            Optional<Decoded> known = lookUp(certificate.getEncoded());
            if (known.isPresent()) {
                return known.get().summary();
            }
        } catch (CertificateEncodingException e) {
            // summarised on its own below
        }
        return CertificateSummary.of(certificate);
    }

    /** Number of certificates remembered (for tests). */
    int size() {
        return decoded.size();
    }

    private Optional<Decoded> lookUp(byte[] encoding) {
        return cacheable(encoding) ? Optional.ofNullable(decoded.get(ByteBuffer.wrap(encoding))) : Optional.empty();
    }

    private boolean cacheable(byte[] encoding) {
        return capacity > 0 && encoding.length <= MAX_CACHED_BYTES
                && (decoded.size() < capacity || decoded.containsKey(ByteBuffer.wrap(encoding)));
    }

    private static X509Certificate parse(byte[] encoding) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoding));
    }

    /**
     * One distinct certificate, decoded once into every view. A view that fails to decode is left empty and fails
     * again, exactly as without the cache, where it is used.
     */
    private static final class Decoded {
        private final Certificate parsed;
        /** Bouncy Castle's DER encoding of it, what {@code BcTlsCertificate.getEncoded()} returns. */
        private final byte[] der;
        private volatile AsymmetricKeyParameter publicKey;
        private volatile X509Certificate x509;
        private volatile CertificateSummary summary;

        private Decoded(Certificate parsed, byte[] der) {
            this.parsed = parsed;
            this.der = der;
        }

        static Decoded of(Certificate parsed) throws IOException {
            Decoded decoded = new Decoded(parsed, parsed.getEncoded(ASN1Encoding.DER));
            try {
                decoded.publicKey = PublicKeyFactory.createKey(parsed.getSubjectPublicKeyInfo());
            } catch (IOException | RuntimeException e) {
                // Bouncy Castle fails on it when (and if) the handshake needs the key
            }
            try {
                decoded.summary();
            } catch (CertificateException | RuntimeException e) {
                // the JDK cannot read it: where the chain is converted or shown, it fails as without the cache
            }
            return decoded;
        }

        X509Certificate x509() throws CertificateException {
            X509Certificate certificate = x509;
            if (certificate == null) {
                certificate = parse(der);
                x509 = certificate;
            }
            return certificate;
        }

        CertificateSummary summary() throws CertificateEncodingException {
            CertificateSummary shown = summary;
            if (shown == null) {
                try {
                    shown = CertificateSummary.of(x509());
                } catch (CertificateException e) {
                    throw new CertificateEncodingException(e.getMessage());
                }
                summary = shown;
            }
            return shown;
        }
    }

    /** Bouncy Castle's certificate over a {@link Decoded} one: its parsed form and public key are shared. */
    private static final class SharedCertificate extends BcTlsCertificate {
        private final Decoded decoded;

        SharedCertificate(BcTlsCrypto crypto, Decoded decoded) {
            super(crypto, decoded.parsed);
            this.decoded = decoded;
        }

        @Override
        protected AsymmetricKeyParameter getPublicKey() throws IOException {
            AsymmetricKeyParameter key = decoded.publicKey;
            if (key == null) {
                key = super.getPublicKey(); // a key that does not decode throws here every time, as without sharing
                decoded.publicKey = key;
            }
            return key;
        }

        @Override
        public byte[] getEncoded() {
            return decoded.der.clone();
        }
    }
}
