package dev.cfoc.probe;

import org.bouncycastle.tls.TlsClientProtocol;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Locale;

/** Runs one TLS handshake on a connected socket within an absolute deadline, and says how it ended. */
final class TlsHandshaker {

    /**
     * What is read from the socket at once: Bouncy Castle asks for each record's 5-byte header and then its body, two
     * system calls per record; through this buffer an origin's whole flight (ServerHello to ServerHelloDone, often one
     * TCP segment) takes one. The record meter above it still counts every byte Bouncy Castle is given.
     */
    static final int READ_BUFFER_BYTES = 16 * 1024;

    /** How long to wait for more bytes of a reply that is not TLS, to show it in the evidence. */
    private static final Duration NOT_TLS_EVIDENCE_WAIT = Duration.ofMillis(200);

    private TlsHandshaker() {
    }

    /**
     * @param timeout   absolute bound for the whole handshake (watchdog), also used as SO_TIMEOUT
     * @param redaction how what the origin sends is quoted
     */
    static HandshakeOutcome handshake(Socket socket, TlsOffer offer, Optional<String> sni, Duration timeout,
                                      Redaction redaction) {
        return handshake(socket, offer, sni, timeout, redaction, ServerCertificates.none());
    }

    /** @param certificates the run's certificates, decoded once however many origins send them */
    static HandshakeOutcome handshake(Socket socket, TlsOffer offer, Optional<String> sni, Duration timeout,
                                      Redaction redaction, ServerCertificates certificates) {
        CloudFrontTlsClient client = new CloudFrontTlsClient(offer, sni, certificates);
        TlsRecordMeter meter;
        RecordingInputStream in;
        TlsClientProtocol protocol;
        try {
            socket.setSoTimeout(Durations.socketMillis(timeout));
            meter = new TlsRecordMeter(new BufferedInputStream(socket.getInputStream(), READ_BUFFER_BYTES));
            in = new RecordingInputStream(meter);
            protocol = new TlsClientProtocol(in, new SocketOutput(socket.getOutputStream()));
        } catch (IOException e) {
            return new HandshakeOutcome.Failed(HandshakeOutcome.Kind.OTHER, "socket unusable: " + e.getMessage(),
                    Optional.empty(), OptionalInt.empty(), List.of());
        }
        Watchdog.Alarm alarm = Watchdog.arm(socket, timeout);
        try (alarm) {
            protocol.connect(client);
        } catch (IOException | RuntimeException e) {
            if (meter.exceeded().isPresent()) {
                closeQuietly(socket);
                return new HandshakeOutcome.Overrun(meter.exceeded().get());
            }
            if (alarm.fired() || hasCause(e, SocketTimeoutException.class)) {
                closeQuietly(socket);
                return new HandshakeOutcome.TimedOut("the handshake did not complete within "
                        + Durations.human(timeout) + " (" + in.totalBytes() + " bytes received from the origin)");
            }
            if (!PeerBytes.looksLikeTls(in.firstBytes())) {
                readMoreForEvidence(socket, in);
            }
            closeQuietly(socket);
            return failure(client, offer, in, e, redaction);
        }
        return new HandshakeOutcome.Completed(client.serverVersion().orElseThrow(),
                client.selectedCipherSuite().orElseThrow(), client.serverChain(), protocol, meter);
    }

    /**
     * Bouncy Castle stops reading at the first record header that is not TLS; to show people what the origin does
     * speak, read a little more of it (bounded in bytes and time).
     */
    private static void readMoreForEvidence(Socket socket, RecordingInputStream in) {
        try {
            socket.setSoTimeout(Durations.socketMillis(NOT_TLS_EVIDENCE_WAIT));
            byte[] buffer = new byte[RecordingInputStream.KEPT_BYTES];
            long deadline = System.nanoTime() + NOT_TLS_EVIDENCE_WAIT.toNanos();
            while (in.totalBytes() < RecordingInputStream.KEPT_BYTES && System.nanoTime() < deadline
                    && in.read(buffer, 0, (int) (RecordingInputStream.KEPT_BYTES - in.totalBytes())) >= 0) {
                // kept by the recording stream
            }
        } catch (IOException ignored) {
            // what arrived so far is evidence enough
        }
    }

    private static HandshakeOutcome.Failed failure(CloudFrontTlsClient client, TlsOffer offer, RecordingInputStream in,
                                                   Exception e, Redaction redaction) {
        byte[] received = in.firstBytes();
        Optional<PeerBytes.ServerHelloSeen> peeked = PeerBytes.serverHello(received);
        var version = client.serverVersion().or(() -> peeked.map(PeerBytes.ServerHelloSeen::version));
        OptionalInt suite = client.selectedCipherSuite().isPresent() ? client.selectedCipherSuite()
                : peeked.map(PeerBytes.ServerHelloSeen::cipherSuite).orElse(OptionalInt.empty());
        HandshakeOutcome.Kind kind;
        String description;
        if (client.limitExceeded().isPresent()) {
            kind = HandshakeOutcome.Kind.TOO_LARGE;
            description = client.limitExceeded().get();
        } else if (client.certificateRequested()) {
            kind = HandshakeOutcome.Kind.CLIENT_CERTIFICATE_REQUIRED;
            description = "the origin requires a client certificate: it sent a CertificateRequest and ended the "
                    + "handshake when none was presented (" + howItEnded(client) + "); CloudFront presents "
                    + "one only when origin mTLS is configured";
        } else if (client.alertReceived().isPresent()) {
            kind = HandshakeOutcome.Kind.ALERT_RECEIVED;
            description = "the origin sent fatal alert " + client.alertReceived().get();
        } else if (!PeerBytes.looksLikeTls(received)) {
            kind = HandshakeOutcome.Kind.NOT_TLS;
            description = "not TLS: the origin answered " + redaction.originText(received);
        } else if (isReset(e)) {
            kind = HandshakeOutcome.Kind.RESET;
            description = "the origin reset the connection" + afterBytes(in);
        } else if (in.sawEndOfStream()) {
            kind = HandshakeOutcome.Kind.CLOSED;
            description = "the origin closed the connection" + afterBytes(in)
                    + version.map(v -> " (after its ServerHello: " + v.apiName() + (suite.isPresent()
                    ? " " + TlsNames.cipherSuite(suite.getAsInt()) : "") + ")").orElse("");
        } else if (peeked.isPresent() && !offer.versions().contains(peeked.get().version())) {
            kind = HandshakeOutcome.Kind.ALERT_RAISED;
            description = "the origin answered with " + peeked.get().version().apiName() + ", which was not offered";
        } else if (client.alertRaised().isPresent()) {
            kind = HandshakeOutcome.Kind.ALERT_RAISED;
            description = "the TLS client aborted with alert " + client.alertRaised().get()
                    + peeked.map(hello -> " (the origin chose " + hello.describe() + ")").orElse("");
        } else {
            kind = HandshakeOutcome.Kind.OTHER;
            description = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new HandshakeOutcome.Failed(kind, description, version, suite, client.serverChain());
    }

    /**
     * How a handshake after a CertificateRequest ended: the origin's alert, or its hang-up (which the client may see
     * as a reset or a broken pipe while it still writes its answer).
     */
    private static String howItEnded(CloudFrontTlsClient client) {
        return client.alertReceived().map(alert -> "fatal alert " + alert).orElse("connection closed");
    }

    private static String afterBytes(RecordingInputStream in) {
        return in.totalBytes() == 0 ? " without answering" : " after sending " + in.totalBytes() + " bytes";
    }

    private static boolean isReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The socket's output, passed through; closing it leaves the socket to its owner. */
    private static final class SocketOutput extends FilterOutputStream {
        SocketOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to do: the connection is being abandoned
        }
    }
}
