package dev.cfoc.probe;

import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

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
}
