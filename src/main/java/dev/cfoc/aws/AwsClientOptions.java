package dev.cfoc.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What may differ between runs of the AWS clients. Empty means the SDK's standard resolution: the default
 * credentials chain, and the endpoint from {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL}
 * (or the {@code aws.endpointUrl…} system properties / profile {@code endpoint_url}) before the real one.
 *
 * @param endpointOverride an explicit endpoint (tests, local endpoints); wins over the environment
 */
public record AwsClientOptions(Optional<AwsCredentialsProvider> credentials, Optional<URI> endpointOverride) {

    public static AwsClientOptions defaults() {
        return new AwsClientOptions(Optional.empty(), Optional.empty());
    }

    public AwsClientOptions withCredentials(AwsCredentialsProvider provider) {
        return new AwsClientOptions(Optional.of(provider), endpointOverride);
    }

    public AwsClientOptions withEndpointOverride(URI endpoint) {
        return new AwsClientOptions(credentials, Optional.of(endpoint));
    }
}
