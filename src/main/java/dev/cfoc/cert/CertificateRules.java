package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * CloudFront's rules for an origin's certificate chain (docs/cloudfront-rules.md#502-certificate-rejected, #certificates): trust in Mozilla's CA list, strict order
 * (leaf, then each certificate followed by its issuer; no AIA fetching), validity of every certificate, no
 * self-signed leaf, and a leaf name covering one of the accepted names. Pure: no I/O. Immutable and thread-safe.
 *
 * <p>Certificates are named by role and position in the chain as sent: "leaf", "intermediate #1", "root #2".
 * Evidence keys: {@code certificate} (that name), {@code subject}, {@code issuer}, {@code notBefore}, {@code notAfter},
 * {@code expiredDaysAgo} / {@code validInDays} / {@code daysLeft}, {@code checkedAt}; for chain problems
 * {@code chainAsSent}, {@code expectedOrder}, {@code notOnPath}, {@code neededIssuer}, {@code caIssuers},
 * {@code trustAnchors}, {@code note}; for names {@code acceptedNames}, {@code subjectAltNames}, {@code commonName};
 * for an over-long chain {@code certificatesSent}, {@code certificatesExamined}.
 */
public final class CertificateRules implements CertificateVerifier {

    /** Warn about certificates that expire within this window (the CLI's --expiry-warning-days default). */
    public static final int DEFAULT_EXPIRY_WARNING_DAYS = 30;
    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(DEFAULT_EXPIRY_WARNING_DAYS);

    /**
     * Decision: only the first 16 certificates sent are examined, which bounds the signature checks per chain
     * (hostile origins can send hundreds). A longer chain is itself reported as TLS_HANDSHAKE_FAILED: real chains
     * have 2-5 certificates, AWS documents no limit, and TLS clients cap the length (the JDK at 10, s2n-tls at 7 by
     * default), so CloudFront's client may well abort the handshake.
     */
    public static final int MAX_CHAIN_LENGTH = 16;

    /** Within one severity, problems come in this order; any code not listed follows. */
    private static final List<FindingCode> ORDER = List.of(
            FindingCode.TLS_HANDSHAKE_FAILED, FindingCode.CERT_SELF_SIGNED, FindingCode.CERT_UNTRUSTED,
            FindingCode.CERT_CHAIN_INCOMPLETE, FindingCode.CERT_CHAIN_ORDER, FindingCode.CERT_EXPIRED,
            FindingCode.CERT_NOT_YET_VALID, FindingCode.CERT_NAME_MISMATCH, FindingCode.CERT_EXPIRING_SOON);

    private final TrustAnchors anchors;
    private final Duration expiryWarning;
    private final Clock clock;
    private final VerifiedSignatures signatures;

    public CertificateRules(TrustAnchors anchors, Duration expiryWarning, Clock clock) {
        this(anchors, expiryWarning, clock, VerifiedSignatures.NONE);
        if (expiryWarning.isNegative()) {
            throw new IllegalArgumentException("expiryWarning must not be negative, was " + expiryWarning);
        }
    }

    private CertificateRules(TrustAnchors anchors, Duration expiryWarning, Clock clock, VerifiedSignatures signatures) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatures = signatures;
    }

    /**
     * The same rules for one run: each distinct signature (issuer key, certificate bytes) that verifies is verified
     * once in the run ({@link VerifiedSignatures}); every other rule still applies to each chain. Thread-safe.
     */
    public CertificateRules forRun() {
        return new CertificateRules(anchors, expiryWarning, clock, VerifiedSignatures.forRun());
    }

    /** The signatures this run remembers ({@link VerifiedSignatures#NONE} outside a run); for tests. */
    VerifiedSignatures signatures() {
        return signatures;
    }

    /** Mozilla's CA list, the default 30-day warning, the system clock: what a real run uses. */
    public static CertificateRules cloudFront() {
        return new CertificateRules(TrustAnchors.mozilla(), DEFAULT_EXPIRY_WARNING, Clock.systemUTC());
    }

    public TrustAnchors anchors() {
        return anchors;
    }

    /**
     * All problems CloudFront would have with this chain, deduplicated, errors before warnings, in a stable order.
     *
     * @throws IllegalArgumentException when {@code acceptedNames} is empty
     */
    @Override
    public List<Problem> verify(List<X509Certificate> chain, Set<String> acceptedNames) {
        if (acceptedNames.isEmpty()) {
            throw new IllegalArgumentException("acceptedNames must hold at least one name the certificate should cover");
        }
        if (chain.isEmpty()) {
            return List.of(Problem.of(FindingCode.TLS_HANDSHAKE_FAILED, "origin sent no certificate"));
        }
        List<X509Certificate> examined = examined(chain);
        Issuance issuance = new Issuance(signatures);
        ChainPath path = ChainPath.of(examined, anchors, issuance);

        List<Problem> problems = new ArrayList<>();
        tooLong(chain).ifPresent(problems::add);
        problems.addAll(new ChainCheck(anchors).check(examined, path, issuance));
        problems.addAll(new ValidityCheck(clock.instant(), expiryWarning).check(examined, path.leafIndex(), issuance));
        nameMismatch(examined.get(path.leafIndex()), acceptedNames).ifPresent(problems::add);
        return ordered(problems);
    }

    /** The trust anchor the chain reaches, if any: lets a report say when trust comes only from an added root. */
    public Optional<X509Certificate> trustAnchorReached(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        return ChainPath.of(examined(chain), anchors, new Issuance(signatures)).anchor();
    }

    private static List<X509Certificate> examined(List<X509Certificate> chain) {
        return List.copyOf(chain.subList(0, Math.min(chain.size(), MAX_CHAIN_LENGTH)));
    }

    private static Optional<Problem> tooLong(List<X509Certificate> chain) {
        if (chain.size() <= MAX_CHAIN_LENGTH) {
            return Optional.empty();
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("certificatesSent", Integer.toString(chain.size()));
        evidence.put("certificatesExamined", Integer.toString(MAX_CHAIN_LENGTH));
        return Optional.of(new Problem(FindingCode.TLS_HANDSHAKE_FAILED,
                "origin sends a chain of " + chain.size() + " certificates; TLS clients limit chain length and CloudFront's "
                        + "limit is not documented. Send only the leaf and its intermediates. Only the first "
                        + MAX_CHAIN_LENGTH + " were checked", evidence));
    }

    private static Optional<Problem> nameMismatch(X509Certificate leaf, Set<String> acceptedNames) {
        if (HostnameMatcher.match(leaf, acceptedNames).isPresent()) {
            return Optional.empty();
        }
        List<String> sans = HostnameMatcher.dnsNames(leaf);
        Optional<String> commonName = HostnameMatcher.commonName(leaf);
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("certificate", "leaf");
        evidence.put("subject", ChainText.subject(leaf));
        evidence.put("acceptedNames", String.join(", ", HostnameMatcher.inStableOrder(acceptedNames)));
        evidence.put("subjectAltNames", sans.isEmpty() ? "(none)" : String.join(", ", sans));
        evidence.put("commonName", commonName.orElse("(none)"));
        String accepted = acceptedNames.size() == 1
                ? acceptedNames.iterator().next()
                : "any of " + evidence.get("acceptedNames");
        return Optional.of(new Problem(FindingCode.CERT_NAME_MISMATCH,
                "the certificate does not cover " + accepted + " (SANs: " + evidence.get("subjectAltNames")
                        + "; CN: " + evidence.get("commonName") + ")", evidence));
    }

    private static List<Problem> ordered(List<Problem> problems) {
        Comparator<Problem> bySeverity = Comparator.comparing(Problem::severity, Comparator.reverseOrder());
        Comparator<Problem> byCode = Comparator.comparingInt(problem -> {
            int rank = ORDER.indexOf(problem.code());
            return rank < 0 ? ORDER.size() : rank;
        });
        return new LinkedHashSet<>(problems).stream().sorted(bySeverity.thenComparing(byCode)).toList();
    }
}
