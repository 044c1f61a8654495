package dev.cfoc.cli;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.lambda.AwsClientProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS clients of a local invocation. The process environment reaches the SDK by itself (its standard
 * AWS_ENDPOINT_URL… and credential variables); variables given with {@code --env} cannot be put into the process
 * environment, so the same standard names are applied here explicitly.
 */
final class InvokeEnvironment {

    static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    static final String ENDPOINT_URL_CLOUDFRONT = "AWS_ENDPOINT_URL_CLOUDFRONT";
    static final String ENDPOINT_URL_SNS = "AWS_ENDPOINT_URL_SNS";
    static final String ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private InvokeEnvironment() {
    }

    static AwsClientProvider clients(Map<String, String> overrides) {
        AwsClientOptions base = credentials(overrides)
                .map(AwsClientOptions.defaults()::withCredentials)
                .orElse(AwsClientOptions.defaults());
        return new AwsClientProvider(endpoint(base, overrides, ENDPOINT_URL_CLOUDFRONT),
                endpoint(base, overrides, ENDPOINT_URL_SNS), endpoint(base, overrides, ENDPOINT_URL_SQS));
    }

    private static AwsClientOptions endpoint(AwsClientOptions base, Map<String, String> overrides, String serviceVariable) {
        return value(overrides, serviceVariable).or(() -> value(overrides, ENDPOINT_URL))
                .map(url -> base.withEndpointOverride(uri(url, serviceVariable)))
                .orElse(base);
    }

    private static Optional<StaticCredentialsProvider> credentials(Map<String, String> overrides) {
        Optional<String> key = value(overrides, ACCESS_KEY_ID);
        Optional<String> secret = value(overrides, SECRET_ACCESS_KEY);
        if (key.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (key.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("--env: give both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY);
        }
        Optional<String> token = value(overrides, SESSION_TOKEN);
        return Optional.of(StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(key.get(), secret.get())));
    }

    private static URI uri(String url, String variable) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--env " + variable + ": not a URL like http://127.0.0.1:4566: " + url);
        }
    }

    private static Optional<String> value(Map<String, String> overrides, String name) {
        return Optional.ofNullable(overrides.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
