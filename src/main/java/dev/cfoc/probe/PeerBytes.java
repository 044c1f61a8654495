package dev.cfoc.probe;

import dev.cfoc.plan.TlsVersion;

import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads what a peer sent back, to describe it: TLS or not, and a printable rendering. */
final class PeerBytes {

    private static final int SHOWN_CHARACTERS = 60;
    private static final int RECORD_HANDSHAKE = 22;
    private static final int HANDSHAKE_SERVER_HELLO = 2;

    private PeerBytes() {
    }

    /** True when the bytes start like a TLS record (content type 20–24, major version 3). */
    static boolean looksLikeTls(byte[] bytes) {
        if (bytes.length == 0) {
            return true;
        }
        int type = bytes[0] & 0xFF;
        boolean typeOk = type >= 20 && type <= 24;
        return bytes.length == 1 ? typeOk : typeOk && bytes[1] == 3;
    }

    /** The first line of text (up to 60 characters), or hex when the bytes are binary. */
    static String printable(byte[] bytes) {
        int printable = 0;
        int limit = Math.min(bytes.length, SHOWN_CHARACTERS);
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F || b == '\r' || b == '\n' || b == '\t') {
                printable++;
            }
        }
        if (limit > 0 && printable * 10 >= limit * 9) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < limit; i++) {
                char c = (char) (bytes[i] & 0xFF);
                if (c == '\r' || c == '\n') {
                    break;
                }
                text.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
            return "'" + text + "'" + (bytes.length > text.length() + 2 ? "…" : "");
        }
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 24));
        return "bytes " + hex + (bytes.length > 24 ? " …" : "");
    }

    /** Version and cipher suite of a ServerHello at the start of the bytes, when they are all there. */
    static Optional<ServerHelloSeen> serverHello(byte[] bytes) {
        if (bytes.length < 44 || (bytes[0] & 0xFF) != RECORD_HANDSHAKE || (bytes[5] & 0xFF) != HANDSHAKE_SERVER_HELLO) {
            return Optional.empty();
        }
        int version = ((bytes[9] & 0xFF) << 8) | (bytes[10] & 0xFF);
        int sessionIdLength = bytes[43] & 0xFF;
        int suiteAt = 44 + sessionIdLength;
        OptionalInt suite = bytes.length >= suiteAt + 2
                ? OptionalInt.of(((bytes[suiteAt] & 0xFF) << 8) | (bytes[suiteAt + 1] & 0xFF))
                : OptionalInt.empty();
        return TlsVersion.fromWireValue(version).map(v -> new ServerHelloSeen(v, suite));
    }

    /** What a ServerHello said. */
    record ServerHelloSeen(TlsVersion version, OptionalInt cipherSuite) {
        String describe() {
            return version.apiName() + (cipherSuite.isPresent() ? " " + TlsNames.cipherSuite(cipherSuite.getAsInt()) : "");
        }
    }
}
