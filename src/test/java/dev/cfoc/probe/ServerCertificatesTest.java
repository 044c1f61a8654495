package dev.cfoc.probe;

import dev.cfoc.sample.SamplePki;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCertificatesTest {

    private static SamplePki pki;
    private static byte[] leaf;

    @BeforeAll
    static void issueCertificates() throws Exception {
        pki = SamplePki.create("Decoded");
        leaf = pki.issueLeaf(SamplePki.LeafSpec.forNames("origin.example.com")).certificate().getEncoded();
    }

    @Test
    void theSameBytes_giveTheSameCertificate_andEqualBytesAsBouncyCastleItself() throws Exception {
        ServerCertificates certificates = ServerCertificates.forRun();

        TlsCertificate first = certificates.tlsCertificate(BcCrypto.create(), leaf.clone());
        TlsCertificate second = certificates.tlsCertificate(BcCrypto.create(), leaf.clone());

        assertThat(certificates.x509(second)).isSameAs(certificates.x509(first));
        assertThat(certificates.summary(certificates.x509(second)))
                .isSameAs(certificates.summary(certificates.x509(first)));
        assertThat(certificates.size()).isEqualTo(1);
        assertThat(second.getEncoded()).isEqualTo(BcCrypto.create().createCertificate(leaf).getEncoded());
        assertThat(second.getSerialNumber()).isEqualTo(certificates.x509(first).getSerialNumber());
    }

    @Test
    void withoutACache_nothingIsRemembered() throws Exception {
        ServerCertificates none = ServerCertificates.none();

        X509Certificate first = none.x509(none.tlsCertificate(BcCrypto.create(), leaf));

        assertThat(none.x509(none.tlsCertificate(BcCrypto.create(), leaf))).isEqualTo(first);
        assertThat(none.size()).isZero();
    }

    @Test
    void aCertificateLargerThanTheBound_isNeverRemembered() throws Exception {
        String[] names = IntStream.range(0, 800).mapToObj(i -> "name-" + i + ".origin.example.com")
                .toArray(String[]::new);
        byte[] large = pki.issueLeaf(SamplePki.LeafSpec.forNames(names)).certificate().getEncoded();
        assertThat(large.length).isGreaterThan(ServerCertificates.MAX_CACHED_BYTES);
        ServerCertificates certificates = ServerCertificates.forRun();

        X509Certificate first = certificates.x509(certificates.tlsCertificate(BcCrypto.create(), large));
        X509Certificate second = certificates.x509(certificates.tlsCertificate(BcCrypto.create(), large));

        assertThat(second).isEqualTo(first);
        assertThat(certificates.size()).isZero();
        certificates.tlsCertificate(BcCrypto.create(), leaf);
        assertThat(certificates.size()).isEqualTo(1);
    }

    @Test
    void aRunRemembersAtMostItsBoundOfCertificates_andDecodesTheOthersEveryTime() throws Exception {
        ServerCertificates certificates = ServerCertificates.forRun();
        List<byte[]> distinct = IntStream.rangeClosed(0, ServerCertificates.MAX_ENTRIES)
                .mapToObj(ServerCertificatesTest::withSignatureEnding).toList();

        for (byte[] encoding : distinct) {
            certificates.tlsCertificate(BcCrypto.create(), encoding);
        }
        byte[] beyond = distinct.getLast();
        X509Certificate first = certificates.x509(certificates.tlsCertificate(BcCrypto.create(), beyond));
        X509Certificate second = certificates.x509(certificates.tlsCertificate(BcCrypto.create(), beyond));
        X509Certificate remembered = certificates.x509(certificates.tlsCertificate(BcCrypto.create(),
                distinct.getFirst()));

        assertThat(certificates.size()).isEqualTo(ServerCertificates.MAX_ENTRIES);
        assertThat(second).isEqualTo(first);
        assertThat(first.getEncoded()).isEqualTo(beyond);
        assertThat(remembered).isSameAs(certificates.x509(certificates.tlsCertificate(BcCrypto.create(),
                distinct.getFirst())));
    }

    /** The leaf with the last two bytes of its signature replaced: another certificate that parses (unverified). */
    private static byte[] withSignatureEnding(int n) {
        byte[] changed = leaf.clone();
        changed[changed.length - 2] = (byte) (n >> 8);
        changed[changed.length - 1] = (byte) n;
        return changed;
    }

    @Test
    void bytesThatAreNotACertificate_failAsBouncyCastleFails_andAreNotRemembered() {
        ServerCertificates certificates = ServerCertificates.forRun();
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x05};

        assertThatThrownBy(() -> certificates.tlsCertificate(BcCrypto.create(), garbage))
                .isInstanceOf(org.bouncycastle.tls.TlsFatalAlert.class)
                .hasMessage(catchMessage(garbage));
        assertThatThrownBy(() -> certificates.tlsCertificate(BcCrypto.create(), garbage))
                .isInstanceOf(org.bouncycastle.tls.TlsFatalAlert.class);
        assertThat(certificates.size()).isZero();
    }

    private static String catchMessage(byte[] encoding) {
        try {
            BcCrypto.create().createCertificate(encoding);
            throw new AssertionError("Bouncy Castle accepted it");
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }
}
