package dev.cfoc.cli;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.CloudFrontRegion;
import dev.cfoc.lambda.AwsClientProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS clients of a local invocation. The process environment reaches the SDK by itself (its standard
 * AWS_ENDPOINT_URL… and credential variables); variables given with {@code --env} cannot be put into the process
 * environment, so the same standard names are applied here explicitly. Every endpoint variable that decides a
 * client's endpoint is checked first, and a bad one is named: the service's own (AWS_ENDPOINT_URL_SNS…) when set,
 * else AWS_ENDPOINT_URL, from {@code --env} before the process environment (an {@code --env} endpoint wins).
 */
final class InvokeEnvironment {

    static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    static final String ENDPOINT_URL_CLOUDFRONT = "AWS_ENDPOINT_URL_CLOUDFRONT";
    static final String ENDPOINT_URL_SNS = "AWS_ENDPOINT_URL_SNS";
    static final String ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    static final String ENDPOINT_URL_DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private static final String ENV_OPTION = "--env ";

    private InvokeEnvironment() {
    }

    /**
     * @param process   the process environment (what the SDK reads by itself)
     * @param overrides the {@code --env} variables
     * @throws IllegalArgumentException naming the variable at fault (and {@code --env} when it was given there)
     */
    static AwsClientProvider clients(Map<String, String> process, Map<String, String> overrides) {
        AwsClientOptions base = credentials(overrides)
                .map(AwsClientOptions.defaults()::withCredentials)
                .orElse(AwsClientOptions.defaults());
        Map<String, String> environment = new HashMap<>(process);
        environment.putAll(overrides);
        return new AwsClientProvider(CloudFrontRegion.fromEnvironment(environment),
                endpoint(base, process, overrides, ENDPOINT_URL_CLOUDFRONT),
                endpoint(base, process, overrides, ENDPOINT_URL_SNS), endpoint(base, process, overrides, ENDPOINT_URL_SQS),
                endpoint(base, process, overrides, ENDPOINT_URL_DYNAMODB));
    }

    /** An {@code --env} endpoint is applied; one from the process environment is only checked (the SDK applies it). */
    private static AwsClientOptions endpoint(AwsClientOptions base, Map<String, String> process,
                                             Map<String, String> overrides, String serviceVariable) {
        Optional<URI> given = deciding(overrides, serviceVariable).map(v -> uri(v, ENV_OPTION));
        if (given.isPresent()) {
            return base.withEndpointOverride(given.get());
        }
        deciding(process, serviceVariable).ifPresent(v -> uri(v, ""));
        return base;
    }

    /** The variable of {@code env} that sets the service's endpoint: its own, else AWS_ENDPOINT_URL. */
    private static Optional<Map.Entry<String, String>> deciding(Map<String, String> env, String serviceVariable) {
        return value(env, serviceVariable).map(url -> Map.entry(serviceVariable, url))
                .or(() -> value(env, ENDPOINT_URL).map(url -> Map.entry(ENDPOINT_URL, url)));
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

    /** @param origin {@code "--env "} for a variable given with the option, empty for the process environment */
    private static URI uri(Map.Entry<String, String> variable, String origin) {
        String url = variable.getValue();
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + variable.getKey() + ": not a URL like http://127.0.0.1:4566: "
                    + url);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
