package dev.cfoc.cert;

import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled list must not go backwards: roots Mozilla removed stay out and roots it added stay in, named by SHA-256
 * fingerprint (names can repeat across generations of a CA; a fingerprint cannot). A refresh from an older source,
 * or a hand edit, fails here.
 */
class MozillaRootsRegressionTest {

    /** Removed by Mozilla (mostly still in Debian ca-certificates 20230311, the bundle's earlier source). */
    private static final Map<String, String> REMOVED = Map.ofEntries(
            Map.entry("d40e9c86cd8fe468c1776959f49ea774fa548684b6c406f3909261f4dce2575c", "TrustCor RootCert CA-1"),
            Map.entry("0753e940378c1bd5e3836e395daea5cb839e5046f1bd0eae1951cf10fec7c965", "TrustCor RootCert CA-2"),
            Map.entry("5a885db19c01d912c5759388938cafbbdf031ab2d48e91ee15589b42971d039c", "TrustCor ECA-1"),
            Map.entry("b0bfd52bb0d7d9bd92bf5d4dc13da255c02c542f378365ea893911f55e55f23c", "E-Tugra Certification Authority"),
            Map.entry("ef66b0b10a3cdb9f2e3648c76bd2af18ead2bfe6f117655e28c4060da1a3f4c2", "E-Tugra Global Root CA RSA v3"),
            Map.entry("873f4685fa7f563625252e6d36bcd7f16fc24951f264e47e1b954f4908cdca13", "E-Tugra Global Root CA ECC v3"),
            Map.entry("f9e67d336c51002ac054c632022d66dda2e7e3fff10ad061ed31d8bbb410cfb2", "Hongkong Post Root CA 1"),
            Map.entry("e75e72ed9f560eec6eb4800073a43fc3ad19195a392282017895974a99026b6c",
                    "Security Communication RootCA1"),
            Map.entry("24a55c2ab051442d0617766541239a4ad032d7c55175aa34ffde2fbc4f5c5294", "Security Communication RootCA3"),
            Map.entry("04048028bf1f2864d48f9ad4d83294366a828856553f3b14303f90147f5d40ef",
                    "Autoridad de Certificacion Firmaprofesional CIF A62634068"),
            Map.entry("db3517d1f6732a2d5ab97c533ec70779ee3270a62fb4ac4238372460e6f01e88",
                    "Entrust Root Certification Authority - G4"),
            Map.entry("73c176434f1bc6d5adf45b0e76e727287c8de57616c1e6e6141a2b2cbc7d8e4c",
                    "Entrust Root Certification Authority"),
            Map.entry("d7a7a0fb5d7e2731d771e9484ebcdef71d5f0c3e0a2948782bc83ee0ea699ef4", "Comodo AAA Services root"),
            Map.entry("16af57a9f676b0ab126095aa5ebadef22ab31119d644ac95cd4b93dbf3f26aeb", "Baltimore CyberTrust Root"),
            Map.entry("ebd41040e4bb3ec742c9e381d31ef2a41a48b6685c96e7cef3c1df6cd4331c99", "GlobalSign Root CA"),
            Map.entry("4348a0e9444c78cb265e058d5e8944b4d84f9662bd26db257f8934a443c70161", "DigiCert Global Root CA"),
            Map.entry("c0a6f4dc63a24bfdcf54ef2a6a082a0a72de35803e2ff5ff527ae5d87206dfd5",
                    "ePKI Root Certification Authority"),
            Map.entry("86a1ecba089c4a8d3bbe2734c612ba341d813e043cf9e8a862cd5c57a36bbe6b", "emSign ECC Root CA - G3"));

    /** Added by Mozilla since early 2023 (absent from Debian ca-certificates 20230311). */
    private static final Map<String, String> ADDED = Map.ofEntries(
            Map.entry("8faf7d2e2cb4709bb8e0b33666bf75a5dd45b5de480f8ea8d4bfe6bebc17f2ed", "SSL.com TLS RSA Root CA 2022"),
            Map.entry("c32ffd9f46f936d16c3673990959434b9ad60aafbb9e7cf33654f144cc1ba143", "SSL.com TLS ECC Root CA 2022"),
            Map.entry("0552e6f83fdf65e8fa9670e666df28a4e21340b510cbe52566f97c4fb94b2bd1", "D-TRUST BR Root CA 2 2023"),
            Map.entry("8e8221b2e7d4007836a1672f0dcc299c33bc07d316f132fa1a206d587150f1ce", "D-TRUST EV Root CA 2 2023"),
            Map.entry("efc65cadbb59adb6efe84da22311b35624b71b3b1ea0da8b6655174ec8978646",
                    "Telekom Security TLS RSA Root 2023"),
            Map.entry("578af4ded0853f4e5998db4aeaf9cbea8d945f60b620a38d1a3c13b2bc7ba8e1",
                    "Telekom Security TLS ECC Root 2020"),
            Map.entry("06c08d7dafd876971eb1124fe67f847ec0c7a158d3ea53cbe940e2ea9791f4c3", "TrustAsia TLS RSA Root CA"),
            Map.entry("c0076b9ef0531fb1a656d67c4ebe97cd5dbaa41ef44598acc2489878c92d8711", "TrustAsia TLS ECC Root CA"),
            Map.entry("9ae36232a5189ffddb353dfd26520c015395d22777dac59db57b98c089a651e6", "OISTE Server Root RSA G1"),
            Map.entry("eec997c0c30f216f7e3b8b307d2bae42412d753fc8219dafd1520b2572850f49", "OISTE Server Root ECC G1"),
            Map.entry("1435f225c5d252d7a21948cc3ce62aecfa88001e3dd72d1cc3555100eb372f93", "SECOM TLS RSA Root CA 2024"),
            Map.entry("6ab2ab75f51cb4f4f0156203fbf6f646232f514be059f62833308b82b4d72db1", "SECOM TLS ECC Root CA 2024"),
            Map.entry("d13db1294c45ebc6fc86c6bbf69fa29bdfe692dff7c713c243c7a956c6a2284c", "Telia RSA TLS Root CA v3"),
            Map.entry("098e08a91dbbf77478b96cceb89b1413a5da37b7c862606a955deb07179f4326", "Telia EC TLS Root CA v3"),
            Map.entry("b49141502d00663d740f2e7ec340c52800962666121a36d09cf7dd2b90384fb4", "e-Szigno TLS Root CA 2023"));

    /** Roots that many CloudFront origins chain to (ACM certificates behind load balancers, Let's Encrypt). */
    private static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("8ecde6884f3d87b1125ba31ac3fcb13d7016de7f57cc904fe1cb97c6ae98196e", "Amazon Root CA 1"),
            Map.entry("1ba5b2aa8c65401a82960118f80bec4f62304d83cec4713a19c39c011ea46db4", "Amazon Root CA 2"),
            Map.entry("18ce6cfe7bf14e60b2e347b8dfe868cb31d02ebb3ada271569f50343b46db3a4", "Amazon Root CA 3"),
            Map.entry("e35d28419ed02025cfa69038cd623962458da5c695fbdea3c22b0bfb25897092", "Amazon Root CA 4"),
            Map.entry("568d6905a2c88708a4b3025190edcfedb1974a606a13c6e5290fcb2ae63edab5",
                    "Starfield Services Root Certificate Authority - G2"),
            Map.entry("96bcec06264976f37460779acf28c5a7cfe8a3c0aae11a8ffcee05c0bddf08c6", "ISRG Root X1"),
            Map.entry("69729b8e15a86efc177a57afb7171dfc64add28c2fca8cf1507e34453ccb1470", "ISRG Root X2"));

    private static Set<String> bundledFingerprints() {
        return TrustAnchors.mozilla().certificates().stream()
                .map(MozillaRootsRegressionTest::fingerprint)
                .collect(Collectors.toSet());
    }

    private static String fingerprint(X509Certificate certificate) {
        return CertificateSummary.sha256Fingerprint(certificate).replace(":", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void rootsMozillaRemoved_areAbsent() {
        Set<String> bundled = bundledFingerprints();

        REMOVED.forEach((sha256, name) -> assertThat(bundled).as(name + " was removed by Mozilla").doesNotContain(sha256));
    }

    @Test
    void rootsMozillaAdded_arePresent() {
        Set<String> bundled = bundledFingerprints();

        ADDED.forEach((sha256, name) -> assertThat(bundled).as(name + " was added by Mozilla").contains(sha256));
    }

    @Test
    void rootsMostOriginsNeed_arePresent() {
        Set<String> bundled = bundledFingerprints();

        KEPT.forEach((sha256, name) -> assertThat(bundled).as(name).contains(sha256));
    }

    @Test
    void bundledRoots_areDistinctSelfSignedCaCertificates() {
        var roots = TrustAnchors.mozilla().certificates();

        assertThat(bundledFingerprints()).hasSize(roots.size());
        assertThat(roots).allSatisfy(root -> {
            assertThat(root.getBasicConstraints()).as(root.getSubjectX500Principal().getName()).isNotNegative();
            assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        });
    }
}
