package dev.cfoc.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain-HTTP stand-in for the AWS APIs the function calls, on 127.0.0.1: CloudFront's ListDistributions (an
 * empty list, REST-XML), SNS Publish (a message id, Query XML) and SQS SendMessageBatch (every entry accepted, with
 * the MD5 of its body that the SDK checks; AWS JSON). Anything else is answered 404. Used to run the SDK clients'
 * whole request path (signing, marshalling, the HTTP client, unmarshalling) without leaving the machine.
 */
public final class SampleAwsEndpoint implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final String EMPTY_DISTRIBUTION_LIST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">\
            <Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity>\
            </DistributionList>""";

    private static final String PUBLISH_RESPONSE = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">\
            <PublishResult><MessageId>00000000-0000-4000-8000-000000000000</MessageId></PublishResult>\
            <ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000001</RequestId></ResponseMetadata>\
            </PublishResponse>""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackListener listener;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    private SampleAwsEndpoint() {
        listener = new LoopbackListener("sample-aws", socket -> serve(socket.getInputStream(), socket.getOutputStream()));
    }

    public static SampleAwsEndpoint start() {
        return new SampleAwsEndpoint();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.port());
    }

    /** The request lines received ("GET /2020-05-31/distribution HTTP/1.1"), in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    @Override
    public void close() {
        listener.close();
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) {
            return;
        }
        String requestLine = head.lines().findFirst().orElse("");
        requestLines.add(requestLine);
        String body = new String(in.readNBytes(Math.min(contentLength(head), MAX_BODY_BYTES)), StandardCharsets.UTF_8);
        if (requestLine.startsWith("GET /2020-05-31/distribution")) {
            answer(out, 200, "text/xml", EMPTY_DISTRIBUTION_LIST);
        } else if (requestLine.startsWith("POST / ") && body.contains("Action=Publish")) {
            answer(out, 200, "text/xml", PUBLISH_RESPONSE);
        } else if (requestLine.startsWith("POST /") && head.contains("AmazonSQS.SendMessageBatch")) {
            answer(out, 200, "application/x-amz-json-1.0", sendMessageBatchResponse(body));
        } else {
            answer(out, 404, "text/plain", "");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return "";
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return matched == 4 ? head.toString(StandardCharsets.ISO_8859_1) : "";
    }

    private static int contentLength(String head) {
        return head.lines().map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.startsWith("content-length:"))
                .map(line -> line.substring("content-length:".length()).trim())
                .filter(value -> value.matches("\\d{1,9}"))
                .mapToInt(Integer::parseInt).findFirst().orElse(0);
    }

    /** Every entry accepted: {"Successful": [{"Id", "MessageId", "MD5OfMessageBody"}], "Failed": []}. */
    private static String sendMessageBatchResponse(String request) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode successful = response.putArray("Successful");
        for (JsonNode entry : JSON.readTree(request).path("Entries")) {
            String id = entry.path("Id").asText();
            successful.addObject().put("Id", id).put("MessageId", "00000000-0000-4000-8000-" + "0".repeat(12))
                    .put("MD5OfMessageBody", md5Hex(entry.path("MessageBody").asText()));
        }
        response.putArray("Failed");
        return response.toString();
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static void answer(OutputStream out, int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
