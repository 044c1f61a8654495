package dev.cfoc.probe;

import dev.cfoc.plan.TlsProfile;
import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsUtils;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a ClientHello offers, exactly: the {@link CloudFrontTlsClient} puts these lists on the wire as given
 * (plus an empty renegotiation_info extension before TLS 1.3). The factories keep only what Bouncy Castle can
 * negotiate, so an offer is also what was really sent.
 *
 * @param versions         protocol versions, TLSv1 … TLSv1.3 (SSLv3 cannot be tested and is refused)
 * @param cipherSuites     IANA codes, in preference order
 * @param namedGroups      supported_groups codes
 * @param signatureSchemes signature_algorithms codes (sent only when TLS 1.2 or later is offered)
 */
public record TlsOffer(List<TlsVersion> versions, List<Integer> cipherSuites, List<Integer> namedGroups,
                       List<Integer> signatureSchemes) {

    private static final Set<Integer> CERTIFICATE_KEY_EXCHANGES = Set.of(KeyExchangeAlgorithm.NULL,
            KeyExchangeAlgorithm.ECDHE_ECDSA, KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.DHE_RSA,
            KeyExchangeAlgorithm.DHE_DSS, KeyExchangeAlgorithm.RSA);

    private static final List<Integer> KEY_EXCHANGE_PREFERENCE = List.of(KeyExchangeAlgorithm.NULL,
            KeyExchangeAlgorithm.ECDHE_ECDSA, KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.DHE_RSA,
            KeyExchangeAlgorithm.DHE_DSS, KeyExchangeAlgorithm.RSA);

    private static final List<Integer> ALL_GROUPS = List.of(NamedGroup.x25519, NamedGroup.secp256r1,
            NamedGroup.secp384r1, NamedGroup.secp521r1, NamedGroup.x448, NamedGroup.ffdhe2048, NamedGroup.ffdhe3072,
            NamedGroup.ffdhe4096);

    private static final List<Integer> ALL_SIGNATURE_SCHEMES = List.of(
            SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.ecdsa_secp384r1_sha384,
            SignatureScheme.ecdsa_secp521r1_sha512, SignatureScheme.ed25519, SignatureScheme.ed448,
            SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_rsae_sha384,
            SignatureScheme.rsa_pss_rsae_sha512, SignatureScheme.rsa_pss_pss_sha256,
            SignatureScheme.rsa_pss_pss_sha384, SignatureScheme.rsa_pss_pss_sha512,
            SignatureScheme.rsa_pkcs1_sha256, SignatureScheme.rsa_pkcs1_sha384, SignatureScheme.rsa_pkcs1_sha512,
            SignatureScheme.from(HashAlgorithm.sha224, SignatureAlgorithm.ecdsa),
            SignatureScheme.from(HashAlgorithm.sha224, SignatureAlgorithm.rsa),
            SignatureScheme.from(HashAlgorithm.sha256, SignatureAlgorithm.dsa),
            SignatureScheme.ecdsa_sha1, SignatureScheme.rsa_pkcs1_sha1,
            SignatureScheme.from(HashAlgorithm.sha1, SignatureAlgorithm.dsa));

    /** CloudFront's offers by set of versions: immutable, so every probe of a version set shares one. */
    private static final Map<Set<TlsVersion>, TlsOffer> CLOUDFRONT_OFFERS = new ConcurrentHashMap<>();

    public TlsOffer {
        versions = versions.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
        signatureSchemes = List.copyOf(signatureSchemes);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("versions: at least one TLS version must be offered");
        }
        if (versions.contains(TlsVersion.SSLV3)) {
            throw new IllegalArgumentException("versions: SSLv3 cannot be tested by a modern TLS stack");
        }
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("cipherSuites: at least one cipher suite must be offered");
        }
    }

    /**
     * CloudFront's origin profile for the given versions (OriginSslProtocols): its cipher suites, curves and
     * signature schemes, less what Bouncy Castle cannot negotiate (RC4).
     */
    public static TlsOffer cloudFront(Collection<TlsVersion> versions) {
        return CLOUDFRONT_OFFERS.computeIfAbsent(Set.copyOf(versions), TlsOffer::cloudFrontOffer);
    }

    private static TlsOffer cloudFrontOffer(Collection<TlsVersion> versions) {
        TlsProfile profile = TlsProfile.CLOUDFRONT_ORIGIN;
        return new TlsOffer(List.copyOf(versions), supported(profile.cipherSuiteCodes()),
                profile.namedGroups().stream().map(TlsProfile.NamedGroup::code).toList(),
                profile.signatureSchemes().stream().map(TlsProfile.SignatureScheme::code).toList());
    }

    /**
     * For diagnosis: one version, every certificate-based cipher suite Bouncy Castle can negotiate at it
     * (CHACHA20, CCM, ARIA, Camellia, TLS 1.3 suites, …), and every curve and signature scheme it knows.
     */
    public static TlsOffer everythingAt(TlsVersion version) {
        var protocol = TlsNames.protocolVersion(version);
        List<Integer> suites = TlsNames.allKnownCipherSuites().stream()
                .filter(suite -> !CipherSuite.isSCSV(suite))
                .filter(suite -> CERTIFICATE_KEY_EXCHANGES.contains(TlsUtils.getKeyExchangeAlgorithm(suite)))
                .filter(suite -> !isNullCipher(suite))
                .filter(suite -> TlsUtils.isSupportedCipherSuite(BcCrypto.CAPABILITIES, suite))
                .filter(suite -> TlsUtils.isValidVersionForCipherSuite(suite, protocol))
                .sorted(Comparator.comparingInt(
                        suite -> KEY_EXCHANGE_PREFERENCE.indexOf(TlsUtils.getKeyExchangeAlgorithm(suite))))
                .toList();
        return new TlsOffer(List.of(version), suites, supportedGroups(ALL_GROUPS),
                supportedSignatureSchemes(ALL_SIGNATURE_SCHEMES));
    }

    /** The same offer with other cipher suites. */
    public TlsOffer withCipherSuites(List<Integer> suites) {
        return new TlsOffer(versions, suites, namedGroups, signatureSchemes);
    }

    /** The same offer less some cipher suites; empty when none would be left. */
    public Optional<TlsOffer> without(Collection<Integer> suites) {
        List<Integer> left = cipherSuites.stream().filter(s -> !suites.contains(s)).toList();
        return left.isEmpty() ? Optional.empty() : Optional.of(withCipherSuites(left));
    }

    public boolean offersBeforeTls13() {
        return versions.stream().anyMatch(v -> v != TlsVersion.TLSV1_3);
    }

    private static boolean isNullCipher(int suite) {
        int encryption = TlsUtils.getEncryptionAlgorithm(suite);
        return encryption == EncryptionAlgorithm.NULL || encryption == EncryptionAlgorithm.NULL_HMAC_SHA256
                || encryption == EncryptionAlgorithm.NULL_HMAC_SHA384;
    }

    private static List<Integer> supported(List<Integer> suites) {
        return suites.stream().filter(s -> TlsUtils.isSupportedCipherSuite(BcCrypto.CAPABILITIES, s)).toList();
    }

    private static List<Integer> supportedGroups(List<Integer> groups) {
        return groups.stream().filter(BcCrypto.CAPABILITIES::hasNamedGroup).toList();
    }

    private static List<Integer> supportedSignatureSchemes(List<Integer> schemes) {
        return schemes.stream().filter(BcCrypto.CAPABILITIES::hasSignatureScheme).toList();
    }
}
