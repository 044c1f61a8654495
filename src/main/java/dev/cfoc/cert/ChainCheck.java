package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the path found in a chain into CloudFront's chain findings: self-signed, untrusted (including a leaf issued
 * after its root's partial-distrust date), incomplete, order.
 */
final class ChainCheck {

    private final TrustAnchors anchors;

    ChainCheck(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    List<Problem> check(List<X509Certificate> chain, ChainPath path, Issuance issuance) {
        List<Problem> problems = new ArrayList<>();
        switch (path.end()) {
            case ANCHOR_REACHED -> partiallyDistrusted(chain, path).ifPresent(problems::add);
            case SELF_SIGNED_TOP -> problems.add(path.path().size() == 1
                    ? selfSigned(chain, path)
                    : untrusted(chain, path, issuance));
            case ISSUER_MISSING -> {
                List<String> signals = PublicIssuance.signals(path.path().stream().map(chain::get).toList(), anchors);
                problems.add(signals.isEmpty() ? privateIssuer(chain, path, issuance)
                        : incomplete(chain, path, issuance, signals));
            }
        }
        if (!path.inSentOrder()) {
            problems.add(order(chain, path, issuance));
        }
        return problems;
    }

    private Problem selfSigned(List<X509Certificate> chain, ChainPath path) {
        X509Certificate leaf = chain.get(path.leafIndex());
        Map<String, String> evidence = certificateEvidence("leaf", leaf);
        evidence.put("trustAnchors", anchors.description());
        return new Problem(FindingCode.CERT_SELF_SIGNED,
                "leaf " + ChainText.subject(leaf) + " is self-signed; CloudFront accepts only certificates issued by a CA "
                        + "in Mozilla's CA list", evidence);
    }

    private Problem untrusted(List<X509Certificate> chain, ChainPath path, Issuance issuance) {
        X509Certificate root = chain.get(path.top());
        String role = ChainText.role(chain, path.top(), path.leafIndex(), issuance);
        Map<String, String> evidence = certificateEvidence(role, root);
        evidence.put("chainAsSent", ChainText.sent(chain));
        evidence.put("trustAnchors", anchors.description());
        sameNameAnchorNote(root.getSubjectX500Principal()).ifPresent(note -> evidence.put("note", note));
        notOnPath(chain, path, evidence);
        return new Problem(FindingCode.CERT_UNTRUSTED,
                "the chain ends at " + role + " " + ChainText.subject(root)
                        + ", a self-signed root that is not in the trust store CloudFront uses (Mozilla's CA list)",
                evidence);
    }

    /**
     * Decision: Mozilla's partial distrust (NSS's "distrust after" for server authentication) is applied as Firefox
     * applies it: a leaf whose notBefore is after the date of the root its chain reaches is untrusted. AWS does not
     * document whether CloudFront applies these dates; CloudFront says it trusts Mozilla's list, and Mozilla's list
     * does not trust such a certificate, so we report it rather than risk a silent OK.
     */
    private Optional<Problem> partiallyDistrusted(List<X509Certificate> chain, ChainPath path) {
        X509Certificate leaf = chain.get(path.leafIndex());
        X509Certificate root = path.anchor().orElseThrow();
        if (root.equals(leaf)) {
            return Optional.empty();
        }
        Instant notBefore = leaf.getNotBefore().toInstant();
        return anchors.serverDistrustAfter(root)
                .filter(distrust -> notBefore.isAfter(distrust.after()))
                .map(distrust -> {
                    Map<String, String> evidence = certificateEvidence("leaf", leaf);
                    evidence.put("notBefore", notBefore.toString());
                    evidence.put("trustAnchor", ChainText.subject(root));
                    evidence.put("trustAnchorSha256", distrust.sha256());
                    evidence.put("distrustAfter", distrust.after().toString());
                    evidence.put("trustAnchors", anchors.description());
                    return new Problem(FindingCode.CERT_UNTRUSTED,
                            "leaf " + ChainText.subject(leaf) + " was issued (notBefore " + notBefore + ") after "
                                    + distrust.after() + ", the date after which Mozilla no longer trusts root "
                                    + distrust.label() + " for TLS server certificates (partial distrust). "
                                    + "Certificates issued before that date still chain to it; this one does not. "
                                    + "Decision: we apply Mozilla's date as Firefox does; AWS does not document "
                                    + "whether CloudFront applies it (docs/decisions.md)", evidence);
                });
    }

    /**
     * The issuer is missing and nothing in the chain marks it as a public CA's ({@link PublicIssuance}): a private CA,
     * which CloudFront does not trust whatever the origin sends.
     */
    private Problem privateIssuer(List<X509Certificate> chain, ChainPath path, Issuance issuance) {
        X509Certificate top = chain.get(path.top());
        String role = ChainText.role(chain, path.top(), path.leafIndex(), issuance);
        String issuer = ChainText.issuer(top);
        Map<String, String> evidence = certificateEvidence(role, top);
        evidence.put("neededIssuer", issuer);
        evidence.put("publicCaSignals", "none: no Certificate Transparency SCTs, no CA/Browser Forum certificate policy, "
                + "no trusted root of that name");
        evidence.put("chainAsSent", ChainText.sent(chain));
        evidence.put("trustAnchors", anchors.description());
        notOnPath(chain, path, evidence);
        return new Problem(FindingCode.CERT_UNTRUSTED,
                "the chain ends at " + role + " " + ChainText.subject(top) + ", issued by " + issuer + ", which the "
                        + "origin does not send and which is not in Mozilla's CA list; nothing in the chain marks it as "
                        + "a public CA (no Certificate Transparency SCTs, no CA/Browser Forum certificate policy), so it "
                        + "is taken for a private CA: CloudFront does not trust private CAs, and sending the full chain "
                        + "would not help. Use a certificate from a public CA (e.g. ACM behind a load balancer). If "
                        + issuer + " is in fact a public CA's intermediate, send it right after the " + role,
                evidence);
    }

    private Problem incomplete(List<X509Certificate> chain, ChainPath path, Issuance issuance, List<String> signals) {
        X509Certificate top = chain.get(path.top());
        String role = ChainText.role(chain, path.top(), path.leafIndex(), issuance);
        String needed = ChainText.issuer(top);
        var caIssuers = ChainText.caIssuersUrl(top);
        Map<String, String> evidence = certificateEvidence(role, top);
        evidence.put("neededIssuer", needed);
        caIssuers.ifPresent(url -> evidence.put("caIssuers", url));
        evidence.put("publicCaSignals", String.join("; ", signals));
        evidence.put("chainAsSent", ChainText.sent(chain));
        evidence.put("trustAnchors", anchors.description());
        sameNameAnchorNote(top.getIssuerX500Principal()).ifPresent(note -> evidence.put("note", note));
        notOnPath(chain, path, evidence);
        return new Problem(FindingCode.CERT_CHAIN_INCOMPLETE,
                "intermediate missing: " + role + " " + ChainText.subject(top) + " was issued by " + needed
                        + ", which the origin does not send and which is not a trusted root. CloudFront does not fetch "
                        + "missing intermediates (no AIA fetching), so the origin must send that certificate right after the "
                        + role + caIssuers.map(url -> " (it is published at " + url + ")").orElse("")
                        + ". If " + needed + " is a private CA, CloudFront will not trust the chain at all",
                evidence);
    }

    private Problem order(List<X509Certificate> chain, ChainPath path, Issuance issuance) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("chainAsSent", ChainText.sent(chain));
        evidence.put("expectedOrder", ChainText.positions(chain, path.path()));
        notOnPath(chain, path, evidence);
        String message;
        if (path.leafIndex() != 0) {
            message = "the first certificate sent, " + ChainText.subject(chain.get(0)) + ", is not the leaf: the leaf "
                    + ChainText.subject(chain.get(path.leafIndex())) + " is sent as #" + path.leafIndex()
                    + ". Send the leaf first, then each certificate followed by the one that issued it";
        } else {
            int step = path.firstMisplacedStep().orElseThrow();
            int issuerAt = path.path().get(step);
            int subjectAt = path.path().get(step - 1);
            message = ChainText.role(chain, issuerAt, path.leafIndex(), issuance) + " "
                    + ChainText.subject(chain.get(issuerAt)) + " issued #" + subjectAt + " "
                    + ChainText.subject(chain.get(subjectAt)) + " but is sent as #" + issuerAt + " instead of #" + step
                    + ". Send the leaf first, then each certificate followed by the one that issued it";
        }
        return new Problem(FindingCode.CERT_CHAIN_ORDER, message, evidence);
    }

    /**
     * Decision: certificates that are not on the path from the leaf (after the point where it reaches a trust anchor,
     * or unrelated) play no part in trust or order; the evidence lists them.
     */
    private static void notOnPath(List<X509Certificate> chain, ChainPath path, Map<String, String> evidence) {
        List<Integer> rest = path.notOnPath(chain.size());
        if (!rest.isEmpty()) {
            evidence.put("notOnPath", ChainText.positions(chain, rest) + " (ignored for trust and order)");
        }
    }

    private Optional<String> sameNameAnchorNote(X500Principal name) {
        return anchors.withSubject(name).isEmpty()
                ? Optional.empty()
                : Optional.of("a trusted root named " + name.getName() + " exists, but its key does not verify this "
                        + "certificate's signature (another root with the same name)");
    }

    private static Map<String, String> certificateEvidence(String role, X509Certificate certificate) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("certificate", role);
        evidence.put("subject", ChainText.subject(certificate));
        evidence.put("issuer", ChainText.issuer(certificate));
        evidence.put("notAfter", certificate.getNotAfter().toInstant().toString());
        return evidence;
    }
}
