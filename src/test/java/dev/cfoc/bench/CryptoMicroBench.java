package dev.cfoc.bench;

import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.rfc7748.X25519;

import javax.crypto.KeyAgreement;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/**
 * The two public-key operations of every probe handshake (ECDHE with X25519, and verifying the server's P-256
 * ECDSA signature with a key seen for the first time), Bouncy Castle's lightweight API (what BcTlsCrypto uses) against
 * the JDK's providers (what JcaTlsCrypto would use). Not a test: {@code bench/crypto.sh} runs it.
 */
public final class CryptoMicroBench {

    private static final int ROUNDS = 6;
    private static final int OPERATIONS = 2000;

    private CryptoMicroBench() {
    }

    public static void main(String[] args) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair server = ec.generateKeyPair();
        byte[] message = new byte[200];
        SecureRandom random = new SecureRandom();
        random.nextBytes(message);
        Signature signer = Signature.getInstance("SHA384withECDSA");
        signer.initSign(server.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        byte[] encodedKey = server.getPublic().getEncoded();
        KeyPairGenerator xdh = KeyPairGenerator.getInstance("X25519");
        KeyPair peer = xdh.generateKeyPair();
        byte[] peerPublic = new byte[X25519.POINT_SIZE];
        byte[] peerPrivate = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, peerPrivate);
        X25519.generatePublicKey(peerPrivate, 0, peerPublic, 0);

        System.out.println("| round | ECDSA P-256 verify, BC ms | ECDSA P-256 verify, JDK ms | X25519 keygen+agree, BC ms "
                + "| X25519 keygen+agree, JDK ms |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int round = 1; round <= ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < OPERATIONS; i++) {
                DSADigestSigner verifier = new DSADigestSigner(new ECDSASigner(), new SHA384Digest());
                verifier.init(false, PublicKeyFactory.createKey(encodedKey)); // a fresh key, as in every handshake
                verifier.update(message, 0, message.length);
                check(verifier.verifySignature(signature));
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < OPERATIONS; i++) {
                Signature verifier = Signature.getInstance("SHA384withECDSA");
                verifier.initVerify(java.security.KeyFactory.getInstance("EC")
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(encodedKey)));
                verifier.update(message);
                check(verifier.verify(signature));
            }
            long t2 = System.nanoTime();
            byte[] secret = new byte[X25519.POINT_SIZE];
            for (int i = 0; i < OPERATIONS; i++) {
                byte[] privateKey = new byte[X25519.SCALAR_SIZE];
                byte[] publicKey = new byte[X25519.POINT_SIZE];
                X25519.generatePrivateKey(random, privateKey);
                X25519.generatePublicKey(privateKey, 0, publicKey, 0);
                check(X25519.calculateAgreement(privateKey, 0, peerPublic, 0, secret, 0));
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < OPERATIONS; i++) {
                KeyPair mine = xdh.generateKeyPair();
                KeyAgreement agreement = KeyAgreement.getInstance("X25519");
                agreement.init(mine.getPrivate());
                agreement.doPhase(peer.getPublic(), true);
                check(agreement.generateSecret().length == 32);
            }
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.3f |%n", round, ms(t1 - t0), ms(t2 - t1),
                    ms(t3 - t2), ms(t4 - t3));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6 / OPERATIONS;
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("crypto operation failed");
        }
    }
}
