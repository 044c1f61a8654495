package dev.cfoc.probe;

import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.RenegotiationPolicy;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.crypto.TlsCertificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bouncy Castle TLS client that offers exactly a {@link TlsOffer} (CloudFront's origin profile, or a diagnostic
 * set) with the given SNI, no session resumption and no renegotiation. It captures the server's certificate chain
 * without judging it: the chain is checked afterwards by a {@code cert.CertificateVerifier}.
 * One instance per handshake.
 * <p>
 * Besides the offer, Bouncy Castle adds the extensions it always sends (extended_master_secret, encrypt_then_mac,
 * ec_point_formats; supported_versions and key_share when TLS 1.3 is offered). AWS does not document CloudFront's
 * extension list; none of these changes which version or suite an origin can pick.
 */
public final class CloudFrontTlsClient extends DefaultTlsClient {

    /** RFC 5746 empty renegotiation_info: a single zero-length opaque. Sent so BC does not add the SCSV suite. */
    private static final byte[] EMPTY_RENEGOTIATION_INFO = {0};

    /**
     * Decision: the largest handshake message (in practice: the Certificate message) this client reads, 256 KiB.
     * AWS documents no limit. Real chains are a few KiB (a leaf with hundreds of SANs and two intermediates stays
     * under 64 KiB); Bouncy Castle's default of 32 KiB could reject an unusual but valid chain, while a hostile
     * origin could otherwise make each probe hold megabytes.
     */
    public static final int MAX_HANDSHAKE_MESSAGE_BYTES = 256 * 1024;

    /**
     * Decision: parse up to this many certificates, so that {@code cert.CertificateRules} judges long chains (it
     * examines the first 16 and reports the length). Bouncy Castle's default of 10 would abort the handshake on a
     * chain of 11–16 before the rules see it; {@link #MAX_HANDSHAKE_MESSAGE_BYTES} bounds the work anyway.
     */
    public static final int MAX_CERTIFICATES_PARSED = 1024;

    /** Bouncy Castle's messages for any failure while reading; they say nothing about the cause. */
    private static final Set<String> GENERIC_FAILURES = Set.of("Failed to read record", "Failed to process record",
            "Failed to write record");

    /** Bouncy Castle's detail when a handshake message exceeds {@link #getMaxHandshakeMessageSize()}. */
    private static final Pattern MESSAGE_TOO_LARGE =
            Pattern.compile("Handshake message length exceeds the maximum: (\\w+)(?:\\(\\d+\\))?, (\\d+) > (\\d+)");
    /** Bouncy Castle's detail when a chain exceeds {@link #getMaxCertificateChainLength()}. */
    private static final Pattern CHAIN_TOO_LONG = Pattern.compile("Certificate chain longer than maximum \\((\\d+)\\)");

    private final TlsOffer offer;
    private final Optional<String> sni;
    private final ServerCertificates certificates;

    private volatile List<X509Certificate> serverChain = List.of();
    private volatile Optional<TlsVersion> serverVersion = Optional.empty();
    private volatile OptionalInt selectedCipherSuite = OptionalInt.empty();
    private volatile Optional<String> alertReceived = Optional.empty();
    private volatile Optional<String> alertRaised = Optional.empty();
    private volatile Optional<String> limitExceeded = Optional.empty();
    private volatile boolean certificateRequested;

    public CloudFrontTlsClient(TlsOffer offer, Optional<String> sni) {
        this(offer, sni, ServerCertificates.none());
    }

    /** @param certificates the run's certificates: one that was received before is not decoded again */
    CloudFrontTlsClient(TlsOffer offer, Optional<String> sni, ServerCertificates certificates) {
        super(BcCrypto.create(certificates));
        this.offer = offer;
        this.sni = sni;
        this.certificates = certificates;
    }

    /** The chain as the server sent it (leaf first when correct); empty until the Certificate message arrived. */
    public List<X509Certificate> serverChain() {
        return serverChain;
    }

    /** The version of the ServerHello, when one arrived and was one of those offered. */
    public Optional<TlsVersion> serverVersion() {
        return serverVersion;
    }

    /** The cipher suite of the ServerHello, when one arrived and was valid. */
    public OptionalInt selectedCipherSuite() {
        return selectedCipherSuite;
    }

    /** A fatal alert the server sent, e.g. "handshake_failure(40)". */
    public Optional<String> alertReceived() {
        return alertReceived;
    }

    /** A fatal alert this client sent, with Bouncy Castle's reason. */
    public Optional<String> alertRaised() {
        return alertRaised;
    }

    /**
     * What exceeded this client's bounds, e.g. "the origin's certificate message is 4194304 bytes, more than the
     * 262144 bytes the checker reads; …", with advice.
     */
    public Optional<String> limitExceeded() {
        return limitExceeded;
    }

    /** True when the server sent a CertificateRequest (this client always answers with no certificate). */
    public boolean certificateRequested() {
        return certificateRequested;
    }

    @Override
    public int getMaxHandshakeMessageSize() {
        return MAX_HANDSHAKE_MESSAGE_BYTES;
    }

    @Override
    public int getMaxCertificateChainLength() {
        return MAX_CERTIFICATES_PARSED;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return offer.versions().stream().map(TlsNames::protocolVersion).toArray(ProtocolVersion[]::new);
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return offer.cipherSuites().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    protected Vector<Integer> getSupportedGroups(@SuppressWarnings("rawtypes") Vector namedGroupRoles) {
        return new Vector<>(offer.namedGroups());
    }

    @Override
    protected Vector<?> getSupportedSignatureAlgorithms() {
        Vector<Object> algorithms = new Vector<>();
        offer.signatureSchemes().forEach(s -> algorithms.add(SignatureScheme.getSignatureAndHashAlgorithm(s)));
        return algorithms;
    }

    @Override
    protected Vector<ServerName> getSNIServerNames() {
        return sni.map(name -> new Vector<>(List.of(
                        new ServerName(NameType.host_name, name.getBytes(StandardCharsets.US_ASCII)))))
                .orElse(null);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offer.offersBeforeTls13()) {
            extensions.put(ExtensionType.renegotiation_info, EMPTY_RENEGOTIATION_INFO);
        }
        return extensions;
    }

    @Override
    public TlsSession getSessionToResume() {
        return null;
    }

    @Override
    public int getRenegotiationPolicy() {
        return RenegotiationPolicy.DENY;
    }

    @Override
    public void notifyServerVersion(ProtocolVersion version) throws IOException {
        super.notifyServerVersion(version);
        serverVersion = TlsNames.tlsVersion(version);
    }

    @Override
    public void notifySelectedCipherSuite(int suite) {
        super.notifySelectedCipherSuite(suite);
        selectedCipherSuite = OptionalInt.of(suite);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        if (level == AlertLevel.fatal) {
            alertReceived = Optional.of(AlertDescription.getText(description));
        }
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        if (level == AlertLevel.fatal) {
            String text = AlertDescription.getText(description);
            String reason = cause != null && cause.getMessage() != null ? cause.getMessage()
                    : message != null ? message : "";
            if (reason.startsWith(text + "; ")) {
                reason = reason.substring(text.length() + 2);
            }
            boolean adds = !reason.isBlank() && !reason.equals(text) && !GENERIC_FAILURES.contains(reason);
            alertRaised = Optional.of(text + (adds ? ": " + reason : ""));
            limitExceeded = limitExceeded(reason);
        }
    }

    private static Optional<String> limitExceeded(String reason) {
        String chainAdvice = "; CloudFront's limit is not documented, real chains are a few KiB: send only the leaf "
                + "and its intermediates";
        Matcher tooLarge = MESSAGE_TOO_LARGE.matcher(reason);
        if (tooLarge.find()) {
            String type = tooLarge.group(1).replace('_', ' ');
            return Optional.of("the origin's " + type + " message is " + tooLarge.group(2) + " bytes, more than the "
                    + tooLarge.group(3) + " bytes the checker reads"
                    + (type.equals("certificate") ? chainAdvice : "; CloudFront's limit is not documented"));
        }
        Matcher tooLong = CHAIN_TOO_LONG.matcher(reason);
        if (tooLong.find()) {
            return Optional.of("the origin sends more than " + tooLong.group(1)
                    + " certificates, the most the checker reads" + chainAdvice);
        }
        return Optional.empty();
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                serverChain = toX509(serverCertificate.getCertificate().getCertificateList());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                certificateRequested = true;
                return null;
            }
        };
    }

    private List<X509Certificate> toX509(TlsCertificate[] received) throws IOException {
        try {
            List<X509Certificate> chain = new ArrayList<>(received.length);
            for (TlsCertificate certificate : received) {
                chain.add(certificates.x509(certificate));
            }
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "unparseable server certificate", e);
        }
    }
}
