package dev.cfoc.aws;

import dev.cfoc.firewall.NetworkApiException;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client of one Query-protocol AWS service in one region, for the few read-only calls the firewall check makes
 * (docs/decisions.md, "Firewall": why not the SDK's EC2 module). Each call is a form-encoded POST signed with the
 * SDK's SigV4 signer, sent with the SDK's URLConnection client, and answered in XML; throttling, 5xx and I/O errors
 * are retried with jittered back-off, every attempt and the whole call bounded in time.
 */
final class QueryClient {

    /** Decision: attempts per call, as the SDK's standard retry mode. */
    static final int MAX_ATTEMPTS = 3;
    /**
     * Decision: a connection gets 5 s. How long one attempt may wait for the answer (the HTTP client's socket timeout)
     * and after how long in one call no new attempt starts are those of every AWS client ({@link AwsClientOptions}).
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** An answer larger than this is not read (a page of these APIs is far smaller). */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
    private static final long BACKOFF_BASE_MS = 100;
    private static final Set<String> RETRYABLE_CODES = Set.of("Throttling", "ThrottlingException",
            "RequestLimitExceeded", "RequestThrottled", "TooManyRequestsException", "InternalError",
            "InternalFailure", "ServiceUnavailable", "Unavailable");

    private final QueryService service;
    private final String region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Duration callTimeout;

    /** @param callTimeout no new attempt starts after this much time in one call */
    QueryClient(QueryService service, String region, URI endpoint, AwsCredentialsProvider credentials,
                SdkHttpClient http, Duration callTimeout) {
        this.service = service;
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = http;
        this.callTimeout = callTimeout;
    }

    /**
     * One call: {@code Action} with {@code parameters} (already flattened: {@code GroupId.1}, {@code Filter.1.Name}).
     *
     * @return the answer's root element
     * @throws NetworkApiException naming the action, with the service's error code and message, or what went wrong
     */
    Element call(String action, Map<String, String> parameters) {
        String operation = operation(action);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                Answer answer = attempt(action, parameters);
                if (answer.status() < 300) {
                    return QueryXml.parse(answer.body());
                }
                failure = serviceError(answer);
            } catch (IOException e) {
                failure = new Failure(e.getClass().getSimpleName() + ": " + e.getMessage(), true);
            } catch (SdkException e) {
                failure = new Failure(SdkFailures.describe(e), false); // no credentials, bad signing input
            }
            boolean timeLeft = Duration.ofNanos(System.nanoTime() - started).compareTo(callTimeout) < 0;
            if (!failure.retryable() || attempt >= MAX_ATTEMPTS || !timeLeft) {
                throw new NetworkApiException(operation, SdkFailures.oneLine(failure.reason() + " (" + region + ", "
                        + attempt + (attempt == 1 ? " attempt)" : " attempts)")));
            }
            backOff(attempt);
        }
    }

    /** {@code ec2:DescribeSecurityGroups}: the action as IAM names it. */
    String operation(String action) {
        return service.metadataId() + ":" + action;
    }

    private record Answer(int status, byte[] body) {
    }

    private record Failure(String reason, boolean retryable) {
    }

    private Answer attempt(String action, Map<String, String> parameters) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", service.apiVersion());
        form.putAll(parameters);
        String body = formEncode(form);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .putHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.metadataId())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        try (InputStream in = response.responseBody().map(InputStream.class::cast)
                .orElse(InputStream.nullInputStream())) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return new Answer(response.httpResponse().statusCode(), bytes);
        }
    }

    private static Failure serviceError(Answer answer) {
        String code = "HTTP " + answer.status();
        String message = "";
        try {
            Element root = QueryXml.parse(answer.body());
            code = QueryXml.find(root, "Code").orElse(code);
            message = QueryXml.find(root, "Message").orElse("");
        } catch (IOException e) {
            message = "(the error answer is not XML)";
        }
        boolean retryable = answer.status() >= 500 || RETRYABLE_CODES.contains(code);
        return new Failure(code + ": " + message + " (HTTP " + answer.status() + ")", retryable);
    }

    /** Full jitter: a random wait up to base × 2^attempt. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(BACKOFF_BASE_MS << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkApiException("retry", "interrupted");
        }
    }

    static String formEncode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(name)).append('=').append(encode(value));
        });
        return body.toString();
    }

    /** RFC 3986 percent-encoding, as AWS signs it (spaces as %20, never +). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
