package dev.cfoc.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What may differ between runs of the AWS clients. Empty means the SDK's standard resolution: the default
 * credentials chain, and the endpoint from {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL}
 * (or the {@code aws.endpointUrl…} system properties / profile {@code endpoint_url}) before the real one.
 *
 * @param endpointOverride   an explicit endpoint (tests, local endpoints); wins over the environment
 * @param apiCallTimeout     the most one API call may take, every retry included
 * @param apiCallAttemptTimeout the most one HTTP attempt of a call may take
 */
public record AwsClientOptions(Optional<AwsCredentialsProvider> credentials, Optional<URI> endpointOverride,
                               Duration apiCallTimeout, Duration apiCallAttemptTimeout) {

    /**
     * Decision: one attempt of any AWS call gets at most 10 s, and a call with all its retries at most 25 s. AWS
     * documents no latency bound for CloudFront, SNS or SQS; their calls answer in well under a second, and
     * without a bound the SDK waits on a silent endpoint for as long as the socket allows (a run once spent 92 s on
     * one SNS message and was killed without metrics).
     */
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(25);
    public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    public AwsClientOptions {
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero() || apiCallAttemptTimeout.isNegative()
                || apiCallAttemptTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, were " + apiCallTimeout + " and "
                    + apiCallAttemptTimeout);
        }
    }

    public static AwsClientOptions defaults() {
        return new AwsClientOptions(Optional.empty(), Optional.empty(), DEFAULT_API_CALL_TIMEOUT,
                DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
    }

    public AwsClientOptions withCredentials(AwsCredentialsProvider provider) {
        return new AwsClientOptions(Optional.of(provider), endpointOverride, apiCallTimeout, apiCallAttemptTimeout);
    }

    public AwsClientOptions withEndpointOverride(URI endpoint) {
        return new AwsClientOptions(credentials, Optional.of(endpoint), apiCallTimeout, apiCallAttemptTimeout);
    }

    /** The same credentials and timeouts, the endpoint left to the SDK's standard variables of each service. */
    public AwsClientOptions withoutEndpointOverride() {
        return new AwsClientOptions(credentials, Optional.empty(), apiCallTimeout, apiCallAttemptTimeout);
    }

    /** @param call the whole call, retries included; @param attempt one HTTP attempt */
    public AwsClientOptions withTimeouts(Duration call, Duration attempt) {
        return new AwsClientOptions(credentials, endpointOverride, call, attempt);
    }
}
