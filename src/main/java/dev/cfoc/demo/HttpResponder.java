package dev.cfoc.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the sample origins: reads one request head, answers a fixed status with Connection: close
 * (shaped by an {@link HttpAnswer}: Location, huge head, endless body, trickle).
 * Input that does not start like an HTTP request is answered with 400 at once, as web servers do.
 */
final class HttpResponder {

    private static final int MAX_REQUEST_HEAD = 64 * 1024;
    private static final int PADDING_LINE_BYTES = 8 * 1024;
    private static final byte[] BODY_CHUNK = "0123456789abcdef".repeat(1024).getBytes(StandardCharsets.US_ASCII);

    private final HttpAnswer answer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    HttpResponder(int status, Duration delay) {
        this(HttpAnswer.of(status, delay));
    }

    HttpResponder(HttpAnswer answer) {
        this.answer = answer;
    }

    /** Reads a request and answers it; {@code onRequest} gets the request head before the answer is sent. */
    void serve(InputStream in, OutputStream out, Consumer<String> onRequest) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!complete(head.toByteArray())) {
            int n = in.read(buffer);
            if (n < 0 || head.size() + n > MAX_REQUEST_HEAD) {
                return;
            }
            head.write(buffer, 0, n);
            if (!startsLikeRequest(head.toByteArray())) {
                write(out, 400);
                return;
            }
        }
        onRequest.accept(head.toString(StandardCharsets.ISO_8859_1));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            sleep(answer.delay());
        } finally {
            // before the answer leaves: a client can only start its next request after this
            inFlight.decrementAndGet();
        }
        answer(out);
    }


    /** The most requests that were being answered at the same time. */
    int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    private void answer(OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + answer.status() + " " + reason(answer.status()) + "\r\n");
        answer.location().ifPresent(location -> head.append("Location: ").append(location).append("\r\n"));
        head.append("Content-Type: text/plain\r\n");
        if (!answer.endlessBody()) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("Connection: close\r\n");
        send(out, head.toString().getBytes(StandardCharsets.US_ASCII));
        for (long left = answer.headerPaddingBytes(); left > 0; left -= PADDING_LINE_BYTES) {
            int valueLength = (int) Math.max(1, Math.min(left, PADDING_LINE_BYTES) - "X-Padding: \r\n".length());
            send(out, ("X-Padding: " + "x".repeat(valueLength) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        send(out, "\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (answer.endlessBody()) {
            send(out, BODY_CHUNK);
            out.flush();
        }
    }

    private void send(OutputStream out, byte[] bytes) throws IOException {
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

    private static void write(OutputStream out, int status) throws IOException {
        String response = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static boolean complete(byte[] head) {
        for (int i = 3; i < head.length; i++) {
            if (head[i - 3] == '\r' && head[i - 2] == '\n' && head[i - 1] == '\r' && head[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** A method token (uppercase letters) then a space. */
    private static boolean startsLikeRequest(byte[] head) {
        for (int i = 0; i < head.length && i < 16; i++) {
            byte b = head[i];
            if (b == ' ') {
                return i > 0;
            }
            if (b < 'A' || b > 'Z') {
                return false;
            }
        }
        return head.length < 16;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
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
}
