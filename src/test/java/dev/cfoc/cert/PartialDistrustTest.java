package dev.cfoc.cert;

import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.Issued;
import dev.cfoc.sample.SamplePki.LeafSpec;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mozilla's partial distrust ("distrust after" for server authentication) on real generated chains: a root with a
 * distrust date, and leaves issued on either side of it (and on it).
 */
class PartialDistrustTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant DISTRUST_AFTER = NOW.minus(Duration.ofDays(30));
    private static final Set<String> ORIGIN = Set.of("origin.example.com");

    private static SamplePki pki;
    private static CertificateRules rules;

    @BeforeAll
    static void createPki() {
        pki = SamplePki.create("Partially Distrusted");
        TrustAnchors anchors = TrustAnchors.of("test roots", List.of(pki.rootCertificate()))
                .withServerDistrust(List.of(new ServerDistrustAfter(
                        CertificateSummary.sha256Fingerprint(pki.rootCertificate()), DISTRUST_AFTER,
                        "Partially Distrusted Root CA")));
        rules = new CertificateRules(anchors, CertificateRules.DEFAULT_EXPIRY_WARNING, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Issued leafIssuedAt(Instant notBefore) {
        return pki.issueLeaf(LeafSpec.forNames("origin.example.com").validity(notBefore, NOW.plus(Duration.ofDays(90))));
    }

    @Test
    void leafIssuedBeforeTheDate_isTrusted() {
        Issued leaf = leafIssuedAt(DISTRUST_AFTER.minus(Duration.ofDays(1)));

        assertThat(rules.verify(leaf.chain(), ORIGIN)).isEmpty();
    }

    @Test
    void leafIssuedOnTheDate_isTrusted() {
        Issued leaf = leafIssuedAt(DISTRUST_AFTER);

        assertThat(rules.verify(leaf.chain(), ORIGIN)).as("distrusted only when issued after the date").isEmpty();
    }

    @Test
    void leafIssuedAfterTheDate_isUntrusted_namingTheRootTheDateAndTheDecision() {
        Instant notBefore = DISTRUST_AFTER.plus(Duration.ofSeconds(1));
        Issued leaf = leafIssuedAt(notBefore);

        List<Problem> problems = rules.verify(leaf.chain(), ORIGIN);

        assertThat(problems).extracting(Problem::code).containsExactly(FindingCode.CERT_UNTRUSTED);
        Problem problem = problems.getFirst();
        assertThat(problem.message())
                .contains("notBefore " + notBefore)
                .contains("after " + DISTRUST_AFTER)
                .contains("Partially Distrusted Root CA")
                .contains("AWS does not document whether CloudFront applies it");
        assertThat(problem.evidence())
                .containsEntry("certificate", "leaf")
                .containsEntry("notBefore", notBefore.toString())
                .containsEntry("distrustAfter", DISTRUST_AFTER.toString())
                .containsEntry("trustAnchorSha256", CertificateSummary.sha256Fingerprint(pki.rootCertificate()));
    }

    @Test
    void chainThatAlsoSendsTheRoot_isJudgedTheSame() {
        Issued leaf = leafIssuedAt(DISTRUST_AFTER.plus(Duration.ofDays(1)));
        List<X509Certificate> withRoot = new ArrayList<>(leaf.chain());
        withRoot.add(pki.rootCertificate());

        assertThat(rules.verify(withRoot, ORIGIN)).extracting(Problem::code).containsExactly(FindingCode.CERT_UNTRUSTED);
    }

    @Test
    void anotherRootWithoutADate_isNotAffected() {
        SamplePki other = SamplePki.create("Fully Trusted");
        TrustAnchors anchors = TrustAnchors.of("test roots", List.of(pki.rootCertificate(), other.rootCertificate()))
                .withServerDistrust(List.of(new ServerDistrustAfter(
                        CertificateSummary.sha256Fingerprint(pki.rootCertificate()), DISTRUST_AFTER, "Partial")));
        var otherRules = new CertificateRules(anchors, CertificateRules.DEFAULT_EXPIRY_WARNING,
                Clock.fixed(NOW, ZoneOffset.UTC));
        Issued leaf = other.issueLeaf(LeafSpec.forNames("origin.example.com")
                .validity(DISTRUST_AFTER.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))));

        assertThat(otherRules.verify(leaf.chain(), ORIGIN)).isEmpty();
    }

    @Test
    void distrustEntryForARootNotInTheList_isRejected() {
        SamplePki stranger = SamplePki.create("Stranger");
        TrustAnchors anchors = TrustAnchors.of("test roots", List.of(pki.rootCertificate()));
        var entry = new ServerDistrustAfter(CertificateSummary.sha256Fingerprint(stranger.rootCertificate()),
                DISTRUST_AFTER, "Stranger Root CA");

        assertThatThrownBy(() -> anchors.withServerDistrust(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stranger Root CA")
                .hasMessageContaining("names no root of the list");
    }

    @Test
    void bundledList_carriesMozillasDatesForRootsItTrusts() {
        TrustAnchors mozilla = TrustAnchors.mozilla();

        assertThat(mozilla.serverDistrusts()).isNotEmpty().allSatisfy(entry -> {
            X509Certificate root = mozilla.certificates().stream()
                    .filter(r -> CertificateSummary.sha256Fingerprint(r).equals(entry.sha256())).findFirst().orElseThrow();
            assertThat(mozilla.serverDistrustAfter(root)).contains(entry);
        });
        assertThat(mozilla.serverDistrusts())
                .as("NSS 3.132 (builtins 2.92): Izenpe.com, distrusted for TLS certificates issued after 2026-04-15")
                .contains(new ServerDistrustAfter(
                        "2530cc8e98321502bad96f9b1fba1b099e2d299e0f4548bb914f363bc0d4531f",
                        Instant.parse("2026-04-15T23:59:59Z"), "Izenpe.com"));
    }

    @Test
    void parse_readsTabSeparatedLinesAndNamesTheBadLine() throws Exception {
        String fingerprint = "2530cc8e98321502bad96f9b1fba1b099e2d299e0f4548bb914f363bc0d4531f";
        List<ServerDistrustAfter> entries = ServerDistrustAfter.parse(
                "# comment\n\n" + fingerprint + "\t2026-04-15T23:59:59Z\tIzenpe.com\n", "test file");

        assertThat(entries).containsExactly(new ServerDistrustAfter(fingerprint.toUpperCase(),
                Instant.parse("2026-04-15T23:59:59Z"), "Izenpe.com"));
        assertThatThrownBy(() -> ServerDistrustAfter.parse("# c\n" + fingerprint + "\tsoon\tIzenpe.com\n", "test file"))
                .isInstanceOf(TrustAnchorException.class).hasMessageContaining("test file line 2");
        assertThatThrownBy(() -> ServerDistrustAfter.parse("abc\t2026-04-15T23:59:59Z\tX\n", "test file"))
                .isInstanceOf(TrustAnchorException.class).hasMessageContaining("not a SHA-256 fingerprint");
        assertThatThrownBy(() -> ServerDistrustAfter.parse(fingerprint + " 2026-04-15T23:59:59Z\n", "test file"))
                .isInstanceOf(TrustAnchorException.class).hasMessageContaining("separated by tabs");
    }
}
