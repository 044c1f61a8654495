package dev.cfoc.plan;

import dev.cfoc.plan.TlsProfile.CipherSuite;
import dev.cfoc.plan.TlsProfile.NamedGroup;
import dev.cfoc.plan.TlsProfile.SignatureScheme;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The wire codes are checked against Bouncy Castle's registry constants, an independent copy of IANA's. */
class TlsProfileTest {

    private final TlsProfile profile = TlsProfile.CLOUDFRONT_ORIGIN;

    @Test
    void cipherSuites_areExactlyTheSixteenAwsLists_withIanaCodes() {
        assertThat(profile.cipherSuites()).extracting(CipherSuite::ianaName, CipherSuite::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256),
                org.assertj.core.groups.Tuple.tuple("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_RSA_WITH_AES_256_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_RSA_WITH_AES_128_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_RSA_WITH_3DES_EDE_CBC_SHA",
                        org.bouncycastle.tls.CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA),
                org.assertj.core.groups.Tuple.tuple("TLS_RSA_WITH_RC4_128_MD5",
                        org.bouncycastle.tls.CipherSuite.TLS_RSA_WITH_RC4_128_MD5));
    }

    @Test
    void cipherSuites_keepAwsOpenSslNames_andOfferNoChachaNoTls13() {
        assertThat(profile.cipherSuites()).extracting(CipherSuite::openSslName)
                .contains("ECDHE-RSA-AES128-GCM-SHA256", "AES256-SHA", "DES-CBC3-SHA", "RC4-MD5")
                .noneMatch(name -> name.contains("CHACHA"));
        assertThat(profile.cipherSuites()).extracting(CipherSuite::ianaName)
                .noneMatch(name -> name.startsWith("TLS_AES_") || name.startsWith("TLS_CHACHA20_"));
        assertThat(profile.cipherSuiteCodes()).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void namedGroups_areX25519P256P384() {
        assertThat(profile.namedGroups()).extracting(NamedGroup::name, NamedGroup::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("x25519", org.bouncycastle.tls.NamedGroup.x25519),
                org.assertj.core.groups.Tuple.tuple("secp256r1", org.bouncycastle.tls.NamedGroup.secp256r1),
                org.assertj.core.groups.Tuple.tuple("secp384r1", org.bouncycastle.tls.NamedGroup.secp384r1));
    }

    @Test
    void signatureSchemes_arePkcs1AndEcdsa_withSha1ToSha512_andNoPss() {
        Map<String, Integer> codes = profile.signatureSchemes().stream()
                .collect(java.util.stream.Collectors.toMap(SignatureScheme::name, SignatureScheme::code));

        assertThat(codes).containsOnly(
                entry("rsa_pkcs1_sha256", org.bouncycastle.tls.SignatureScheme.rsa_pkcs1_sha256),
                entry("rsa_pkcs1_sha384", org.bouncycastle.tls.SignatureScheme.rsa_pkcs1_sha384),
                entry("rsa_pkcs1_sha512", org.bouncycastle.tls.SignatureScheme.rsa_pkcs1_sha512),
                entry("rsa_pkcs1_sha224", org.bouncycastle.tls.SignatureScheme.from(HashAlgorithm.sha224,
                        SignatureAlgorithm.rsa)),
                entry("rsa_pkcs1_sha1", org.bouncycastle.tls.SignatureScheme.rsa_pkcs1_sha1),
                entry("ecdsa_secp256r1_sha256", org.bouncycastle.tls.SignatureScheme.ecdsa_secp256r1_sha256),
                entry("ecdsa_secp384r1_sha384", org.bouncycastle.tls.SignatureScheme.ecdsa_secp384r1_sha384),
                entry("ecdsa_secp521r1_sha512", org.bouncycastle.tls.SignatureScheme.ecdsa_secp521r1_sha512),
                entry("ecdsa_sha224", org.bouncycastle.tls.SignatureScheme.from(HashAlgorithm.sha224,
                        SignatureAlgorithm.ecdsa)),
                entry("ecdsa_sha1", org.bouncycastle.tls.SignatureScheme.ecdsa_sha1));
        assertThat(codes.get("rsa_pkcs1_sha224")).isEqualTo(0x0301);
        assertThat(codes.get("ecdsa_sha224")).isEqualTo(0x0303);
    }

    @Test
    void versions_listSslv3ButOnlyTlsIsTestable_andNeverTls13() {
        assertThat(profile.versions()).containsExactly(TlsVersion.SSLV3, TlsVersion.TLSV1, TlsVersion.TLSV1_1,
                TlsVersion.TLSV1_2);
        assertThat(profile.testableVersions()).containsExactly(TlsVersion.TLSV1, TlsVersion.TLSV1_1,
                TlsVersion.TLSV1_2);
    }

    @Test
    void s3Profile_isTls12Only_withTheSameSuites() {
        assertThat(TlsProfile.CLOUDFRONT_S3_ORIGIN.versions()).containsExactly(TlsVersion.TLSV1_2);
        assertThat(TlsProfile.CLOUDFRONT_S3_ORIGIN.cipherSuites()).isEqualTo(profile.cipherSuites());
    }
}
