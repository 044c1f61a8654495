package dev.cfoc.probe;

import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.TlsClientProtocol;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** How one TLS handshake ended. */
sealed interface HandshakeOutcome {

    /**
     * The handshake completed; {@code protocol} carries the application data, {@code meter} bounds what the origin
     * sends from now on ({@link TlsRecordMeter#startResponse}).
     */
    record Completed(TlsVersion version, int cipherSuite, List<X509Certificate> chain, TlsClientProtocol protocol,
                     TlsRecordMeter meter)
            implements HandshakeOutcome {
        public Completed {
            chain = List.copyOf(chain);
        }
    }

    /** The deadline passed first. */
    record TimedOut(String description) implements HandshakeOutcome {
    }

    /** The origin sent more bytes or records than any real handshake needs ({@link TlsRecordMeter}). */
    record Overrun(TlsRecordMeter.Tally tally) implements HandshakeOutcome {
    }

    /**
     * The handshake failed.
     *
     * @param description       what happened, for people (e.g. "the origin sent fatal alert handshake_failure(40)")
     * @param serverVersion     the version of the server's ServerHello, when one arrived
     * @param serverCipherSuite the suite of the server's ServerHello, when one arrived
     * @param chain             the certificates the server sent before the failure, if any
     */
    record Failed(Kind kind, String description, Optional<TlsVersion> serverVersion, OptionalInt serverCipherSuite,
                  List<X509Certificate> chain)
            implements HandshakeOutcome {
        public Failed {
            chain = List.copyOf(chain);
        }

        /**
         * True when follow-up handshakes cannot say more: the port does not speak TLS, the origin wants a client
         * certificate, or it sends more than the client reads — each follow-up would fail the same way.
         */
        boolean needsNoDiagnosis() {
            return kind == Kind.NOT_TLS || kind == Kind.CLIENT_CERTIFICATE_REQUIRED || kind == Kind.TOO_LARGE;
        }

        /** True when the server answered with a ServerHello (so it speaks the version and accepts the suite). */
        boolean serverHelloSeen() {
            return serverVersion.isPresent();
        }
    }

    /** Why a handshake failed. */
    enum Kind {
        /** The server sent a fatal alert. */
        ALERT_RECEIVED,
        /** The client aborted (the server chose something not offered, or sent something invalid). */
        ALERT_RAISED,
        /** The server answered with bytes that are not TLS. */
        NOT_TLS,
        /** The connection was reset. */
        RESET,
        /** The server closed the connection. */
        CLOSED,
        /** The server asked for a client certificate and ended the handshake when none came. */
        CLIENT_CERTIFICATE_REQUIRED,
        /** The server sent more than the client reads (a huge Certificate message). */
        TOO_LARGE,
        /** Anything else (I/O error). */
        OTHER
    }
}
