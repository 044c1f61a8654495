package dev.cfoc.cert;

import dev.cfoc.sample.SamplePki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustAnchorsTest {

    private static final String ISRG_ROOT_X1 = "CN=ISRG Root X1,O=Internet Security Research Group,C=US";

    @TempDir
    Path tempDir;

    @Test
    void mozilla_loadsTheBundledListWithWellKnownRoots() {
        TrustAnchors mozilla = TrustAnchors.mozilla();

        assertThat(mozilla.size()).isGreaterThan(100);
        assertThat(mozilla.certificates())
                .extracting(root -> root.getSubjectX500Principal().getName())
                .contains(ISRG_ROOT_X1);
        assertThat(mozilla.added()).isEmpty();
    }

    @Test
    void mozilla_isLoadedOnceAndShared() {
        assertThat(TrustAnchors.mozilla()).isSameAs(TrustAnchors.mozilla());
    }

    @Test
    void mozilla_descriptionStatesSourcePackageVersionDateAndCount() throws IOException {
        Properties info = new Properties();
        try (InputStream in = TrustAnchors.class.getResourceAsStream(TrustAnchors.MOZILLA_PROPERTIES_RESOURCE)) {
            info.load(in);
        }
        TrustAnchors mozilla = TrustAnchors.mozilla();

        assertThat(info.getProperty("roots")).isEqualTo(String.valueOf(mozilla.size()));
        assertThat(mozilla.description())
                .startsWith("Mozilla CA list (NSS builtin roots) via Debian libnss3 " + info.getProperty("version")
                        + " (NSS " + info.getProperty("nss") + ", builtin roots " + info.getProperty("builtins") + ")")
                .contains(" of " + info.getProperty("date"))
                .contains("refreshed " + info.getProperty("generated"))
                .endsWith(", " + mozilla.size() + " roots");
        TrustListRelease release = mozilla.release().orElseThrow();
        assertThat(release.date()).isEqualTo(LocalDate.parse(info.getProperty("date")));
        assertThat(release.refreshed()).isEqualTo(LocalDate.parse(info.getProperty("generated")))
                .as("generated from a release that existed then").isAfterOrEqualTo(release.date());
        assertThat(mozilla.serverDistrusts()).hasSize(Integer.parseInt(info.getProperty("serverDistrustAfter")));
    }

    @Test
    void of_hasNoReleaseAndNoPartialDistrust_soItIsNeverStale() {
        TrustAnchors anchors = TrustAnchors.of("test roots", List.of(SamplePki.create("Plain").rootCertificate()));

        assertThat(anchors.release()).isEmpty();
        assertThat(anchors.serverDistrusts()).isEmpty();
        assertThat(anchors.staleness(Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void plus_keepsTheReleaseAndThePartialDistrust() {
        TrustAnchors mozilla = TrustAnchors.mozilla();

        TrustAnchors anchors = mozilla.plus(List.of(SamplePki.create("Kept").rootCertificate()));

        assertThat(anchors.release()).isEqualTo(mozilla.release());
        assertThat(anchors.serverDistrusts()).isEqualTo(mozilla.serverDistrusts());
    }

    @Test
    void plus_remembersAddedRootsAndLabelsThemAsNotTrustedByCloudFront() {
        SamplePki pki = SamplePki.create("Added");
        TrustAnchors mozilla = TrustAnchors.mozilla();
        X509Certificate isrg = mozilla.certificates().stream()
                .filter(root -> root.getSubjectX500Principal().getName().equals(ISRG_ROOT_X1)).findFirst().orElseThrow();

        TrustAnchors anchors = mozilla.plus(List.of(pki.rootCertificate(), isrg));

        assertThat(anchors.isAdded(pki.rootCertificate())).isTrue();
        assertThat(anchors.contains(pki.rootCertificate())).isTrue();
        assertThat(anchors.isAdded(isrg)).as("a Mozilla root passed again is not 'added'").isFalse();
        assertThat(anchors.size()).isEqualTo(mozilla.size() + 1);
        assertThat(anchors.description())
                .startsWith(mozilla.description())
                .contains("plus 1 added root that CloudFront does NOT trust")
                .contains("CN=Added Root CA");
        assertThat(mozilla.contains(pki.rootCertificate())).as("the original is unchanged").isFalse();
    }

    @Test
    void issuerOf_requiresTheAnchorKeyToVerifyTheSignatureNotJustTheName() {
        SamplePki trusted = SamplePki.create("Twin");
        SamplePki impostor = SamplePki.create("Twin");
        TrustAnchors anchors = TrustAnchors.of("test roots", List.of(trusted.rootCertificate()));

        assertThat(anchors.issuerOf(trusted.intermediateCertificate())).contains(trusted.rootCertificate());
        assertThat(impostor.intermediateCertificate().getIssuerX500Principal())
                .isEqualTo(trusted.rootCertificate().getSubjectX500Principal());
        assertThat(anchors.issuerOf(impostor.intermediateCertificate())).isEmpty();
    }

    @Test
    void readPem_readsEveryCertificateAndSkipsComments() throws Exception {
        SamplePki pki = SamplePki.create("Pem");
        Path file = tempDir.resolve("anchors.pem");
        Files.writeString(file, "# my staging roots\n" + pem(pki.rootCertificate()) + "\nsome note\n"
                + pem(pki.intermediateCertificate()), StandardCharsets.US_ASCII);

        List<X509Certificate> certificates = TrustAnchors.readPem(file);

        assertThat(certificates).containsExactly(pki.rootCertificate(), pki.intermediateCertificate());
    }

    @Test
    void readPem_missingFile_namesTheFile() {
        Path missing = tempDir.resolve("nope.pem");

        assertThatThrownBy(() -> TrustAnchors.readPem(missing))
                .isInstanceOf(TrustAnchorException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void readPem_directory_namesTheFile() {
        assertThatThrownBy(() -> TrustAnchors.readPem(tempDir))
                .isInstanceOf(TrustAnchorException.class)
                .hasMessageContaining(tempDir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void readPem_fileWithoutCertificate_namesTheFile() throws IOException {
        Path file = tempDir.resolve("empty.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TrustAnchors.readPem(file))
                .isInstanceOf(TrustAnchorException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("contains no PEM certificate");
    }

    @Test
    void readPem_corruptCertificate_namesTheFileAndTheBlock() throws Exception {
        SamplePki pki = SamplePki.create("Corrupt");
        Path file = tempDir.resolve("corrupt.pem");
        Files.writeString(file, pem(pki.rootCertificate())
                + "-----BEGIN CERTIFICATE-----\nTUlJQm9ndXM=\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> TrustAnchors.readPem(file))
                .isInstanceOf(TrustAnchorException.class)
                .hasMessageContaining("certificate #2 in trust anchors file " + file)
                .hasMessageContaining("not a valid X.509 certificate");
    }

    @Test
    void readPem_unterminatedBlock_namesTheFile() throws IOException {
        Path file = tempDir.resolve("cut.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nMIIB\n");

        assertThatThrownBy(() -> TrustAnchors.readPem(file))
                .isInstanceOf(TrustAnchorException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("-----END CERTIFICATE-----");
    }

    static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
