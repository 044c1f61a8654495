package dev.cfoc.testing;

import dev.cfoc.sample.HttpResponder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a test origin answers a request: a status, after a delay, optionally as a hostile origin would (a Location,
 * megabytes of header, a body that never ends, one byte at a time).
 *
 * @param headerPaddingBytes bytes of extra header lines ({@code X-Padding: xxx…}), streamed, never held in memory
 * @param endlessBody        after the head, send body bytes until the client hangs up
 * @param byteInterval       when present, the response is written one byte per write (over TLS: one record per
 *                           byte) with this pause after each; when empty, all at once
 */
record HttpAnswer(int status, Duration delay, Optional<String> location, long headerPaddingBytes, boolean endlessBody,
                  Optional<Duration> byteInterval) {

    private static final int PADDING_LINE_BYTES = 8 * 1024;
    private static final byte[] BODY_CHUNK = "0123456789abcdef".repeat(1024).getBytes(StandardCharsets.US_ASCII);

    HttpAnswer {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("httpStatus: must be three digits, was " + status);
        }
        if (headerPaddingBytes < 0) {
            throw new IllegalArgumentException("responseHeaderBytes: must be 0 or more, was " + headerPaddingBytes);
        }
    }

    static HttpAnswer of(int status, Duration delay) {
        return new HttpAnswer(status, delay, Optional.empty(), 0, false, Optional.empty());
    }

    /** This answer as a server sends it, counting the requests being answered at the same time. */
    Sender sender() {
        return new Sender(this);
    }

    static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends an {@link HttpAnswer}; one per server, shared by its connections. */
    static final class Sender implements HttpResponder.Answer {
        private final HttpAnswer answer;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        private Sender(HttpAnswer answer) {
            this.answer = answer;
        }

        /** The most requests that were being answered at the same time (between request and response). */
        int maxConcurrentRequests() {
            return maxInFlight.get();
        }

        @Override
        public void send(OutputStream out) throws IOException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                sleep(answer.delay());
            } finally {
                // before the answer leaves: a client can only start its next request after this
                inFlight.decrementAndGet();
            }
            StringBuilder head = new StringBuilder(HttpResponder.statusLine(answer.status()) + "\r\n");
            answer.location().ifPresent(location -> head.append("Location: ").append(location).append("\r\n"));
            head.append("Content-Type: text/plain\r\n");
            if (!answer.endlessBody()) {
                head.append("Content-Length: 0\r\n");
            }
            head.append("Connection: close\r\n");
            write(out, head.toString().getBytes(StandardCharsets.US_ASCII));
            for (long left = answer.headerPaddingBytes(); left > 0; left -= PADDING_LINE_BYTES) {
                int valueLength = (int) Math.max(1, Math.min(left, PADDING_LINE_BYTES) - "X-Padding: \r\n".length());
                write(out, ("X-Padding: " + "x".repeat(valueLength) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            write(out, "\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (answer.endlessBody()) {
                write(out, BODY_CHUNK);
                out.flush();
            }
        }

        private void write(OutputStream out, byte[] bytes) throws IOException {
            if (answer.byteInterval().isEmpty()) {
                out.write(bytes);
                return;
            }
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                sleep(answer.byteInterval().get());
            }
        }
    }
}
