package dev.cfoc.cert;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;

/**
 * RFC 6125 name matching as CloudFront applies it to origin certificates: case-insensitive, a trailing dot ignored,
 * a wildcard only as the whole left-most label covering exactly one label.
 */
public final class HostnameMatcher {

    /** Where a certificate name came from. */
    public enum NameSource { SUBJECT_ALT_NAME, COMMON_NAME }

    /**
     * A certificate name that covers one of the accepted names.
     *
     * @param certificateName the name as written in the certificate (e.g. {@code *.example.com})
     * @param acceptedName    the accepted name it covers
     */
    public record NameMatch(String certificateName, String acceptedName, NameSource source) {
    }

    /**
     * Decision: the subject CN counts even when the certificate has subjectAltName dNSNames. AWS's pages say the
     * name must be in the "CN or SAN"; RFC 6125 would ignore the CN then. We follow AWS.
     */
    public static final boolean COMMON_NAME_COUNTS_WITH_SANS = true;

    /**
     * Decision: a wildcard needs at least this many labels after it ({@code *.com} covers nothing), as browsers and
     * the CA/Browser Forum rules do; AWS says nothing.
     */
    public static final int MIN_LABELS_AFTER_WILDCARD = 2;

    private static final int SAN_DNS_NAME = 2;

    private HostnameMatcher() {
    }

    /**
     * Whether a name written in a certificate covers {@code hostname}.
     * Decisions: {@code *} only as the entire left-most label; partial-label wildcards ({@code f*.example.com},
     * {@code *x.example.com}) and wildcards elsewhere ({@code a.*.example.com}) cover nothing, as RFC 6125 §6.4.3 allows
     * clients to refuse and modern clients do. {@code xn--} (IDN A-label) labels are compared as plain ASCII.
     * A hostname that is itself a wildcard (a wildcard alias) is covered by the identical certificate wildcard.
     */
    public static boolean matches(String certName, String hostname) {
        String pattern = normalize(certName);
        String host = normalize(hostname);
        if (pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        if (!pattern.contains("*")) {
            return pattern.equals(host);
        }
        if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = pattern.substring(2);
        if (suffix.split("\\.", -1).length < MIN_LABELS_AFTER_WILDCARD || suffix.startsWith(".") || suffix.contains("..")) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot + 1).equals(suffix);
    }

    /**
     * The certificate name (SAN dNSName first, then subject CN) that covers one of {@code acceptedNames};
     * empty when none does.
     */
    public static Optional<String> coveringName(X509Certificate certificate, Set<String> acceptedNames) {
        return match(certificate, acceptedNames).map(NameMatch::certificateName);
    }

    /** As {@link #coveringName}, saying also which accepted name is covered and where the certificate name came from. */
    public static Optional<NameMatch> match(X509Certificate certificate, Set<String> acceptedNames) {
        List<String> acceptedInOrder = inStableOrder(acceptedNames);
        for (String name : dnsNames(certificate)) {
            for (String accepted : acceptedInOrder) {
                if (matches(name, accepted)) {
                    return Optional.of(new NameMatch(name, accepted, NameSource.SUBJECT_ALT_NAME));
                }
            }
        }
        if (COMMON_NAME_COUNTS_WITH_SANS || dnsNames(certificate).isEmpty()) {
            Optional<String> commonName = commonName(certificate);
            for (String accepted : acceptedInOrder) {
                if (commonName.isPresent() && matches(commonName.get(), accepted)) {
                    return Optional.of(new NameMatch(commonName.get(), accepted, NameSource.COMMON_NAME));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The subjectAltName dNSNames, in certificate order. Decision: iPAddress SANs are not names CloudFront checks,
     * because an origin is addressed by a domain name.
     */
    public static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            var entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    if (entry.size() >= 2 && Integer.valueOf(SAN_DNS_NAME).equals(entry.get(0)) && entry.get(1) instanceof String name) {
                        names.add(name);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparseable extension presents no names; the mismatch finding then shows the certificate as it is.
        }
        return List.copyOf(names);
    }

    /** The subject's common name; with several CN attributes, the last (most specific), as OpenSSL does. */
    public static Optional<String> commonName(X509Certificate certificate) {
        try {
            Optional<String> last = Optional.empty();
            for (RDN rdn : X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs()) {
                for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                    if (attribute.getType().equals(BCStyle.CN)) {
                        var value = attribute.getValue();
                        last = Optional.of(value instanceof ASN1String text ? text.getString() : value.toString());
                    }
                }
            }
            return last;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The caller's order when it has one (SNI first, say), otherwise alphabetical, so results never vary by run. */
    static List<String> inStableOrder(Set<String> names) {
        return names instanceof SequencedSet<String> ? List.copyOf(names) : names.stream().sorted().toList();
    }

    private static String normalize(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
