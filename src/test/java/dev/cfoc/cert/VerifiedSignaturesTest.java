package dev.cfoc.cert;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.Issued;
import dev.cfoc.sample.SamplePki.LeafSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedSignaturesTest {

    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Set<String> ORIGIN = Set.of("origin.example.com");

    private static SamplePki pki;
    private static CertificateRules rules;

    @BeforeAll
    static void createPki() {
        pki = SamplePki.create("Signatures");
        rules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(pki.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, CLOCK);
    }

    private static Issued leaf() {
        return pki.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))));
    }

    @Test
    void aRun_remembersEachDistinctSignatureThatVerified_once() {
        VerifiedSignatures signatures = VerifiedSignatures.forRun();
        Issued first = leaf();
        Issued second = leaf();

        assertThat(signatures.verifies(pki.intermediateCertificate(), first.certificate())).isTrue();
        assertThat(signatures.verifies(pki.intermediateCertificate(), copyOf(first.certificate()))).isTrue();
        assertThat(signatures.size()).isEqualTo(1);

        assertThat(signatures.verifies(pki.intermediateCertificate(), second.certificate())).isTrue();
        assertThat(signatures.verifies(pki.rootCertificate(), pki.intermediateCertificate())).isTrue();
        assertThat(signatures.size()).isEqualTo(3);
    }

    @Test
    void rulesForARun_verifyEachSignatureOfAChainOnce_acrossChecks_andEachRunHasItsOwnCache() {
        CertificateRules run = rules.forRun();
        Issued leaf = leaf();

        assertThat(run.verify(leaf.chain(), ORIGIN)).isEmpty();
        assertThat(run.signatures().size()).as("leaf by intermediate, intermediate by root").isEqualTo(2);
        assertThat(run.verify(leaf.chain(), ORIGIN)).isEmpty();
        assertThat(run.signatures().size()).isEqualTo(2);

        assertThat(rules.forRun().signatures().size()).as("another run starts empty").isZero();
        assertThat(rules.verify(leaf.chain(), ORIGIN)).isEmpty();
        assertThat(rules.signatures()).as("rules outside a run remember nothing").isSameAs(VerifiedSignatures.NONE);
    }

    @Test
    void aChainCheck_asksTheRunsCache() {
        VerifiedSignatures signatures = VerifiedSignatures.forRun();
        Issued leaf = leaf();

        assertThat(new Issuance(signatures).issued(pki.intermediateCertificate(), leaf.certificate())).isTrue();
        assertThat(signatures.size()).isEqualTo(1);
    }

    @Test
    void aSignatureThatDoesNotVerify_isNeverRemembered() {
        VerifiedSignatures signatures = VerifiedSignatures.forRun();
        X509Certificate forged = withSignatureByteFlipped(leaf().certificate());

        assertThat(signatures.verifies(pki.intermediateCertificate(), forged)).isFalse();
        assertThat(signatures.verifies(pki.intermediateCertificate(), forged)).isFalse();
        assertThat(signatures.size()).isZero();
    }

    @Test
    void theSameCertificate_underAnotherIssuersKey_isVerifiedAgain() {
        VerifiedSignatures signatures = VerifiedSignatures.forRun();
        X509Certificate certificate = leaf().certificate();
        SamplePki other = SamplePki.create("Signatures");  // same names, other keys

        assertThat(signatures.verifies(pki.intermediateCertificate(), certificate)).isTrue();
        assertThat(signatures.verifies(other.intermediateCertificate(), certificate)).isFalse();
    }

    @Test
    void forgedLeaf_withTheSameIssuerAndNames_isStillRejected_afterTheGenuineLeafWasCached() {
        CertificateRules run = rules.forRun();
        Issued genuine = leaf();
        X509Certificate forged = withSignatureByteFlipped(genuine.certificate());
        List<X509Certificate> forgedChain = List.of(forged, pki.intermediateCertificate());

        assertThat(run.verify(genuine.chain(), ORIGIN)).isEmpty();
        List<Problem> problems = run.verify(forgedChain, ORIGIN);

        assertThat(problems).isNotEmpty().isEqualTo(rules.verify(forgedChain, ORIGIN));
        assertThat(problems.getFirst().severity()).isEqualTo(Severity.ERROR);
        assertThat(problems.getFirst().code()).isIn(FindingCode.CERT_UNTRUSTED, FindingCode.CERT_CHAIN_INCOMPLETE);
        assertThat(run.verify(genuine.chain(), ORIGIN)).isEmpty();
    }

    /** The same certificate with the last byte of its signature changed: same issuer, names and dates. */
    private static X509Certificate withSignatureByteFlipped(X509Certificate certificate) {
        try {
            byte[] encoded = certificate.getEncoded();
            encoded[encoded.length - 1] ^= 0x01;
            X509Certificate forged = parse(encoded);
            assertThat(forged.getSubjectX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
            assertThat(forged.getIssuerX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
            return forged;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate copyOf(X509Certificate certificate) {
        try {
            return parse(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate parse(byte[] encoded) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    }
}
