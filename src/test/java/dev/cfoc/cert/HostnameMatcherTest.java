package dev.cfoc.cert;

import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.LeafSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HostnameMatcherTest {

    private static SamplePki pki;

    @BeforeAll
    static void createPki() {
        pki = SamplePki.create("Matcher");
    }

    @Test
    void exactName_matchesCaseInsensitivelyAndIgnoresTrailingDot() {
        assertThat(HostnameMatcher.matches("Origin.Example.COM", "origin.example.com")).isTrue();
        assertThat(HostnameMatcher.matches("origin.example.com.", "ORIGIN.example.com")).isTrue();
        assertThat(HostnameMatcher.matches("origin.example.com", "origin.example.com.")).isTrue();
        assertThat(HostnameMatcher.matches("origin.example.com", "origin.example.org")).isFalse();
        assertThat(HostnameMatcher.matches("example.com", "origin.example.com")).isFalse();
    }

    @Test
    void wildcard_coversExactlyOneLeftMostLabel() {
        assertThat(HostnameMatcher.matches("*.example.com", "a.example.com")).isTrue();
        assertThat(HostnameMatcher.matches("*.EXAMPLE.com", "Origin.Example.Com.")).isTrue();
        assertThat(HostnameMatcher.matches("*.example.com", "example.com")).isFalse();
        assertThat(HostnameMatcher.matches("*.example.com", "a.b.example.com")).isFalse();
        assertThat(HostnameMatcher.matches("*.example.com", ".example.com")).isFalse();
    }

    @Test
    void partialOrInnerWildcards_matchNothing() {
        assertThat(HostnameMatcher.matches("f*.example.com", "foo.example.com")).isFalse();
        assertThat(HostnameMatcher.matches("*o.example.com", "foo.example.com")).isFalse();
        assertThat(HostnameMatcher.matches("a.*.example.com", "a.b.example.com")).isFalse();
        assertThat(HostnameMatcher.matches("*.*.example.com", "a.b.example.com")).isFalse();
        assertThat(HostnameMatcher.matches("*", "localhost")).isFalse();
    }

    @Test
    void wildcardOverASingleLabelSuffix_matchesNothing() {
        assertThat(HostnameMatcher.matches("*.com", "example.com")).isFalse();
    }

    @Test
    void idnALabels_areComparedLiterally() {
        assertThat(HostnameMatcher.matches("*.example.com", "xn--bcher-kva.example.com")).isTrue();
        assertThat(HostnameMatcher.matches("xn--bcher-kva.example.com", "XN--BCHER-KVA.example.com")).isTrue();
        assertThat(HostnameMatcher.matches("xn--bcher-kva.example.com", "bücher.example.com")).isFalse();
    }

    @Test
    void wildcardAlias_isCoveredByTheSameWildcard() {
        assertThat(HostnameMatcher.matches("*.example.com", "*.example.com")).isTrue();
        assertThat(HostnameMatcher.matches("a.example.com", "*.example.com")).isFalse();
    }

    @Test
    void emptyNames_matchNothing() {
        assertThat(HostnameMatcher.matches("", "")).isFalse();
        assertThat(HostnameMatcher.matches(".", "example.com")).isFalse();
    }

    @Test
    void coveringName_findsTheSanThatCoversAnAcceptedName() {
        X509Certificate leaf = pki.issueLeaf(LeafSpec.forNames("www.example.com", "*.api.example.com")).certificate();

        var match = HostnameMatcher.match(leaf, Set.of("v1.api.example.com", "other.example.org"));

        assertThat(match).contains(new HostnameMatcher.NameMatch("*.api.example.com", "v1.api.example.com",
                HostnameMatcher.NameSource.SUBJECT_ALT_NAME));
        assertThat(HostnameMatcher.coveringName(leaf, Set.of("www.example.com"))).contains("www.example.com");
        assertThat(HostnameMatcher.coveringName(leaf, Set.of("api.example.com"))).isEmpty();
    }

    @Test
    void commonNameOnlyCertificate_isCoveredByItsCommonName() {
        X509Certificate leaf = pki.issueLeaf(LeafSpec.forNames("legacy.example.com").commonNameOnly()).certificate();

        assertThat(HostnameMatcher.dnsNames(leaf)).isEmpty();
        assertThat(HostnameMatcher.match(leaf, Set.of("LEGACY.example.com")))
                .map(HostnameMatcher.NameMatch::source).contains(HostnameMatcher.NameSource.COMMON_NAME);
    }

    @Test
    void commonName_countsEvenWhenTheCertificateHasSans() {
        Instant now = Instant.now();
        var spec = new LeafSpec(List.of("san.example.com"), "cn.example.com", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)), SamplePki.KeyType.EC_P256);
        X509Certificate leaf = pki.issueLeaf(spec).certificate();

        assertThat(HostnameMatcher.coveringName(leaf, Set.of("cn.example.com"))).contains("cn.example.com");
        assertThat(HostnameMatcher.commonName(leaf)).contains("cn.example.com");
    }
}
