package dev.cfoc.sample;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a sample origin presents: a certificate chain (as sent, order included) in Bouncy Castle's form, and its key. */
public final class ServerCredentials {

    private final List<byte[]> encodedChain;
    private final AsymmetricKeyParameter key;

    private ServerCredentials(List<byte[]> encodedChain, AsymmetricKeyParameter key) {
        this.encodedChain = encodedChain;
        this.key = key;
    }

    public static ServerCredentials of(SamplePki.Issued issued) {
        try {
            List<byte[]> encoded = new ArrayList<>();
            for (X509Certificate certificate : issued.chain()) {
                encoded.add(certificate.getEncoded());
            }
            return new ServerCredentials(List.copyOf(encoded),
                    PrivateKeyFactory.createKey(issued.privateKey().getEncoded()));
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("credentials: cannot convert the key or chain", e);
        }
    }

    AsymmetricKeyParameter key() {
        return key;
    }

    boolean isRsa() {
        return key instanceof RSAKeyParameters;
    }

    /** Whether this key can serve {@code suite}'s key exchange (TLS 1.3 suites: any key). */
    boolean canServe(int suite) {
        return switch (TlsUtils.getKeyExchangeAlgorithm(suite)) {
            case KeyExchangeAlgorithm.NULL -> true;
            case KeyExchangeAlgorithm.ECDHE_ECDSA -> !isRsa();
            case KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.DHE_RSA, KeyExchangeAlgorithm.RSA -> isRsa();
            default -> false;
        };
    }

    Certificate certificate(BcTlsCrypto crypto, boolean tls13) throws IOException {
        TlsCertificate[] certificates = new TlsCertificate[encodedChain.size()];
        for (int i = 0; i < certificates.length; i++) {
            certificates[i] = crypto.createCertificate(encodedChain.get(i));
        }
        if (!tls13) {
            return new Certificate(certificates);
        }
        CertificateEntry[] entries = Arrays.stream(certificates).map(c -> new CertificateEntry(c, null))
                .toArray(CertificateEntry[]::new);
        return new Certificate(TlsUtils.EMPTY_BYTES, entries);
    }
}
