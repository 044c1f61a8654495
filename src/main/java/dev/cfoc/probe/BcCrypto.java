package dev.cfoc.probe;

import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;

import java.security.SecureRandom;

/**
 * Bouncy Castle's lightweight TLS crypto, used for every probe handshake. Chosen over JcaTlsCrypto so that what is
 * offered does not depend on the JDK's providers or security policy (the same suites on every JVM).
 */
final class BcCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** For asking what Bouncy Castle can do; handshakes get their own instance. */
    static final BcTlsCrypto CAPABILITIES = create();

    private BcCrypto() {
    }

    static BcTlsCrypto create() {
        return new BcTlsCrypto(RANDOM);
    }

    /** For one handshake: X.509 certificates the run has received before are not decoded again. */
    static BcTlsCrypto create(ServerCertificates certificates) {
        return new BcTlsCrypto(RANDOM) {
            @Override
            public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
                return type == CertificateType.X509 ? certificates.tlsCertificate(this, encoding)
                        : super.createCertificate(type, encoding);
            }
        };
    }
}
