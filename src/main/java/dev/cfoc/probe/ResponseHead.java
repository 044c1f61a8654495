package dev.cfoc.probe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bytes of a response head as they arrive, up to a fixed cap. Finding the end of the head costs time in
 * proportion to the bytes added, not to the bytes held: an origin that sends its head one byte per record cannot
 * make the probe copy or rescan the head again and again.
 */
final class ResponseHead {

    private static final int INITIAL_CAPACITY = 4096;

    private final int cap;
    private byte[] bytes;
    private int length;
    private int scannedUpTo;
    private int endOfHead = -1;
    private int endOfFirstLine = -1;

    ResponseHead(int cap) {
        this.cap = cap;
        this.bytes = new byte[Math.min(cap, INITIAL_CAPACITY)];
    }

    /** How many more bytes fit under the cap. */
    int room() {
        return cap - length;
    }

    int size() {
        return length;
    }

    boolean full() {
        return length >= cap;
    }

    /** True once a blank line (LF LF or LF CR LF) ended the head. */
    boolean complete() {
        return endOfHead >= 0;
    }

    void append(byte[] source, int offset, int count) {
        if (count > room()) {
            throw new IllegalArgumentException("count: " + count + " bytes do not fit, room for " + room());
        }
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(length + count, bytes.length * 2)));
        }
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        scan();
    }

    /** True when the bytes so far agree with {@code prefix} (are a prefix of it, or start with it). */
    boolean agreesWith(byte[] prefix) {
        int n = Math.min(length, prefix.length);
        return Arrays.equals(bytes, 0, n, prefix, 0, n);
    }

    boolean hasFirstLine() {
        return endOfFirstLine >= 0;
    }

    /** The first line without its line end (ISO-8859-1), once it is complete. */
    Optional<String> firstLine() {
        if (endOfFirstLine < 0) {
            return Optional.empty();
        }
        int end = endOfFirstLine > 0 && bytes[endOfFirstLine - 1] == '\r' ? endOfFirstLine - 1 : endOfFirstLine;
        return Optional.of(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void scan() {
        for (int i = scannedUpTo; i < length && endOfHead < 0; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (endOfFirstLine < 0) {
                endOfFirstLine = i;
            }
            if (i >= 1 && bytes[i - 1] == '\n' || i >= 2 && bytes[i - 1] == '\r' && bytes[i - 2] == '\n') {
                endOfHead = i;
            }
        }
        scannedUpTo = length;
    }
}
