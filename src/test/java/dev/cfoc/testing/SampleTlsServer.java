package dev.cfoc.testing;

import dev.cfoc.plan.TlsVersion;
import dev.cfoc.sample.HttpResponder;
import dev.cfoc.sample.LoopbackListener;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SampleTlsOrigin;
import dev.cfoc.sample.SampleTlsPeer;
import dev.cfoc.sample.ServerCredentials;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Vector;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test origin on 127.0.0.1: the TLS of {@link SampleTlsOrigin} made into what real origins sometimes are:
 * TLS 1.3-only, TLS 1.0-only, CHACHA20-only, serving a chain in the wrong order or a certificate per SNI — or not TLS
 * at all (silent, garbage, reset, one byte a second), or hostile in other ways (hang up after the ServerHello or
 * flood the client with HelloRequests or warning alerts after it, ask for a client certificate, answer megabytes of
 * header or a body that never ends). Answers one HTTP request per connection with a fixed status and Connection:
 * close. Records every ClientHello and request it sees.
 */
public final class SampleTlsServer implements AutoCloseable {

    /** What the server does with a connection. */
    public enum Behaviour {
        /** TLS handshake, then HTTP. */
        TLS,
        /** Accepts and never sends a byte (tarpit). */
        SILENT,
        /** Reads the ClientHello, answers the garbage bytes, waits for the client to hang up. */
        GARBAGE,
        /** Reads the ClientHello and resets the connection. */
        RESET,
        /** Reads the ClientHello, then sends the start of a TLS record one byte per second, forever. */
        SLOWLORIS,
        /** A TLS server that sends its first record (the ServerHello) and then closes the connection. */
        CLOSE_AFTER_SERVER_HELLO,
        /** A TLS server that sends its ServerHello, then HelloRequest messages (one record each) without end. */
        HELLO_REQUESTS_AFTER_SERVER_HELLO,
        /** A TLS server that sends its ServerHello, then warning alerts (unrecognized_name) without end. */
        WARNING_ALERTS_AFTER_SERVER_HELLO,
        /** A TLS server that completes the handshake, then sends (encrypted) warning alerts without end. */
        WARNING_ALERTS_AFTER_HANDSHAKE
    }

    /** Whether the server sends a CertificateRequest, and what it does when the client sends no certificate. */
    public enum ClientCertificate {
        /** No CertificateRequest (default). */
        NOT_REQUESTED,
        /** CertificateRequest; an empty answer is accepted. */
        REQUESTED,
        /** CertificateRequest; an empty answer aborts the handshake with handshake_failure, as OpenSSL does. */
        REQUIRED
    }

    /**
     * Everything the server does, frozen when it starts.
     *
     * @param origin       the default credentials and the versions accepted
     * @param bySni        credentials per SNI host name (lower case)
     * @param cipherSuites the suites accepted (IANA codes; empty: every suite a sample origin can serve)
     * @param garbage      the bytes {@link Behaviour#GARBAGE} sends
     */
    record Settings(SampleTlsOrigin.Settings origin, Map<String, ServerCredentials> bySni, List<Integer> cipherSuites,
                    Behaviour behaviour, byte[] garbage, Duration handshakeDelay, ClientCertificate clientCertificate,
                    HttpAnswer answer) {
        Settings {
            bySni = Map.copyOf(bySni);
            cipherSuites = List.copyOf(cipherSuites);
            garbage = garbage.clone();
        }

        @Override
        public byte[] garbage() {
            return garbage.clone();
        }
    }

    private static final byte[] DEFAULT_GARBAGE = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SLOW_RECORD = {22, 3, 3, 0x40, 0};
    /** A TLS 1.2 handshake record holding one HelloRequest (type 0, empty body). */
    private static final byte[] HELLO_REQUEST_RECORD = {22, 3, 3, 0, 4, 0, 0, 0, 0};
    /** A TLS 1.2 alert record: warning (1), unrecognized_name (112). */
    private static final byte[] WARNING_ALERT_RECORD = {21, 3, 3, 0, 2, 1, 112};

    private final Settings settings;
    private final HttpAnswer.Sender answer;
    private final HttpResponder responder;
    private final List<AtomicReference<ObservedClientHello>> clientHellos = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final LoopbackListener listener;

    private SampleTlsServer(InetAddress address, Settings settings) {
        this.settings = settings;
        this.answer = settings.answer().sender();
        this.responder = new HttpResponder(answer);
        this.listener = new LoopbackListener("sample-tls", address, this::serve);
    }

    /** A server presenting {@code credentials.chain()} as given (order included). */
    public static Builder builder(SamplePki.Issued credentials) {
        return new Builder(credentials);
    }

    public int port() {
        return listener.port();
    }

    /** ClientHellos received, in arrival order. */
    public List<ObservedClientHello> clientHellos() {
        return clientHellos.stream().map(AtomicReference::get).toList();
    }

    /** HTTP request heads received over completed handshakes. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public int connections() {
        return listener.connections();
    }

    /** The most requests that were being answered at the same time (between request and response). */
    public int maxConcurrentRequests() {
        return answer.maxConcurrentRequests();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        switch (settings.behaviour()) {
            case TLS -> {
                HttpAnswer.sleep(settings.handshakeDelay());
                serveTls(in, out);
            }
            case CLOSE_AFTER_SERVER_HELLO -> {
                HttpAnswer.sleep(settings.handshakeDelay());
                serveTls(in, AfterFirstRecord.close(out, socket));
            }
            case HELLO_REQUESTS_AFTER_SERVER_HELLO -> serveTls(in, AfterFirstRecord.flood(out, HELLO_REQUEST_RECORD));
            case WARNING_ALERTS_AFTER_SERVER_HELLO -> serveTls(in, AfterFirstRecord.flood(out, WARNING_ALERT_RECORD));
            case WARNING_ALERTS_AFTER_HANDSHAKE -> {
                AlertingProtocol protocol = new AlertingProtocol(in, out);
                protocol.accept(new Peer());
                while (true) { // until the client hangs up: then the write fails
                    protocol.warn();
                }
            }
            case SILENT -> drain(in);
            case GARBAGE -> {
                readSome(in);
                out.write(settings.garbage());
                out.flush();
                drain(in);
            }
            case RESET -> {
                readSome(in);
                socket.setSoLinger(true, 0);
                socket.close();
            }
            case SLOWLORIS -> {
                readSome(in);
                for (int i = 0; !socket.isClosed(); i++) {
                    out.write(i < SLOW_RECORD.length ? SLOW_RECORD[i] : 0);
                    out.flush();
                    HttpAnswer.sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void serveTls(InputStream in, OutputStream out) throws IOException {
        TlsServerProtocol protocol = new TlsServerProtocol(in, out);
        protocol.accept(new Peer());
        responder.serve(protocol.getInputStream(), protocol.getOutputStream(), requests::add);
        protocol.close();
    }

    private static void readSome(InputStream in) throws IOException {
        in.read(new byte[16 * 1024]);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // discard until the client hangs up or the server closes
        }
    }

    /**
     * Passes the first TLS record (the ServerHello) through, then does what {@link AfterFirstRecord.Then} says instead
     * of sending the rest of the handshake.
     */
    private static final class AfterFirstRecord extends OutputStream {
        private static final int HEADER_BYTES = 5;

        /** What the server does once its first record is out; it never returns normally. */
        @FunctionalInterface
        interface Then {
            void run(OutputStream out) throws IOException;
        }

        private final OutputStream out;
        private final Then then;
        private final byte[] header = new byte[HEADER_BYTES];
        private long passed;

        AfterFirstRecord(OutputStream out, Then then) {
            this.out = out;
            this.then = then;
        }

        /** A server that dies mid-handshake: closes the socket. */
        static AfterFirstRecord close(OutputStream out, Socket socket) {
            return new AfterFirstRecord(out, o -> {
                socket.close();
                throw new IOException("sample origin: closed after its first TLS record");
            });
        }

        /**
         * A server that keeps a client's TLS stack busy without ever finishing the handshake: writes {@code record}
         * again and again until the client hangs up (then the write fails).
         */
        static AfterFirstRecord flood(OutputStream out, byte[] record) {
            byte[] batch = new byte[16 * 1024 / record.length * record.length];
            for (int at = 0; at < batch.length; at += record.length) {
                System.arraycopy(record, 0, batch, at, record.length);
            }
            return new AfterFirstRecord(out, o -> {
                while (true) {
                    o.write(batch);
                    o.flush();
                }
            });
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                if (passed < HEADER_BYTES) {
                    header[(int) passed] = bytes[offset + i];
                } else if (passed >= HEADER_BYTES + recordLength()) {
                    out.write(bytes, offset, i);
                    out.flush();
                    then.run(out);
                    throw new IOException("sample origin: stopped after its first TLS record");
                }
                passed++;
            }
            out.write(bytes, offset, length);
        }

        private int recordLength() {
            return ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /** A server-side TLS connection that can send warning alerts once the handshake is done. */
    private static final class AlertingProtocol extends TlsServerProtocol {
        AlertingProtocol(InputStream in, OutputStream out) {
            super(in, out);
        }

        void warn() throws IOException {
            raiseAlertWarning(AlertDescription.unrecognized_name, "sample origin: a warning without end");
        }
    }

    /** The sample origin's TLS, plus the test server's suites, SNI credentials, client certificate policy and records. */
    private final class Peer extends SampleTlsPeer {
        private Optional<TlsVersion> clientVersion = Optional.empty();
        private List<TlsVersion> supportedVersions = List.of();
        private List<Integer> offeredSuites = List.of();
        private Optional<String> serverName = Optional.empty();
        private List<Integer> groups = List.of();
        private List<Integer> signatureSchemes = List.of();
        /** Published as soon as the ClientHello is read, completed with its extensions when they are processed. */
        private final AtomicReference<ObservedClientHello> published = new AtomicReference<>();

        Peer() {
            super(settings.origin());
        }

        private void publish() {
            ObservedClientHello hello = new ObservedClientHello(clientVersion, supportedVersions, offeredSuites,
                    serverName, groups, signatureSchemes);
            if (published.getAndSet(hello) == null) {
                clientHellos.add(published);
            }
        }

        @Override
        protected ServerCredentials credentialsFor(String name) {
            return settings.bySni().getOrDefault(name.toLowerCase(Locale.ROOT), super.credentialsFor(name));
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return settings.cipherSuites().isEmpty() ? super.getSupportedCipherSuites()
                    : supported(settings.cipherSuites());
        }

        @Override
        public void notifyOfferedCipherSuites(int[] suites) throws IOException {
            super.notifyOfferedCipherSuites(suites);
            offeredSuites = Arrays.stream(suites).boxed().toList();
            clientVersion = TlsVersion.fromWireValue(context.getClientVersion().getFullVersion());
            publish();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void processClientExtensions(Hashtable extensions) throws IOException {
            super.processClientExtensions(extensions);
            ProtocolVersion[] versions = TlsExtensionsUtils.getSupportedVersionsExtensionClient(extensions);
            supportedVersions = versions == null ? List.of() : Arrays.stream(versions)
                    .map(v -> TlsVersion.fromWireValue(v.getFullVersion())).flatMap(Optional::stream).toList();
            Vector names = TlsExtensionsUtils.getServerNameExtensionClient(extensions);
            if (names != null && !names.isEmpty()) {
                serverName = Optional.of(new String(((ServerName) names.get(0)).getNameData(),
                        StandardCharsets.US_ASCII));
            }
            int[] supportedGroups = TlsExtensionsUtils.getSupportedGroupsExtension(extensions);
            groups = supportedGroups == null ? List.of() : Arrays.stream(supportedGroups).boxed().toList();
            Vector sigAlgs = TlsExtensionsUtils.getSignatureAlgorithmsExtension(extensions);
            List<Integer> schemes = new ArrayList<>();
            if (sigAlgs != null) {
                for (Object algorithm : sigAlgs) {
                    schemes.add(SignatureScheme.from((SignatureAndHashAlgorithm) algorithm));
                }
            }
            signatureSchemes = List.copyOf(schemes);
            publish();
        }

        @Override
        public CertificateRequest getCertificateRequest() throws IOException {
            if (settings.clientCertificate() == ClientCertificate.NOT_REQUESTED) {
                return null;
            }
            ProtocolVersion version = context.getServerVersion();
            if (TlsUtils.isTLSv13(version)) {
                return new CertificateRequest(TlsUtils.EMPTY_BYTES, TlsUtils.getDefaultSupportedSignatureAlgorithms(
                        context), null, null);
            }
            short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
            return new CertificateRequest(types, TlsUtils.isSignatureAlgorithmsExtensionAllowed(version)
                    ? TlsUtils.getDefaultSupportedSignatureAlgorithms(context) : null, null);
        }

        @Override
        public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
            boolean none = clientCertificate == null || clientCertificate.isEmpty();
            if (none && settings.clientCertificate() == ClientCertificate.REQUIRED) {
                throw new TlsFatalAlert(TlsUtils.isTLSv13(context.getServerVersion())
                        ? AlertDescription.certificate_required : AlertDescription.handshake_failure,
                        "sample origin: a client certificate is required");
            }
        }
    }

    /** Configures a {@link SampleTlsServer}; {@link #start()} freezes it into {@link Settings} and binds it. */
    public static final class Builder {
        private final SamplePki.Issued credentials;
        private final Map<String, ServerCredentials> bySni = new HashMap<>();
        private List<TlsVersion> versions = List.of(TlsVersion.TLSV1_2, TlsVersion.TLSV1_3);
        private List<Integer> cipherSuites = List.of();
        private int httpStatus = 200;
        private Duration responseDelay = Duration.ZERO;
        private Behaviour behaviour = Behaviour.TLS;
        private byte[] garbage = DEFAULT_GARBAGE;
        private Duration handshakeDelay = Duration.ZERO;
        private ClientCertificate clientCertificate = ClientCertificate.NOT_REQUESTED;
        private Optional<String> location = Optional.empty();
        private long headerPaddingBytes;
        private boolean endlessBody;
        private Optional<Duration> responseByteInterval = Optional.empty();
        private InetAddress address = InetAddress.getLoopbackAddress();

        private Builder(SamplePki.Issued credentials) {
            this.credentials = credentials;
        }

        /** Versions the server accepts (default TLSv1.2 and TLSv1.3). */
        public Builder versions(TlsVersion... accepted) {
            this.versions = List.of(accepted);
            return this;
        }

        /** Cipher suites the server accepts (IANA codes; default: a broad modern and legacy set). */
        public Builder cipherSuites(int... suites) {
            if (suites.length == 0) {
                throw new IllegalArgumentException("cipherSuites: give at least one");
            }
            this.cipherSuites = Arrays.stream(suites).boxed().toList();
            return this;
        }

        /** Serves {@code credentials} when the ClientHello's SNI is {@code sni} (case-insensitive). */
        public Builder credentialsFor(String sni, SamplePki.Issued credentials) {
            bySni.put(sni.toLowerCase(Locale.ROOT), ServerCredentials.of(credentials));
            return this;
        }

        /** HTTP status of every response (default 200). */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /** Wait this long after the request before answering (default none). */
        public Builder responseDelay(Duration delay) {
            this.responseDelay = delay;
            return this;
        }

        public Builder behaviour(Behaviour what) {
            this.behaviour = what;
            return this;
        }

        /** Bytes sent by {@link Behaviour#GARBAGE} (default an SSH banner). */
        public Builder garbage(byte[] bytes) {
            this.garbage = bytes.clone();
            return this;
        }

        /** Wait this long after accepting a connection before answering the ClientHello (default none). */
        public Builder handshakeDelay(Duration delay) {
            this.handshakeDelay = delay;
            return this;
        }

        /** Send a CertificateRequest in the handshake (default: not requested). */
        public Builder clientCertificate(ClientCertificate policy) {
            this.clientCertificate = policy;
            return this;
        }

        /** A Location header on every response (with a 3xx status: a redirect). */
        public Builder location(String url) {
            this.location = Optional.of(url);
            return this;
        }

        /** Add about this many bytes of header lines to every response head, streamed (default none). */
        public Builder responseHeaderBytes(long bytes) {
            this.headerPaddingBytes = bytes;
            return this;
        }

        /** After the response head, send body bytes until the client hangs up (no Content-Length). */
        public Builder endlessBody() {
            this.endlessBody = true;
            return this;
        }

        /**
         * Send the response one byte per write (one TLS record per byte) with this pause after each byte, which may
         * be zero (default: all at once).
         */
        public Builder responseByteInterval(Duration interval) {
            this.responseByteInterval = Optional.of(interval);
            return this;
        }

        /** Listen on this loopback address (default 127.0.0.1; 127.0.0.0/8: one per simulated host). */
        public Builder listenOn(InetAddress loopbackAddress) {
            this.address = loopbackAddress;
            return this;
        }

        public SampleTlsServer start() {
            return new SampleTlsServer(address, new Settings(new SampleTlsOrigin.Settings(ServerCredentials.of(credentials),
                    versions), bySni, cipherSuites, behaviour, garbage, handshakeDelay, clientCertificate,
                    new HttpAnswer(httpStatus, responseDelay, location, headerPaddingBytes, endlessBody,
                            responseByteInterval)));
        }
    }
}
