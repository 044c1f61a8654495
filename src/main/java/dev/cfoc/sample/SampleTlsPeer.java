package dev.cfoc.sample;

import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;

/**
 * Bouncy Castle's view of a sample origin, one per connection: accepts the given versions and a broad set of modern
 * and legacy suites, and presents the credentials for the ClientHello's SNI ({@link #credentialsFor}) with a suite
 * and signature scheme their key can make. Open for extension: test origins narrow the suites, request client
 * certificates or record the ClientHello.
 */
public class SampleTlsPeer extends DefaultTlsServer {

    /** Every suite a sample origin can serve; the key type narrows it per connection. */
    private static final List<Integer> ALL_SUITES = List.of(
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BcTlsCrypto crypto;
    private final ServerCredentials defaultCredentials;
    private final List<TlsVersion> versions;
    private ServerCredentials credentials;

    public SampleTlsPeer(SampleTlsOrigin.Settings settings) {
        this(new BcTlsCrypto(RANDOM), settings);
    }

    private SampleTlsPeer(BcTlsCrypto crypto, SampleTlsOrigin.Settings settings) {
        super(crypto);
        this.crypto = crypto;
        this.defaultCredentials = settings.credentials();
        this.credentials = settings.credentials();
        this.versions = settings.versions();
    }

    /** The credentials presented to a ClientHello naming {@code serverName}; by default the origin's only ones. */
    protected ServerCredentials credentialsFor(String serverName) {
        return defaultCredentials;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions.stream().sorted(Comparator.reverseOrder())
                .map(v -> ProtocolVersion.get(v.wireValue() >> 8, v.wireValue() & 0xFF))
                .toArray(ProtocolVersion[]::new);
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return supported(ALL_SUITES);
    }

    /** Those of {@code suites} that Bouncy Castle can serve. */
    protected final int[] supported(List<Integer> suites) {
        return TlsUtils.getSupportedCipherSuites(crypto, suites.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable extensions) throws IOException {
        super.processClientExtensions(extensions);
        Vector names = TlsExtensionsUtils.getServerNameExtensionClient(extensions);
        if (names != null && !names.isEmpty()) {
            credentials = credentialsFor(new String(((ServerName) names.get(0)).getNameData(),
                    StandardCharsets.US_ASCII));
        }
    }

    @Override
    protected boolean selectCipherSuite(int suite) throws IOException {
        return credentials.canServe(suite) && super.selectCipherSuite(suite);
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        var parameters = context.getSecurityParametersHandshake();
        boolean tls13 = TlsUtils.isTLSv13(parameters.getNegotiatedVersion());
        Certificate certificate = credentials.certificate(crypto, tls13);
        if (!tls13 && parameters.getKeyExchangeAlgorithm() == KeyExchangeAlgorithm.RSA) {
            return new BcDefaultTlsCredentialedDecryptor(crypto, certificate, credentials.key());
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, credentials.key(),
                certificate, signatureAlgorithm(parameters.getClientSigAlgs(), parameters.getNegotiatedVersion(),
                tls13));
    }

    /** The first of the client's signature algorithms this key can make; null before TLS 1.2. */
    @SuppressWarnings("rawtypes")
    private SignatureAndHashAlgorithm signatureAlgorithm(Vector clientAlgorithms, ProtocolVersion version,
                                                         boolean tls13) throws IOException {
        if (!TlsUtils.isSignatureAlgorithmsExtensionAllowed(version)) {
            return null;
        }
        if (clientAlgorithms == null) {
            return SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha1,
                    credentials.isRsa() ? SignatureAlgorithm.rsa : SignatureAlgorithm.ecdsa);
        }
        for (Object candidate : clientAlgorithms) {
            SignatureAndHashAlgorithm algorithm = (SignatureAndHashAlgorithm) candidate;
            if (fits(algorithm, tls13)) {
                return algorithm;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no signature algorithm fits the key");
    }

    private boolean fits(SignatureAndHashAlgorithm algorithm, boolean tls13) {
        int scheme = SignatureScheme.from(algorithm);
        if (credentials.isRsa()) {
            boolean pss = scheme == SignatureScheme.rsa_pss_rsae_sha256 || scheme == SignatureScheme.rsa_pss_rsae_sha384
                    || scheme == SignatureScheme.rsa_pss_rsae_sha512;
            return pss || !tls13 && algorithm.getSignature() == SignatureAlgorithm.rsa;
        }
        return tls13 ? scheme == SignatureScheme.ecdsa_secp256r1_sha256
                : algorithm.getSignature() == SignatureAlgorithm.ecdsa;
    }
}
