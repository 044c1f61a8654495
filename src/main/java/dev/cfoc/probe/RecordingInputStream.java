package dev.cfoc.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps the first bytes a peer sent (to say what came back when a handshake fails) and whether it hung up.
 * Closing it does not close the socket: the probe owns the socket and may still read evidence from it after
 * Bouncy Castle gave up and closed its streams.
 */
final class RecordingInputStream extends FilterInputStream {

    static final int KEPT_BYTES = 512;

    private final byte[] kept = new byte[KEPT_BYTES];
    private volatile int keptLength;
    private volatile long total;
    private volatile boolean endOfStream;

    RecordingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            endOfStream = true;
        } else {
            keep(new byte[]{(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            endOfStream = true;
        } else {
            keep(buffer, offset, n);
        }
        return n;
    }

    private synchronized void keep(byte[] buffer, int offset, int n) {
        int room = Math.min(n, KEPT_BYTES - keptLength);
        if (room > 0) {
            System.arraycopy(buffer, offset, kept, keptLength, room);
            keptLength += room;
        }
        total += n;
    }

    @Override
    public void close() {
        // the socket is closed by its owner
    }

    /** Up to {@link #KEPT_BYTES} first bytes received. */
    synchronized byte[] firstBytes() {
        return Arrays.copyOf(kept, keptLength);
    }

    long totalBytes() {
        return total;
    }

    boolean sawEndOfStream() {
        return endOfStream;
    }
}
