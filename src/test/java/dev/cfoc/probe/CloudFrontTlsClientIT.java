package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.ObservedClientHello;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureScheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What CloudFront's TLS profile puts on the wire, captured by a real server from the ClientHello. */
class CloudFrontTlsClientIT {

    /**
     * The 15 of CloudFront's 16 origin suites that Bouncy Castle offers, in order; TLS_RSA_WITH_RC4_128_MD5 is absent
     * because BC's crypto has no RC4.
     */
    private static final List<Integer> SUITES_ON_THE_WIRE = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA);

    private static SamplePki.Issued leaf;

    @BeforeAll
    static void issueCertificates() {
        leaf = SamplePki.create("Wire").issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
    }

    @Test
    void cloudFrontOffer_putsExactlyFifteenOfTheSixteenSuitesOnTheWire() {
        ObservedClientHello hello = capture(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)), Optional.of("a.test"));

        assertThat(hello.cipherSuites()).containsExactlyElementsOf(SUITES_ON_THE_WIRE);
        assertThat(hello.cipherSuites()).doesNotContain(CipherSuite.TLS_RSA_WITH_RC4_128_MD5,
                CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV, CipherSuite.TLS_FALLBACK_SCSV,
                CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256);
    }

    @Test
    void cloudFrontOffer_sendsTheProfilesCurvesAndSignatureSchemesWithoutPss() {
        ObservedClientHello hello = capture(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)), Optional.of("a.test"));

        assertThat(hello.namedGroups()).containsExactly(NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1);
        assertThat(hello.signatureSchemes()).containsExactlyInAnyOrder(
                SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.rsa_pkcs1_sha256,
                SignatureScheme.ecdsa_secp384r1_sha384, SignatureScheme.rsa_pkcs1_sha384,
                SignatureScheme.ecdsa_secp521r1_sha512, SignatureScheme.rsa_pkcs1_sha512,
                0x0303 /* ecdsa sha224 */, 0x0301 /* rsa sha224 */,
                SignatureScheme.ecdsa_sha1, SignatureScheme.rsa_pkcs1_sha1);
    }

    @Test
    void cloudFrontOffer_sendsTheTargetsHighestVersionAndNoSupportedVersionsExtension() {
        ObservedClientHello hello = capture(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1, TlsVersion.TLSV1_2)),
                Optional.of("a.test"));

        assertThat(hello.clientVersion()).contains(TlsVersion.TLSV1_2);
        assertThat(hello.supportedVersions()).isEmpty();
    }

    @Test
    void sniSent_isTheTargetsSni() {
        ObservedClientHello hello = capture(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)),
                Optional.of("alias.example.test"));

        assertThat(hello.serverName()).contains("alias.example.test");
    }

    @Test
    void probeOfTarget_sendsTargetSniOnTheWire() {
        OriginProber prober = LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                (chain, names) -> List.of());
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start()) {
            prober.probe(Targets.https(Targets.ORIGIN, server.port()).sni("viewer-alias.test").build());

            assertThat(server.clientHellos()).singleElement()
                    .satisfies(hello -> assertThat(hello.serverName()).contains("viewer-alias.test"));
        }
    }

    @Test
    void diagnosticOffer_canOfferTls13AndChacha20() {
        ObservedClientHello hello = capture(TlsOffer.everythingAt(TlsVersion.TLSV1_3), Optional.of("a.test"));

        assertThat(hello.supportedVersions()).containsExactly(TlsVersion.TLSV1_3);
        assertThat(hello.cipherSuites()).contains(CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
        assertThat(hello.signatureSchemes()).contains(SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.ed25519);
    }

    @Test
    void diagnosticOfferAtTls12_includesChachaAndOnlySuitesValidForTls12() {
        TlsOffer offer = TlsOffer.everythingAt(TlsVersion.TLSV1_2);

        assertThat(offer.cipherSuites()).contains(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)
                .doesNotContain(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV,
                        CipherSuite.TLS_RSA_WITH_NULL_SHA256);
    }

    @Test
    void completedHandshake_capturesTheChainAsSent() throws Exception {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            HandshakeOutcome outcome = TlsHandshaker.handshake(socket,
                    TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)), Optional.of(Targets.ORIGIN), Duration.ofSeconds(2),
                    Redaction.none());

            assertThat(outcome).isInstanceOfSatisfying(HandshakeOutcome.Completed.class,
                    done -> assertThat(done.chain()).containsExactlyElementsOf(leaf.chain()));
        }
    }

    private static ObservedClientHello capture(TlsOffer offer, Optional<String> sni) {
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).start();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setTcpNoDelay(true);
            TlsHandshaker.handshake(socket, offer, sni, Duration.ofSeconds(2), Redaction.none());
            return waitForHello(server);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObservedClientHello waitForHello(SampleTlsServer server) {
        assertThat(server.clientHellos()).hasSize(1);
        return server.clientHellos().getFirst();
    }
}
