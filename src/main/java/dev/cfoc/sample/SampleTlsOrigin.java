package dev.cfoc.sample;

import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.TlsServerProtocol;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

/**
 * A TLS origin on 127.0.0.1 (Bouncy Castle's server API): presents its chain as given (order included), accepts the
 * given TLS versions, and answers every request 200 with {@code Connection: close}.
 */
public final class SampleTlsOrigin implements AutoCloseable {

    /**
     * What the origin presents and accepts.
     *
     * @param versions at least one of TLSv1 … TLSv1.3
     */
    public record Settings(ServerCredentials credentials, List<TlsVersion> versions) {
        public Settings {
            versions = List.copyOf(versions);
            if (versions.isEmpty() || versions.contains(TlsVersion.SSLV3)) {
                throw new IllegalArgumentException("versions: give at least one of TLSv1 … TLSv1.3");
            }
        }

        /** {@code issued}'s chain and key, TLSv1.2 and TLSv1.3. */
        public static Settings of(SamplePki.Issued issued) {
            return new Settings(ServerCredentials.of(issued), List.of(TlsVersion.TLSV1_2, TlsVersion.TLSV1_3));
        }

        public Settings versions(TlsVersion... accepted) {
            return new Settings(credentials, List.of(accepted));
        }
    }

    private final Settings settings;
    private final HttpResponder responder = new HttpResponder(HttpResponder.status(200));
    private final LoopbackListener listener;

    private SampleTlsOrigin(Settings settings) {
        this.settings = settings;
        this.listener = new LoopbackListener("sample-tls", this::serve);
    }

    public static SampleTlsOrigin start(Settings settings) {
        return new SampleTlsOrigin(settings);
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void serve(Socket socket) throws IOException {
        TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
        protocol.accept(new SampleTlsPeer(settings));
        responder.serve(protocol.getInputStream(), protocol.getOutputStream(), request -> { });
        protocol.close();
    }
}
