package dev.cfoc.demo;

import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * An in-process TLS origin on 127.0.0.1 built on Bouncy Castle's low-level server API, so it can be what real
 * origins sometimes are: TLS 1.3-only, TLS 1.0-only, CHACHA20-only, serving a chain in the wrong order or a
 * certificate per SNI — or not TLS at all (silent, garbage, reset, one byte a second), or hostile in other ways
 * (hang up after the ServerHello, ask for a client certificate, answer megabytes of header or a body that never
 * ends). Answers one HTTP request per connection with a fixed status and Connection: close. Records every
 * ClientHello and request it sees.
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
        CLOSE_AFTER_SERVER_HELLO
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

    /** Every suite the sample server can serve; the configured key type narrows it per connection. */
    private static final List<Integer> ALL_SUITES = List.of(
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA);

    private static final byte[] DEFAULT_GARBAGE = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SLOW_RECORD = {22, 3, 3, 0x40, 0};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Builder config;
    private final Map<String, Credentials> bySni;
    private final Credentials defaultCredentials;
    private final HttpResponder responder;
    private final List<AtomicReference<ObservedClientHello>> clientHellos =
            new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final LoopbackListener listener;

    private SampleTlsServer(Builder builder) {
        this.config = builder;
        this.defaultCredentials = Credentials.of(builder.chain, builder.privateKey);
        Map<String, Credentials> sni = new HashMap<>();
        builder.chainsBySni.forEach((name, issued) ->
                sni.put(name.toLowerCase(Locale.ROOT), Credentials.of(issued.chain(), issued.privateKey())));
        this.bySni = Map.copyOf(sni);
        this.responder = new HttpResponder(new HttpAnswer(builder.httpStatus, builder.responseDelay,
                builder.location, builder.headerPaddingBytes, builder.endlessBody, builder.responseByteInterval));
        this.listener = new LoopbackListener("sample-tls", this::serve);
    }

    /** A server presenting {@code credentials.chain()} as given (order included). */
    public static Builder builder(SamplePki.Issued credentials) {
        return new Builder(credentials.chain(), credentials.privateKey());
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
        return responder.maxConcurrentRequests();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        switch (config.behaviour) {
            case TLS -> {
                HttpResponder.sleep(config.handshakeDelay);
                serveTls(in, out);
            }
            case CLOSE_AFTER_SERVER_HELLO -> {
                HttpResponder.sleep(config.handshakeDelay);
                serveTls(in, new FirstRecordOnly(out, socket));
            }
            case SILENT -> drain(in);
            case GARBAGE -> {
                readSome(in);
                out.write(config.garbage);
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
                    HttpResponder.sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void serveTls(InputStream in, OutputStream out) throws IOException {
        TlsServerProtocol protocol = new TlsServerProtocol(in, out);
        Peer peer = new Peer(new BcTlsCrypto(RANDOM));
        protocol.accept(peer);
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

    /** Passes the first TLS record through, then closes the socket: a server that dies mid-handshake. */
    private static final class FirstRecordOnly extends OutputStream {
        private static final int HEADER_BYTES = 5;

        private final OutputStream out;
        private final Socket socket;
        private final byte[] header = new byte[HEADER_BYTES];
        private long passed;

        FirstRecordOnly(OutputStream out, Socket socket) {
            this.out = out;
            this.socket = socket;
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
                    socket.close();
                    throw new IOException("sample origin: closed after its first TLS record");
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

    /** A certificate chain in Bouncy Castle's form with its private key. */
    private record Credentials(List<byte[]> encodedChain, AsymmetricKeyParameter key) {
        static Credentials of(List<X509Certificate> chain, PrivateKey privateKey) {
            try {
                List<byte[]> encoded = new ArrayList<>();
                for (X509Certificate certificate : chain) {
                    encoded.add(certificate.getEncoded());
                }
                return new Credentials(List.copyOf(encoded), PrivateKeyFactory.createKey(privateKey.getEncoded()));
            } catch (CertificateEncodingException | IOException e) {
                throw new IllegalArgumentException("credentials: cannot convert the key or chain", e);
            }
        }

        boolean isRsa() {
            return key instanceof RSAKeyParameters;
        }

        boolean canServe(int suite) {
            int keyExchange = TlsUtils.getKeyExchangeAlgorithm(suite);
            return switch (keyExchange) {
                case KeyExchangeAlgorithm.NULL -> true;
                case KeyExchangeAlgorithm.ECDHE_ECDSA -> !isRsa();
                case KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.DHE_RSA, KeyExchangeAlgorithm.RSA -> isRsa();
                default -> false;
            };
        }

        Certificate certificate(BcTlsCrypto crypto, boolean tls13) throws IOException {
            TlsCertificate[] certificates = new TlsCertificate[encodedChain.size()];
            for (int i = 0; i < certificates.length; i++) {
                certificates[i] = crypto.createCertificate(encodedChain.get(i));
            }
            if (!tls13) {
                return new Certificate(certificates);
            }
            CertificateEntry[] entries = Arrays.stream(certificates).map(c -> new CertificateEntry(c, null))
                    .toArray(CertificateEntry[]::new);
            return new Certificate(TlsUtils.EMPTY_BYTES, entries);
        }
    }

    /** Bouncy Castle's view of this server, one per connection. */
    private final class Peer extends DefaultTlsServer {
        private final BcTlsCrypto crypto;
        private Credentials credentials = defaultCredentials;
        private Optional<TlsVersion> clientVersion = Optional.empty();
        private List<TlsVersion> supportedVersions = List.of();
        private List<Integer> offeredSuites = List.of();
        private Optional<String> serverName = Optional.empty();
        private List<Integer> groups = List.of();
        private List<Integer> signatureSchemes = List.of();
        /** Published as soon as the ClientHello is read, completed with its extensions when they are processed. */
        private final AtomicReference<ObservedClientHello> published =
                new AtomicReference<>();

        Peer(BcTlsCrypto crypto) {
            super(crypto);
            this.crypto = crypto;
        }

        private void publish() {
            ObservedClientHello hello = new ObservedClientHello(clientVersion, supportedVersions, offeredSuites,
                    serverName, groups, signatureSchemes);
            if (published.getAndSet(hello) == null) {
                clientHellos.add(published);
            }
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return config.versions.stream().sorted(Comparator.reverseOrder())
                    .map(v -> ProtocolVersion.get(v.wireValue() >> 8, v.wireValue() & 0xFF))
                    .toArray(ProtocolVersion[]::new);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            int[] suites = config.cipherSuites.stream().mapToInt(Integer::intValue).toArray();
            return TlsUtils.getSupportedCipherSuites(crypto, suites);
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
                String name = new String(((ServerName) names.get(0)).getNameData(), StandardCharsets.US_ASCII);
                serverName = Optional.of(name);
                credentials = bySni.getOrDefault(name.toLowerCase(Locale.ROOT), defaultCredentials);
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
            if (config.clientCertificate == ClientCertificate.NOT_REQUESTED) {
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
            if (none && config.clientCertificate == ClientCertificate.REQUIRED) {
                throw new TlsFatalAlert(TlsUtils.isTLSv13(context.getServerVersion())
                        ? AlertDescription.certificate_required : AlertDescription.handshake_failure,
                        "sample origin: a client certificate is required");
            }
        }

        @Override
        protected boolean selectCipherSuite(int suite) throws IOException {
            return credentials.canServe(suite) && super.selectCipherSuite(suite);
        }

        @Override
        public TlsCredentials getCredentials() throws IOException {
            var parameters = context.getSecurityParametersHandshake();
            boolean tls13 = TlsUtils.isTLSv13(parameters.getNegotiatedVersion());
            Certificate certificate = credentials.certificate(crypto, tls13);
            if (!tls13 && parameters.getKeyExchangeAlgorithm() == KeyExchangeAlgorithm.RSA) {
                return new BcDefaultTlsCredentialedDecryptor(crypto, certificate, credentials.key());
            }
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, credentials.key(),
                    certificate, signatureAlgorithm(parameters.getClientSigAlgs(), parameters.getNegotiatedVersion(),
                    tls13));
        }

        /** The first of the client's signature algorithms this key can make; null before TLS 1.2. */
        @SuppressWarnings("rawtypes")
        private SignatureAndHashAlgorithm signatureAlgorithm(Vector clientAlgorithms, ProtocolVersion version,
                                                             boolean tls13) throws IOException {
            if (!TlsUtils.isSignatureAlgorithmsExtensionAllowed(version)) {
                return null;
            }
            if (clientAlgorithms == null) {
                return SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha1,
                        credentials.isRsa() ? SignatureAlgorithm.rsa : SignatureAlgorithm.ecdsa);
            }
            for (Object candidate : clientAlgorithms) {
                SignatureAndHashAlgorithm algorithm = (SignatureAndHashAlgorithm) candidate;
                if (fits(algorithm, tls13)) {
                    return algorithm;
                }
            }
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no signature algorithm fits the key");
        }

        private boolean fits(SignatureAndHashAlgorithm algorithm, boolean tls13) {
            int scheme = SignatureScheme.from(algorithm);
            if (credentials.isRsa()) {
                boolean pss = scheme == SignatureScheme.rsa_pss_rsae_sha256 || scheme == SignatureScheme.rsa_pss_rsae_sha384
                        || scheme == SignatureScheme.rsa_pss_rsae_sha512;
                return pss || !tls13 && algorithm.getSignature() == SignatureAlgorithm.rsa;
            }
            return tls13 ? scheme == SignatureScheme.ecdsa_secp256r1_sha256
                    : algorithm.getSignature() == SignatureAlgorithm.ecdsa;
        }
    }

    /** Configures a {@link SampleTlsServer}; {@link #start()} binds it. */
    public static final class Builder {
        private final List<X509Certificate> chain;
        private final PrivateKey privateKey;
        private final Map<String, SamplePki.Issued> chainsBySni = new HashMap<>();
        private List<TlsVersion> versions = List.of(TlsVersion.TLSV1_2, TlsVersion.TLSV1_3);
        private List<Integer> cipherSuites = ALL_SUITES;
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

        private Builder(List<X509Certificate> chain, PrivateKey privateKey) {
            this.chain = List.copyOf(chain);
            this.privateKey = privateKey;
        }

        /** Versions the server accepts (default TLSv1.2 and TLSv1.3). */
        public Builder versions(TlsVersion... accepted) {
            if (accepted.length == 0 || Arrays.asList(accepted).contains(TlsVersion.SSLV3)) {
                throw new IllegalArgumentException("versions: give at least one of TLSv1 … TLSv1.3");
            }
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
            chainsBySni.put(sni, credentials);
            return this;
        }

        /** HTTP status of every response (default 200). */
        public Builder httpStatus(int status) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("httpStatus: must be three digits, was " + status);
            }
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
            if (bytes < 0) {
                throw new IllegalArgumentException("responseHeaderBytes: must be 0 or more, was " + bytes);
            }
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

        public SampleTlsServer start() {
            return new SampleTlsServer(this);
        }
    }
}
