package dev.cfoc.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The HTTP side of a sample origin: reads one request head, then sends its {@link Answer}; the connection closes
 * after it. Input that does not start like an HTTP request is answered with 400 at once, as web servers do.
 */
public final class HttpResponder {

    /** What the origin sends once it has read a request head. */
    @FunctionalInterface
    public interface Answer {
        void send(OutputStream out) throws IOException;
    }

    private static final int MAX_REQUEST_HEAD = 64 * 1024;

    private final Answer answer;

    public HttpResponder(Answer answer) {
        this.answer = answer;
    }

    /** An empty response with this status, {@code Connection: close}. */
    public static Answer status(int status) {
        return out -> {
            out.write(head(status).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    /** Reads a request and answers it; {@code onRequest} gets the request head before the answer is sent. */
    public void serve(InputStream in, OutputStream out, Consumer<String> onRequest) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!complete(head.toByteArray())) {
            int n = in.read(buffer);
            if (n < 0 || head.size() + n > MAX_REQUEST_HEAD) {
                return;
            }
            head.write(buffer, 0, n);
            if (!startsLikeRequest(head.toByteArray())) {
                status(400).send(out);
                return;
            }
        }
        onRequest.accept(head.toString(StandardCharsets.ISO_8859_1));
        answer.send(out);
    }

    /** {@code HTTP/1.1 200 OK}: the status line, without its line end. */
    public static String statusLine(int status) {
        return "HTTP/1.1 " + status + " " + reason(status);
    }

    private static String head(int status) {
        return statusLine(status) + "\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
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
}
