package dev.cfoc.cert;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a chain says about the CA behind a missing issuer, when the chain stops at a certificate whose issuer is
 * neither sent nor a trusted root. We ship Mozilla's roots, not the thousands of intermediates below them, so the
 * missing certificate itself cannot be looked up; but a public CA marks what it issues, and a private CA does not:
 *
 * <ul>
 *   <li>embedded Certificate Transparency SCTs (extension 1.3.6.1.4.1.11129.2.4.2): browsers require them of every
 *       publicly trusted certificate, and CT logs accept only chains to public roots;</li>
 *   <li>a CA/Browser Forum reserved certificate policy (2.23.140.1.*): the Baseline Requirements (7.1.6.4) make public
 *       CAs put one in every TLS certificate;</li>
 *   <li>the missing issuer's name is the name of a trusted root (with another key: a re-keyed or cross-signed root).</li>
 * </ul>
 *
 * Decision: any of these marks the chain as a public CA's, whose intermediate the origin did not send
 * (CERT_CHAIN_INCOMPLETE: send the full chain); none of them marks it as a private CA's (CERT_UNTRUSTED: CloudFront
 * will not trust it even with the full chain; use a public certificate). Pure.
 */
final class PublicIssuance {

    static final String CT_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";
    static final String CERTIFICATE_POLICIES = "2.5.29.32";
    static final String CABF_POLICY_ARC = "2.23.140.1.";

    private PublicIssuance() {
    }

    /**
     * The marks of a public CA on the certificates of the path (leaf first), and on the missing issuer's name; empty
     * when there is none (a private CA).
     */
    static List<String> signals(List<X509Certificate> path, TrustAnchors anchors) {
        List<String> signals = new ArrayList<>();
        for (X509Certificate certificate : path) {
            String who = ChainText.subject(certificate);
            if (certificate.getExtensionValue(CT_SCT_LIST) != null) {
                signals.add(who + " carries Certificate Transparency SCTs");
            }
            cabfPolicy(certificate).ifPresent(oid -> signals.add(who + " carries the CA/Browser Forum policy " + oid));
        }
        X509Certificate top = path.getLast();
        if (!anchors.withSubject(top.getIssuerX500Principal()).isEmpty()) {
            signals.add("a trusted root is named " + ChainText.issuer(top));
        }
        return List.copyOf(signals);
    }

    private static Optional<String> cabfPolicy(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(CERTIFICATE_POLICIES);
        if (value == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive parsed = JcaX509ExtensionUtils.parseExtensionValue(value);
            for (PolicyInformation policy : CertificatePolicies.getInstance(parsed).getPolicyInformation()) {
                String oid = policy.getPolicyIdentifier().getId();
                if (oid.startsWith(CABF_POLICY_ARC)) {
                    return Optional.of(oid);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // a malformed extension marks nothing
        }
        return Optional.empty();
    }
}
