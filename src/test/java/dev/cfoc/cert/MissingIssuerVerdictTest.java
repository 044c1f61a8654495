package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.Issued;
import dev.cfoc.sample.SamplePki.LeafSpec;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain whose top certificate's issuer is neither sent nor one of Mozilla's roots: CERT_CHAIN_INCOMPLETE ("send the
 * full chain") when the chain carries a public CA's marks, CERT_UNTRUSTED ("a private CA: use a public certificate")
 * when it carries none. Real chains generated here, checked against the bundled Mozilla list alone, as CloudFront.
 */
class MissingIssuerVerdictTest {

    private static final Set<String> ORIGIN = Set.of("origin.example.com");
    private static final CertificateRules CLOUDFRONT = CertificateRules.cloudFront();

    @Test
    void privateCa_leafWithoutItsIntermediate_isUntrusted_notIncomplete() {
        Issued leaf = SamplePki.createPrivate("Corp").issueLeaf(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = CLOUDFRONT.verify(List.of(leaf.certificate()), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_UNTRUSTED);
            assertThat(problem.message()).contains("taken for a private CA").contains("Use a certificate from a public CA")
                    .contains("CN=Corp Intermediate CA");
            assertThat(problem.evidence()).containsEntry("certificate", "leaf")
                    .containsEntry("neededIssuer", "CN=Corp Intermediate CA,O=cloudfront-origin-checker sample PKI");
            assertThat(problem.evidence().get("publicCaSignals")).startsWith("none");
        });
    }

    @Test
    void privateCa_chainWithoutItsRoot_isUntrusted() {
        Issued leaf = SamplePki.createPrivate("Corp").issueLeaf(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = CLOUDFRONT.verify(leaf.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_UNTRUSTED);
            assertThat(problem.evidence()).containsEntry("certificate", "intermediate #1");
        });
    }

    @Test
    void publicCa_leafWithoutItsIntermediate_isIncomplete_namingTheMark() {
        Issued leaf = SamplePki.create("Public").issueLeaf(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = CLOUDFRONT.verify(List.of(leaf.certificate()), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_INCOMPLETE);
            assertThat(problem.message()).startsWith("intermediate missing");
            assertThat(problem.evidence().get("publicCaSignals"))
                    .isEqualTo("CN=origin.example.com carries the CA/Browser Forum policy "
                            + SamplePki.CABF_DOMAIN_VALIDATED);
        });
    }

    @Test
    void leafWithCertificateTransparencySignatures_isIncomplete() throws Exception {
        KeyPair ca = keys();
        X509Certificate leaf = leaf(new X500Name("CN=CT Issuing CA,O=Somewhere"), ca, true);

        List<Problem> problems = CLOUDFRONT.verify(List.of(leaf), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_INCOMPLETE);
            assertThat(problem.evidence().get("publicCaSignals")).contains("Certificate Transparency SCTs");
        });
    }

    /** A cross-signed intermediate whose issuer is named as a root of the bundled list, with another key. */
    @Test
    void issuerNamedAsAMozillaRoot_isIncomplete_evenWithoutOtherMarks() throws Exception {
        X509Certificate mozillaRoot = TrustAnchors.mozilla().certificates().getFirst();
        X500Name rootName = X500Name.getInstance(mozillaRoot.getSubjectX500Principal().getEncoded());
        KeyPair impostorRoot = keys();
        KeyPair intermediateKeys = keys();
        X500Name intermediateName = new X500Name("CN=Cross-signed Intermediate,O=Somewhere");
        X509Certificate intermediate = certificate(intermediateName, intermediateKeys, rootName, impostorRoot, true,
                false);
        X509Certificate leaf = certificate(new X500Name("CN=origin.example.com"), keys(), intermediateName,
                intermediateKeys, false, false);

        List<Problem> problems = CLOUDFRONT.verify(List.of(leaf, intermediate), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_INCOMPLETE);
            assertThat(problem.evidence()).containsEntry("certificate", "intermediate #1").containsKey("note");
            assertThat(problem.evidence().get("publicCaSignals")).startsWith("a trusted root is named ");
        });
    }

    @Test
    void samePrivateLeaf_withItsRootAddedAsATrustAnchor_isFine() {
        SamplePki corp = SamplePki.createPrivate("Corp");
        Issued leaf = corp.issueLeaf(LeafSpec.forNames("origin.example.com"));
        var rules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(corp.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, java.time.Clock.systemUTC());

        assertThat(rules.verify(leaf.chain(), ORIGIN)).isEmpty();
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate leaf(X500Name issuer, KeyPair issuerKeys, boolean sct) throws Exception {
        return certificate(new X500Name("CN=origin.example.com"), keys(), issuer, issuerKeys, false, sct);
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
                                               KeyPair issuerKeys, boolean ca, boolean sct) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(90))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "origin.example.com")));
        }
        if (sct) {
            // the SCT list's content is not read: its presence is the mark (a real list is a TLS-encoded structure)
            builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(PublicIssuance.CT_SCT_LIST), false,
                    new DEROctetString(new byte[] {0, 0}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
