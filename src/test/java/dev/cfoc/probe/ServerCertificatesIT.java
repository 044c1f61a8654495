package dev.cfoc.probe;

import dev.cfoc.plan.TlsVersion;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's certificate cache against real Bouncy Castle TLS servers: what is shared, and what never is. */
class ServerCertificatesIT {

    private static SamplePki.Issued genuine;
    /** Sends the genuine chain but signs its key exchange with another key: it does not hold the certificate's key. */
    private static SamplePki.Issued impostor;

    @BeforeAll
    static void issueCertificates() {
        SamplePki pki = SamplePki.create("Shared");
        genuine = pki.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        SamplePki.Issued other = pki.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        impostor = new SamplePki.Issued(genuine.certificate(), other.privateKey(), genuine.chain());
    }

    @Test
    void aChainSentByTwoOrigins_isDecodedOnce_andReportedAsTheSameCertificates() {
        ServerCertificates certificates = ServerCertificates.forRun();

        HandshakeOutcome.Completed first = completed(handshake(genuine, certificates));
        HandshakeOutcome.Completed second = completed(handshake(genuine, certificates));

        assertThat(second.chain()).containsExactlyElementsOf(genuine.chain());
        for (int i = 0; i < genuine.chain().size(); i++) {
            assertThat(second.chain().get(i)).isSameAs(first.chain().get(i));
            assertThat(certificates.summary(second.chain().get(i))).isSameAs(certificates.summary(first.chain().get(i)));
        }
    }

    @Test
    void anOriginThatSendsAKnownCertificateWithoutItsKey_stillFailsTheHandshake() {
        ServerCertificates certificates = ServerCertificates.forRun();
        completed(handshake(genuine, certificates));

        HandshakeOutcome outcome = handshake(impostor, certificates);

        assertThat(outcome).isInstanceOf(HandshakeOutcome.Failed.class);
        assertThat(handshake(impostor, ServerCertificates.none())).isInstanceOf(HandshakeOutcome.Failed.class);
        assertThat(handshake(genuine, certificates)).isInstanceOf(HandshakeOutcome.Completed.class);
    }

    private static HandshakeOutcome.Completed completed(HandshakeOutcome outcome) {
        assertThat(outcome).isInstanceOf(HandshakeOutcome.Completed.class);
        return (HandshakeOutcome.Completed) outcome;
    }

    private static HandshakeOutcome handshake(SamplePki.Issued credentials, ServerCertificates certificates) {
        try (SampleTlsServer server = SampleTlsServer.builder(credentials).start();
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            HandshakeOutcome outcome = TlsHandshaker.handshake(socket, TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)),
                    Optional.of(Targets.ORIGIN), Duration.ofSeconds(5), Redaction.none(), certificates);
            if (outcome instanceof HandshakeOutcome.Completed done) {
                TlsHandshaker.closeQuietly(done.protocol()::close);
            }
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
