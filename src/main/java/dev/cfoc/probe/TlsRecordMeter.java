package dev.cfoc.probe;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.ContentType;
import org.bouncycastle.tls.HandshakeType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds what an origin may send on one TLS connection, in bytes and in records, and keeps what it sent: bytes,
 * records by content type and, while they travel in clear, the handshake messages and alerts. Without it an origin
 * that answers the ClientHello with a ServerHello and then HelloRequests or warning alerts without end keeps the TLS
 * stack busy (megabytes of records, a CPU core) until ConnectionTimeout, and starves the other probes of the run.
 * Parses the record layer as the bytes pass (the 5-byte headers are in clear in every version) and throws
 * {@link LimitExceeded} from {@code read} as soon as a bound is passed. Two phases, each with its own bounds: the
 * handshake, then the response (from the end of the handshake to the end of the response head). One per connection.
 */
final class TlsRecordMeter extends FilterInputStream {

    /**
     * Decision: the most a handshake may send, 384 KiB: a Certificate message of the largest size the client reads
     * ({@link CloudFrontTlsClient#MAX_HANDSHAKE_MESSAGE_BYTES}, 256 KiB, so that a huge chain is still reported as
     * such) and 128 KiB for everything else. Real handshakes are a few KiB; AWS documents no limit.
     */
    static final int MAX_HANDSHAKE_BYTES = CloudFrontTlsClient.MAX_HANDSHAKE_MESSAGE_BYTES + 128 * 1024;

    /**
     * Decision: the most records a handshake may take, 1024. A real one takes about ten (ServerHello, Certificate in
     * one to sixteen records, ServerKeyExchange, ServerHelloDone, ChangeCipherSpec, Finished); 1024 still admits a
     * server that cuts a long chain into 256-byte records.
     */
    static final int MAX_HANDSHAKE_RECORDS = 1024;

    /**
     * Decision: the most an origin may send between the end of the handshake and the end of the response head, 4 MiB.
     * The head is read up to {@link HttpExchange#MAX_RESPONSE_HEAD_BYTES} (64 KiB); even sent one byte per record
     * (about 30 bytes of framing each) that is under 2 MiB.
     */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    /**
     * Decision: the most records other than application data (alerts, handshake messages such as HelloRequest) an
     * origin may send after the handshake, 64. A real origin sends none, or a warning before it closes.
     */
    static final int MAX_RESPONSE_OTHER_RECORDS = 64;

    private static final int HEADER_BYTES = 5;
    private static final int MESSAGE_HEADER_BYTES = 4;

    /** Which bounds apply. */
    enum Phase {
        HANDSHAKE("during the TLS handshake"),
        RESPONSE("after the TLS handshake, before the end of the response head");

        private final String when;

        Phase(String when) {
            this.when = when;
        }

        /** "during the TLS handshake". */
        String when() {
            return when;
        }
    }

    /**
     * What the origin sent in one phase.
     *
     * @param bound    the bound it passed, for people ("1024 records"); empty while within bounds
     * @param records  records by content type ("handshake", "alert", "application_data"…), in order of appearance
     * @param messages handshake messages ("HelloRequest") and alerts ("alert warning unrecognized_name(112)") that
     *                 travelled in clear, in order of appearance
     */
    record Tally(Phase phase, long bytes, long recordCount, Map<String, Long> records, Map<String, Long> messages,
                 Optional<String> bound) {
        Tally {
            records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
            messages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        }
    }

    /** Thrown by {@code read} when the origin passed a bound: the connection is of no further use. */
    static final class LimitExceeded extends IOException {
        private final transient Tally tally;

        LimitExceeded(Tally tally) {
            super("the origin sent more than " + tally.bound().orElseThrow() + " " + tally.phase().when());
            this.tally = tally;
        }

        Tally tally() {
            return tally;
        }
    }

    private Phase phase = Phase.HANDSHAKE;
    private long bytes;
    private long recordCount;
    private long otherRecords;
    private final Map<String, Long> records = new LinkedHashMap<>();
    private final Map<String, Long> messages = new LinkedHashMap<>();
    private volatile Optional<Tally> exceeded = Optional.empty();

    // the record being read
    private final byte[] header = new byte[HEADER_BYTES];
    private int headerRead;
    private int payloadLeft;
    /** After the origin's ChangeCipherSpec its handshake messages and alerts are encrypted: no longer parsed. */
    private boolean encrypted;
    // a handshake message or alert being read in clear, across records
    private final byte[] messageHeader = new byte[MESSAGE_HEADER_BYTES];
    private int messageHeaderRead;
    private int messageBodyLeft;
    private int alertLevel = -1;

    TlsRecordMeter(InputStream in) {
        super(in);
    }

    /** From now on the response's bounds apply, to what the origin sends from now on. */
    synchronized void startResponse() {
        phase = Phase.RESPONSE;
        bytes = 0;
        recordCount = 0;
        otherRecords = 0;
        records.clear();
        messages.clear();
    }

    /** What the origin sent when it passed a bound; empty while it stayed within them. */
    Optional<Tally> exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (exceeded.isPresent()) {
            throw new LimitExceeded(exceeded.get());
        }
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 4096)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    private synchronized void count(byte[] buffer, int offset, int length) throws LimitExceeded {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (headerRead < HEADER_BYTES) {
                header[headerRead++] = buffer[at++];
                bytes++;
                if (headerRead == HEADER_BYTES) {
                    startRecord();
                }
            } else {
                int n = Math.min(payloadLeft, end - at);
                if (!encrypted && header[0] == ContentType.handshake) {
                    handshakeBytes(buffer, at, n);
                } else if (!encrypted && header[0] == ContentType.alert) {
                    alertBytes(buffer, at, n);
                }
                at += n;
                bytes += n;
                payloadLeft -= n;
                if (payloadLeft == 0) {
                    headerRead = 0;
                }
            }
            check();
        }
    }

    private void startRecord() {
        int type = header[0] & 0xFF;
        payloadLeft = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        recordCount++;
        if (type != ContentType.application_data) {
            otherRecords++;
        }
        records.merge(ContentType.getName((short) type), 1L, Long::sum);
        if (type == ContentType.change_cipher_spec) {
            encrypted = true;
        }
        if (payloadLeft == 0) {
            headerRead = 0;
        }
    }

    private void handshakeBytes(byte[] buffer, int at, int n) {
        for (int i = at; i < at + n; ) {
            if (messageHeaderRead < MESSAGE_HEADER_BYTES) {
                messageHeader[messageHeaderRead++] = buffer[i++];
                if (messageHeaderRead == MESSAGE_HEADER_BYTES) {
                    messages.merge(HandshakeType.getName((short) (messageHeader[0] & 0xFF)), 1L, Long::sum);
                    messageBodyLeft = ((messageHeader[1] & 0xFF) << 16) | ((messageHeader[2] & 0xFF) << 8)
                            | (messageHeader[3] & 0xFF);
                    if (messageBodyLeft == 0) {
                        messageHeaderRead = 0;
                    }
                }
            } else {
                int skipped = Math.min(messageBodyLeft, at + n - i);
                i += skipped;
                messageBodyLeft -= skipped;
                if (messageBodyLeft == 0) {
                    messageHeaderRead = 0;
                }
            }
        }
    }

    private void alertBytes(byte[] buffer, int at, int n) {
        for (int i = at; i < at + n; i++) {
            if (alertLevel < 0) {
                alertLevel = buffer[i] & 0xFF;
            } else {
                messages.merge("alert " + AlertLevel.getName((short) alertLevel) + " "
                        + AlertDescription.getText((short) (buffer[i] & 0xFF)), 1L, Long::sum);
                alertLevel = -1;
            }
        }
    }

    private void check() throws LimitExceeded {
        Optional<String> bound = switch (phase) {
            case HANDSHAKE -> bytes > MAX_HANDSHAKE_BYTES ? Optional.of(MAX_HANDSHAKE_BYTES / 1024 + " KiB")
                    : recordCount > MAX_HANDSHAKE_RECORDS ? Optional.of(MAX_HANDSHAKE_RECORDS + " records")
                    : Optional.empty();
            case RESPONSE -> bytes > MAX_RESPONSE_BYTES ? Optional.of(MAX_RESPONSE_BYTES / (1024 * 1024) + " MiB")
                    : otherRecords > MAX_RESPONSE_OTHER_RECORDS
                    ? Optional.of(MAX_RESPONSE_OTHER_RECORDS + " records other than application data")
                    : Optional.empty();
        };
        if (bound.isPresent()) {
            Tally tally = new Tally(phase, bytes, recordCount, records, messages, bound);
            exceeded = Optional.of(tally);
            throw new LimitExceeded(tally);
        }
    }
}
