package dev.cfoc.cert;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** How findings name certificates: by role and position in the chain as sent (the leaf is #0 when sent first). */
final class ChainText {

    private ChainText() {
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName();
    }

    /** "leaf", "intermediate #1", "root #2". */
    static String role(List<X509Certificate> chain, int position, int leafIndex, Issuance issuance) {
        if (position == leafIndex) {
            return "leaf";
        }
        return (issuance.selfSigned(chain.get(position)) ? "root #" : "intermediate #") + position;
    }

    /** "#0 CN=a (issued by CN=b); #1 CN=b (issued by CN=c)". */
    static String sent(List<X509Certificate> chain) {
        return positions(chain, IntStream.range(0, chain.size()).boxed().toList());
    }

    static String positions(List<X509Certificate> chain, List<Integer> positions) {
        return positions.stream()
                .map(position -> "#" + position + " " + subject(chain.get(position)) + " (issued by "
                        + issuer(chain.get(position)) + ")")
                .collect(Collectors.joining("; "));
    }

    /** The caIssuers URL of the Authority Information Access extension: where the issuer's certificate is published. */
    static Optional<String> caIssuersUrl(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            var access = AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_caIssuers)
                        && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    return Optional.of(description.getAccessLocation().getName().toString());
                }
            }
        } catch (RuntimeException e) {
            // A malformed extension gives no URL; the finding still names the issuer it needs.
        }
        return Optional.empty();
    }
}
