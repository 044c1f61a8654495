package dev.cfoc.plan;

import java.util.List;

/**
 * The TLS client CloudFront uses towards origins, as data: the only place these values live.
 *
 * <p>Source: Amazon CloudFront Developer Guide, "Supported protocols and ciphers between CloudFront and the
 * origin" and API reference OriginSslProtocols (restated in docs/cloudfront-rules.md#tls-client), checked
 * 2026-11-27. Wire codes: IANA TLS parameters registries (RFC 5246, 5289, 8422, 7748, 8446 §4.2.3); the SHA-224
 * signature pairs are TLS 1.2 SignatureAndHashAlgorithm values (RFC 5246 §7.4.1.4.1: hash sha224 = 3).
 * CloudFront offers no TLS 1.3, no CHACHA20-POLY1305 and no RSA-PSS to origins, and does not renegotiate.
 *
 * @param versions         protocol versions CloudFront can speak to origins (OriginSslProtocols picks from them)
 * @param cipherSuites     suites offered, in the order listed by AWS
 * @param namedGroups      elliptic curves offered for ECDHE
 * @param signatureSchemes signature algorithms offered
 */
public record TlsProfile(String name, List<TlsVersion> versions, List<CipherSuite> cipherSuites,
                         List<NamedGroup> namedGroups, List<SignatureScheme> signatureSchemes) {

    /** A cipher suite by its OpenSSL name (as AWS lists it), IANA name and IANA code. */
    public record CipherSuite(String openSslName, String ianaName, int code) {
    }

    /** A TLS supported group by its IANA name and code. */
    public record NamedGroup(String name, int code) {
    }

    /** A TLS signature scheme (TLS 1.2 signature-and-hash pair) by name and code. */
    public record SignatureScheme(String name, int code) {
    }

    private static final List<CipherSuite> ORIGIN_CIPHER_SUITES = List.of(
            new CipherSuite("ECDHE-ECDSA-AES256-GCM-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", 0xC02C),
            new CipherSuite("ECDHE-ECDSA-AES256-SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", 0xC024),
            new CipherSuite("ECDHE-ECDSA-AES256-SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", 0xC00A),
            new CipherSuite("ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 0xC02B),
            new CipherSuite("ECDHE-ECDSA-AES128-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", 0xC023),
            new CipherSuite("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", 0xC009),
            new CipherSuite("ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", 0xC030),
            new CipherSuite("ECDHE-RSA-AES256-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", 0xC028),
            new CipherSuite("ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", 0xC014),
            new CipherSuite("ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xC02F),
            new CipherSuite("ECDHE-RSA-AES128-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", 0xC027),
            new CipherSuite("ECDHE-RSA-AES128-SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0xC013),
            new CipherSuite("AES256-SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", 0x0035),
            new CipherSuite("AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA", 0x002F),
            new CipherSuite("DES-CBC3-SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", 0x000A),
            new CipherSuite("RC4-MD5", "TLS_RSA_WITH_RC4_128_MD5", 0x0004));

    private static final List<NamedGroup> ORIGIN_NAMED_GROUPS = List.of(
            new NamedGroup("x25519", 29),
            new NamedGroup("secp256r1", 23),
            new NamedGroup("secp384r1", 24));

    private static final List<SignatureScheme> ORIGIN_SIGNATURE_SCHEMES = List.of(
            new SignatureScheme("rsa_pkcs1_sha256", 0x0401),
            new SignatureScheme("rsa_pkcs1_sha384", 0x0501),
            new SignatureScheme("rsa_pkcs1_sha512", 0x0601),
            new SignatureScheme("rsa_pkcs1_sha224", 0x0301),
            new SignatureScheme("rsa_pkcs1_sha1", 0x0201),
            new SignatureScheme("ecdsa_secp256r1_sha256", 0x0403),
            new SignatureScheme("ecdsa_secp384r1_sha384", 0x0503),
            new SignatureScheme("ecdsa_secp521r1_sha512", 0x0603),
            new SignatureScheme("ecdsa_sha224", 0x0303),
            new SignatureScheme("ecdsa_sha1", 0x0203));

    /** CloudFront towards a custom origin. SSLv3 is listed because CloudFront can use it; no probe can test it. */
    public static final TlsProfile CLOUDFRONT_ORIGIN = new TlsProfile("cloudfront-origin",
            List.of(TlsVersion.SSLV3, TlsVersion.TLSV1, TlsVersion.TLSV1_1, TlsVersion.TLSV1_2),
            ORIGIN_CIPHER_SUITES, ORIGIN_NAMED_GROUPS, ORIGIN_SIGNATURE_SCHEMES);

    /** CloudFront towards an S3 REST origin: always TLS 1.2. */
    public static final TlsProfile CLOUDFRONT_S3_ORIGIN = new TlsProfile("cloudfront-s3-origin",
            List.of(TlsVersion.TLSV1_2), ORIGIN_CIPHER_SUITES, ORIGIN_NAMED_GROUPS, ORIGIN_SIGNATURE_SCHEMES);

    public TlsProfile {
        versions = List.copyOf(versions);
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
        signatureSchemes = List.copyOf(signatureSchemes);
    }

    /** The versions a modern TLS stack can actually offer: all but SSLv3. */
    public List<TlsVersion> testableVersions() {
        return versions.stream().filter(v -> v != TlsVersion.SSLV3).toList();
    }

    public List<Integer> cipherSuiteCodes() {
        return cipherSuites.stream().map(CipherSuite::code).toList();
    }

    /** The suites as an OpenSSL cipher string (for reproduce commands). */
    public String openSslCipherString() {
        return String.join(":", cipherSuites.stream().map(CipherSuite::openSslName).toList());
    }

    /** The IANA name of a suite code, when the suite is in this profile. */
    public java.util.Optional<String> ianaName(int code) {
        return cipherSuites.stream().filter(s -> s.code() == code).map(CipherSuite::ianaName).findFirst();
    }
}
