package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.plan.ProbeTarget;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP/1.1 part of a probe: one GET as CloudFront sends it (Host, User-Agent, Via, the origin's custom headers,
 * Connection: close), then the status line and headers only, within an absolute deadline. Never follows redirects.
 * Header values are put on the wire and nowhere else.
 */
final class HttpExchange {

    /**
     * Decision: read at most this much of a response head (status line + headers); beyond it, stop reading, keep
     * the status and report the head as invalid. Bounds memory against a hostile origin; real heads are a few KiB,
     * and AWS documents no limit of its own.
     */
    static final int MAX_RESPONSE_HEAD_BYTES = 64 * 1024;

    static final String USER_AGENT = "Amazon CloudFront";
    static final String VIA = "1.1 cloudfront-origin-checker";

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/(\\d)\\.(\\d) (\\d{3})(?: (.*))?");
    private static final int MAX_SHOWN_STATUS_LINE = 200;
    private static final byte[] HTTP_PREFIX = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    private HttpExchange() {
    }

    /** The request line, for evidence. */
    static String requestLine(ProbeTarget target) {
        return "GET " + target.requestPath() + " HTTP/1.1";
    }

    /** Names of the headers sent, in order (values never leave this class). */
    static List<String> headerNamesSent(ProbeTarget target) {
        List<String> names = new ArrayList<>(List.of("Host", "User-Agent", "Via"));
        target.customHeaders().forEach(h -> names.add(h.name()));
        names.add("Connection");
        return names;
    }

    /** The request bytes. Rejects line breaks in any header, naming the header (never its value). */
    static byte[] request(ProbeTarget target) {
        StringBuilder request = new StringBuilder();
        request.append(checked("requestPath", requestLine(target))).append("\r\n");
        request.append("Host: ").append(checked("hostHeader", target.hostHeader())).append("\r\n");
        request.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        request.append("Via: ").append(VIA).append("\r\n");
        for (CustomHeader header : target.customHeaders()) {
            String where = "customHeaders[" + header.name() + "]";
            request.append(checked(where, header.name())).append(": ")
                    .append(checked(where, header.value().reveal())).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return request.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends the request and reads the response head within {@code readTimeout} (absolute: a watchdog closes
     * {@code connection} at the deadline). What the origin sent is quoted only through {@code redaction}.
     */
    static HttpOutcome exchange(Closeable connection, InputStream in, OutputStream out, ProbeTarget target,
                                Duration readTimeout, Redaction redaction) {
        byte[] request = request(target);
        ResponseHead head = new ResponseHead(MAX_RESPONSE_HEAD_BYTES);
        Watchdog.Alarm alarm = Watchdog.arm(connection, readTimeout);
        try (alarm) {
            out.write(request);
            out.flush();
            byte[] buffer = new byte[4096];
            boolean couldBeHttp = true;
            while (!head.full() && !head.complete() && couldBeHttp) {
                int n = in.read(buffer, 0, Math.min(buffer.length, head.room()));
                if (n < 0) {
                    return ended(head.toByteArray(), "the origin closed the connection", redaction);
                }
                boolean firstLineKnown = head.hasFirstLine();
                head.append(buffer, 0, n);
                if (!firstLineKnown) {
                    couldBeHttp = couldBeHttp(head);
                }
            }
        } catch (IOException e) {
            if (alarm.fired() || e instanceof SocketTimeoutException) {
                return new HttpOutcome.TimedOut("no complete response head within " + Durations.human(readTimeout)
                        + " (" + head.size() + " bytes received)");
            }
            return ended(head.toByteArray(), "the connection failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", redaction);
        }
        return parse(head.toByteArray(), !head.complete(), redaction);
    }

    private static HttpOutcome ended(byte[] head, String how, Redaction redaction) {
        if (head.length == 0) {
            return new HttpOutcome.Invalid(how + " without answering the request");
        }
        HttpOutcome parsed = parse(head, false, redaction);
        if (parsed instanceof HttpOutcome.Response && indexOfLineEnd(head) >= 0) {
            return parsed;
        }
        return new HttpOutcome.Invalid(how + " after an incomplete answer: " + redaction.originText(head));
    }

    private static HttpOutcome parse(byte[] head, boolean truncated, Redaction redaction) {
        int lineEnd = indexOfLineEnd(head);
        String statusLine = new String(head, 0, lineEnd < 0 ? head.length : lineEnd, StandardCharsets.ISO_8859_1);
        Matcher matcher = STATUS_LINE.matcher(statusLine);
        if (lineEnd < 0 && !truncated || !matcher.matches()) {
            return new HttpOutcome.Invalid("not an HTTP response: the origin answered " + redaction.originText(head));
        }
        return new HttpOutcome.Response(Integer.parseInt(matcher.group(3)), shownStatusLine(matcher, redaction),
                truncated);
    }

    /**
     * The status line for a message: version and code as matched, the reason phrase (free text from the origin)
     * redacted before it is shortened, or withheld.
     */
    private static String shownStatusLine(Matcher statusLine, Redaction redaction) {
        String versionAndCode = "HTTP/" + statusLine.group(1) + "." + statusLine.group(2) + " " + statusLine.group(3);
        String reason = statusLine.group(4);
        if (reason == null) {
            return versionAndCode;
        }
        return versionAndCode + " " + (redaction.withholdsOriginText() && !reason.isEmpty() ? Redaction.WITHHELD
                : shown(redaction.redact(reason)));
    }

    /**
     * False as soon as the bytes cannot start an HTTP response: no need to wait for more. Asked until the first line
     * is complete, then never again.
     */
    private static boolean couldBeHttp(ResponseHead head) {
        return head.firstLine().map(line -> STATUS_LINE.matcher(line).matches())
                .orElseGet(() -> head.agreesWith(HTTP_PREFIX));
    }

    private static int indexOfLineEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i > 0 && bytes[i - 1] == '\r' ? i - 1 : i;
            }
        }
        return -1;
    }

    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        for (char c : text.toCharArray()) {
            shown.append(c >= 0x20 && c < 0x7F ? c : '?');
            if (shown.length() >= MAX_SHOWN_STATUS_LINE) {
                break;
            }
        }
        return shown.toString();
    }

    private static String checked(String field, String value) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(field + ": contains a line break or NUL, which would corrupt the request");
        }
        return value;
    }

}
