package dev.cfoc.probe;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureScheme;

import java.util.List;

/**
 * CloudFront's origin-side TLS client as data: the cipher suites, curves and signature schemes of the AWS page
 * "Supported protocols and ciphers between CloudFront and the origin" (see docs/cloudfront-origin-facts.md §2).
 * Versions come from each origin's OriginSslProtocols ({@link dev.cfoc.plan.ProbeTarget#tlsVersions()}).
 */
// lead: replace with plan.TlsProfile.CLOUDFRONT_ORIGIN
final class CloudFrontOriginProfile {

    /**
     * The 16 suites, in the order of the AWS table (ECDSA, then RSA). Bouncy Castle's crypto has no RC4, so
     * TLS_RSA_WITH_RC4_128_MD5 never reaches the wire: 15 of the 16 are offered (asserted by a wire-capture test).
     */
    static final List<Integer> CIPHER_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_RC4_128_MD5);

    /** X25519, prime256v1 (P-256), secp384r1 (P-384). */
    static final List<Integer> NAMED_GROUPS = List.of(NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1);

    /** RSA PKCS#1 v1.5 and ECDSA with SHA-256/384/512/224/SHA-1; no RSA-PSS. */
    static final List<Integer> SIGNATURE_SCHEMES = List.of(
            SignatureScheme.ecdsa_secp256r1_sha256,
            SignatureScheme.rsa_pkcs1_sha256,
            SignatureScheme.ecdsa_secp384r1_sha384,
            SignatureScheme.rsa_pkcs1_sha384,
            SignatureScheme.ecdsa_secp521r1_sha512,
            SignatureScheme.rsa_pkcs1_sha512,
            SignatureScheme.from(HashAlgorithm.sha224, SignatureAlgorithm.ecdsa),
            SignatureScheme.from(HashAlgorithm.sha224, SignatureAlgorithm.rsa),
            SignatureScheme.ecdsa_sha1,
            SignatureScheme.rsa_pkcs1_sha1);

    private CloudFrontOriginProfile() {
    }
}
