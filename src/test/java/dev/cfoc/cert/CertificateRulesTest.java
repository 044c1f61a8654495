package dev.cfoc.cert;

import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.Issued;
import dev.cfoc.sample.SamplePki.LeafSpec;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateRulesTest {

    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Set<String> ORIGIN = Set.of("origin.example.com");

    private static SamplePki pki;
    private static TrustAnchors anchors;
    private static CertificateRules rules;

    @BeforeAll
    static void createPki() {
        pki = SamplePki.create("Rules");
        anchors = TrustAnchors.mozilla().plus(List.of(pki.rootCertificate()));
        rules = new CertificateRules(anchors, CertificateRules.DEFAULT_EXPIRY_WARNING, CLOCK);
    }

    private static Issued leaf(String... names) {
        return pki.issueLeaf(LeafSpec.forNames(names).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))));
    }

    private static List<FindingCode> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    @Test
    void healthyChain_underAddedRoot_hasNoProblems() {
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = rules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).isEmpty();
        assertThat(rules.trustAnchorReached(leaf.chain())).contains(pki.rootCertificate());
        assertThat(anchors.isAdded(pki.rootCertificate())).isTrue();
    }

    @Test
    void chainIncludingTheRoot_hasNoProblems() {
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = rules.verify(chain(leaf.certificate(), pki.intermediateCertificate(), pki.rootCertificate()),
                ORIGIN);

        assertThat(problems).isEmpty();
    }

    @Test
    void emptyChain_isReportedAsHandshakeFailed() {
        List<Problem> problems = rules.verify(List.of(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.TLS_HANDSHAKE_FAILED);
            assertThat(problem.message()).isEqualTo("origin sent no certificate");
        });
    }

    @Test
    void noAcceptedNames_isRejectedAsBadInput() {
        assertThatThrownBy(() -> rules.verify(leaf("origin.example.com").chain(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acceptedNames");
    }

    @Test
    void expiredLeaf_isReportedAsCertExpired() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(3))));

        List<Problem> problems = rules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_EXPIRED);
            assertThat(problem.message()).startsWith("leaf CN=origin.example.com expired on").contains("3 days ago");
            assertThat(problem.evidence())
                    .containsEntry("certificate", "leaf")
                    .containsEntry("subject", "CN=origin.example.com")
                    .containsEntry("notAfter", leaf.certificate().getNotAfter().toInstant().toString())
                    .containsEntry("expiredDaysAgo", "3")
                    .containsKey("issuer");
        });
    }

    @Test
    void expiredIntermediate_isReportedAsCertExpired() {
        SamplePki expired = SamplePki.create("Expired", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)));
        CertificateRules expiredRules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(expired.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, CLOCK);
        Issued leaf = expired.issueLeaf(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = expiredRules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_EXPIRED);
            assertThat(problem.evidence())
                    .containsEntry("certificate", "intermediate #1")
                    .containsEntry("subject", expired.intermediateCertificate().getSubjectX500Principal().getName());
        });
    }

    @Test
    void sameExpiredIntermediateSentTwice_isReportedOnce() {
        SamplePki expired = SamplePki.create("Twice", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)));
        CertificateRules expiredRules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(expired.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, CLOCK);
        Issued leaf = expired.issueLeaf(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = expiredRules.verify(
                chain(leaf.certificate(), expired.intermediateCertificate(), expired.intermediateCertificate()), ORIGIN);

        assertThat(codes(problems)).containsExactly(FindingCode.CERT_EXPIRED);
    }

    @Test
    void notYetValidLeaf_isReportedAsCertNotYetValid() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(300))));

        List<Problem> problems = rules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_NOT_YET_VALID);
            assertThat(problem.evidence()).containsEntry("certificate", "leaf").containsEntry("validInDays", "5");
        });
    }

    @Test
    void leafExpiringWithinTheThreshold_isReportedAsExpiringSoonWithDaysLeft() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(12))));

        List<Problem> problems = rules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_EXPIRING_SOON);
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.message()).contains("in 12 days");
            assertThat(problem.evidence()).containsEntry("daysLeft", "12").containsEntry("certificate", "leaf");
        });
    }

    @Test
    void leafExpiringAfterTheThreshold_isNotReported() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(31))));

        assertThat(rules.verify(leaf.chain(), ORIGIN)).isEmpty();
    }

    @Test
    void leafExpiringExactlyAtTheThreshold_isReportedAsExpiringSoon_andOneSecondFurtherIsNot() {
        Issued leaf = leaf("origin.example.com");
        Instant thresholdAway = leaf.certificate().getNotAfter().toInstant()
                .minus(CertificateRules.DEFAULT_EXPIRY_WARNING);

        List<Problem> atTheThreshold = new CertificateRules(anchors, CertificateRules.DEFAULT_EXPIRY_WARNING,
                Clock.fixed(thresholdAway, ZoneOffset.UTC)).verify(leaf.chain(), ORIGIN);
        List<Problem> aSecondBefore = new CertificateRules(anchors, CertificateRules.DEFAULT_EXPIRY_WARNING,
                Clock.fixed(thresholdAway.minusSeconds(1), ZoneOffset.UTC)).verify(leaf.chain(), ORIGIN);

        assertThat(atTheThreshold).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_EXPIRING_SOON);
            assertThat(problem.evidence()).containsEntry("daysLeft",
                    String.valueOf(CertificateRules.DEFAULT_EXPIRY_WARNING_DAYS));
        });
        assertThat(aSecondBefore).isEmpty();
    }

    @Test
    void expiryWarningThreshold_isConfigurable() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(12))));
        CertificateRules weekly = new CertificateRules(anchors, Duration.ofDays(7), CLOCK);
        CertificateRules quarterly = new CertificateRules(anchors, Duration.ofDays(90), CLOCK);

        assertThat(weekly.verify(leaf.chain(), ORIGIN)).isEmpty();
        assertThat(codes(quarterly.verify(leaf.chain(), ORIGIN))).containsExactly(FindingCode.CERT_EXPIRING_SOON);
    }

    @Test
    void selfSignedLeaf_isReportedAsSelfSignedOnly() {
        Issued self = SamplePki.selfSigned(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = rules.verify(self.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_SELF_SIGNED);
            assertThat(problem.evidence()).containsEntry("subject", "CN=origin.example.com");
        });
    }

    @Test
    void selfSignedLeaf_addedAsTrustAnchor_passes() {
        Issued self = SamplePki.selfSigned(LeafSpec.forNames("origin.example.com"));
        CertificateRules trusting = new CertificateRules(anchors.plus(List.of(self.certificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, CLOCK);

        assertThat(trusting.verify(self.chain(), ORIGIN)).isEmpty();
        assertThat(trusting.trustAnchorReached(self.chain())).contains(self.certificate());
    }

    @Test
    void untrustedRootIncluded_isReportedAsUntrusted() {
        CertificateRules mozillaOnly = new CertificateRules(TrustAnchors.mozilla(), CertificateRules.DEFAULT_EXPIRY_WARNING,
                CLOCK);
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = mozillaOnly.verify(
                chain(leaf.certificate(), pki.intermediateCertificate(), pki.rootCertificate()), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_UNTRUSTED);
            assertThat(problem.message()).contains("CN=Rules Root CA");
            assertThat(problem.evidence())
                    .containsEntry("certificate", "root #2")
                    .containsKey("chainAsSent")
                    .containsEntry("trustAnchors", TrustAnchors.mozilla().description());
        });
    }

    @Test
    void rootNamedLikeATrustedRootButWithAnotherKey_isUntrusted_andTheNoteSaysATrustedRootHasThatName() {
        SamplePki impostor = SamplePki.create("Rules");
        Issued leaf = impostor.issueLeaf(LeafSpec.forNames("origin.example.com"));
        X509Certificate root = impostor.rootCertificate();

        List<Problem> problems = rules.verify(chain(leaf.certificate(), impostor.intermediateCertificate(), root),
                ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_UNTRUSTED);
            assertThat(problem.evidence()).containsEntry("certificate", "root #2").hasEntrySatisfying("note",
                    note -> assertThat(note).contains(root.getSubjectX500Principal().getName())
                            .contains("another root with the same name"));
        });
    }

    @Test
    void samplePkiChainWithoutRoot_underMozillaAlone_isNotTrusted() {
        CertificateRules mozillaOnly = CertificateRules.cloudFront();
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = mozillaOnly.verify(leaf.chain(), ORIGIN);

        assertThat(codes(problems)).containsExactly(FindingCode.CERT_CHAIN_INCOMPLETE);
        assertThat(problems.getFirst().message()).contains("private CA");
        assertThat(mozillaOnly.trustAnchorReached(leaf.chain())).isEmpty();
    }

    @Test
    void missingIntermediate_isReportedAsChainIncompleteNamingTheIssuerNeeded() {
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = rules.verify(List.of(leaf.certificate()), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_INCOMPLETE);
            assertThat(problem.message())
                    .startsWith("intermediate missing")
                    .contains("no AIA fetching")
                    .contains("CN=Rules Intermediate CA");
            assertThat(problem.evidence())
                    .containsEntry("certificate", "leaf")
                    .containsEntry("neededIssuer", pki.intermediateCertificate().getSubjectX500Principal().getName())
                    .doesNotContainKey("caIssuers");
        });
    }

    @Test
    void missingIntermediate_pointsAtTheCaIssuersUrlOfTheLeaf() {
        String url = "http://ca.example.net/rules-intermediate.der";
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com"), url);

        List<Problem> problems = rules.verify(List.of(leaf.certificate()), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_INCOMPLETE);
            assertThat(problem.message()).contains(url);
            assertThat(problem.evidence()).containsEntry("caIssuers", url);
        });
    }

    @Test
    void issuerWithTheRightNameButAnotherKey_doesNotCompleteTheChain() {
        SamplePki impostor = SamplePki.create("Rules");
        Issued leaf = impostor.issueLeaf(LeafSpec.forNames("origin.example.com"));

        List<Problem> problems = rules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_INCOMPLETE);
            assertThat(problem.evidence()).containsEntry("certificate", "intermediate #1").containsKey("note");
        });
    }

    @Test
    void rootSentBeforeTheIntermediate_isReportedAsChainOrder() {
        Issued leaf = leaf("origin.example.com");
        List<X509Certificate> sent = chain(leaf.certificate(), pki.rootCertificate(), pki.intermediateCertificate());

        List<Problem> problems = rules.verify(sent, ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_ORDER);
            assertThat(problem.message()).contains("is sent as #2 instead of #1");
            assertThat(problem.evidence().get("chainAsSent")).startsWith("#0 CN=origin.example.com")
                    .contains("#1 " + subject(pki.rootCertificate()));
            assertThat(problem.evidence().get("expectedOrder"))
                    .isEqualTo("#0 CN=origin.example.com (issued by " + subject(pki.intermediateCertificate()) + "); "
                            + "#2 " + subject(pki.intermediateCertificate()) + " (issued by " + subject(pki.rootCertificate()) + ")");
            assertThat(problem.evidence().get("notOnPath")).startsWith("#1 " + subject(pki.rootCertificate()));
        });
    }

    @Test
    void intermediateSentBeforeTheLeaf_isReportedAsChainOrderNotNameMismatch() {
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = rules.verify(chain(pki.intermediateCertificate(), leaf.certificate()), ORIGIN);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_CHAIN_ORDER);
            assertThat(problem.message()).contains("is not the leaf").contains("sent as #1");
            assertThat(problem.evidence().get("expectedOrder")).startsWith("#1 CN=origin.example.com").contains("; #0 ");
        });
    }

    @Test
    void unrelatedCertificateBetweenLeafAndIssuer_isReportedAsChainOrder() {
        Issued leaf = leaf("origin.example.com");
        Issued stranger = leaf("stranger.example.com");

        List<Problem> problems = rules.verify(
                chain(leaf.certificate(), stranger.certificate(), pki.intermediateCertificate()), ORIGIN);

        assertThat(codes(problems)).containsExactly(FindingCode.CERT_CHAIN_ORDER);
    }

    @Test
    void certificatesAfterTheAnchorPoint_areIgnored() {
        Issued leaf = leaf("origin.example.com");
        Issued stranger = SamplePki.selfSigned(LeafSpec.forNames("stranger.example.com"));

        List<Problem> problems = rules.verify(chain(leaf.certificate(), pki.intermediateCertificate(),
                pki.rootCertificate(), stranger.certificate()), ORIGIN);

        assertThat(problems).isEmpty();
    }

    @Test
    void nameMismatch_isReportedWithAcceptedNamesSansAndCommonName() {
        Issued leaf = leaf("www.example.org", "static.example.org");

        List<Problem> problems = rules.verify(leaf.chain(), new LinkedHashSet<>(List.of("origin.example.com", "www.example.com")));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.CERT_NAME_MISMATCH);
            assertThat(problem.evidence())
                    .containsEntry("acceptedNames", "origin.example.com, www.example.com")
                    .containsEntry("subjectAltNames", "www.example.org, static.example.org")
                    .containsEntry("commonName", "www.example.org");
        });
    }

    @Test
    void wildcardCertificate_coversOneLabelOnly() {
        Issued wildcard = leaf("*.example.com");

        assertThat(rules.verify(wildcard.chain(), Set.of("Origin.EXAMPLE.com"))).isEmpty();
        assertThat(codes(rules.verify(wildcard.chain(), Set.of("example.com"))))
                .containsExactly(FindingCode.CERT_NAME_MISMATCH);
        assertThat(codes(rules.verify(wildcard.chain(), Set.of("a.origin.example.com"))))
                .containsExactly(FindingCode.CERT_NAME_MISMATCH);
    }

    @Test
    void commonNameOnlyCertificate_passes() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("origin.example.com").commonNameOnly()
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))));

        assertThat(rules.verify(leaf.chain(), ORIGIN)).isEmpty();
    }

    @Test
    void certificateMatchingTheOriginDomainButNotTheHost_passes() {
        Issued leaf = leaf("origin.example.com");

        List<Problem> problems = rules.verify(leaf.chain(), Set.of("www.viewer-alias.com", "origin.example.com"));

        assertThat(problems).isEmpty();
    }

    @Test
    void expiredAndMismatchedLeafInWrongOrder_reportsEveryProblemErrorsFirstInAStableOrder() {
        Issued leaf = pki.issueLeaf(LeafSpec.forNames("other.example.org")
                .validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1))));
        SamplePki soon = SamplePki.create("Soon", NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(5)));
        List<X509Certificate> sent = chain(leaf.certificate(), pki.rootCertificate(), pki.intermediateCertificate(),
                soon.intermediateCertificate());

        List<Problem> first = rules.verify(sent, ORIGIN);
        List<Problem> second = rules.verify(sent, ORIGIN);

        assertThat(codes(first)).containsExactly(FindingCode.CERT_CHAIN_ORDER, FindingCode.CERT_EXPIRED,
                FindingCode.CERT_NAME_MISMATCH, FindingCode.CERT_EXPIRING_SOON);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void hugeHostileChain_isCheckedQuicklyAndReportedAsHandshakeFailed() {
        Issued leaf = leaf("origin.example.com");
        List<X509Certificate> decoys = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // Same intermediate name as the leaf's issuer, other keys: every one is a signature check candidate.
            decoys.add(SamplePki.create("Rules").intermediateCertificate());
        }
        List<X509Certificate> sent = new ArrayList<>(List.of(leaf.certificate()));
        while (sent.size() < 300) {
            sent.add(decoys.get(sent.size() % decoys.size()));
        }

        long started = System.nanoTime();
        List<Problem> problems = rules.verify(sent, ORIGIN);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(codes(problems)).startsWith(FindingCode.TLS_HANDSHAKE_FAILED).contains(FindingCode.CERT_CHAIN_INCOMPLETE);
        assertThat(problems.getFirst().evidence())
                .containsEntry("certificatesSent", "300")
                .containsEntry("certificatesExamined", String.valueOf(CertificateRules.MAX_CHAIN_LENGTH));
    }

    @Test
    void chainAtTheLengthLimit_isNotReportedAsTooLong() {
        Issued leaf = leaf("origin.example.com");
        List<X509Certificate> sent = new ArrayList<>(leaf.chain());
        while (sent.size() < CertificateRules.MAX_CHAIN_LENGTH) {
            sent.add(pki.rootCertificate());
        }

        assertThat(rules.verify(sent, ORIGIN)).isEmpty();
    }

    private static List<X509Certificate> chain(X509Certificate... certificates) {
        return List.of(certificates);
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
