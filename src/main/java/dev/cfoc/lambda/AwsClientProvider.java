package dev.cfoc.lambda;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS clients of the function, each created on first use and then reused (SDK clients are thread-safe and
 * costly to build). {@link #shared()} is the one per container (per Lambda execution environment).
 */
public final class AwsClientProvider {

    private final AwsClientOptions cloudFrontOptions;
    private final AwsClientOptions snsOptions;
    private volatile CloudFrontClient cloudFront;
    private final Map<Region, SnsClient> snsByRegion = new ConcurrentHashMap<>();

    public AwsClientProvider(AwsClientOptions cloudFrontOptions, AwsClientOptions snsOptions) {
        this.cloudFrontOptions = cloudFrontOptions;
        this.snsOptions = snsOptions;
    }

    /**
     * The container's clients: the SDK's standard credentials chain and endpoint resolution (including
     * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_CLOUDFRONT / AWS_ENDPOINT_URL_SNS); no endpoint is hard-coded.
     */
    public static AwsClientProvider shared() {
        return Shared.INSTANCE;
    }

    public CloudFrontClient cloudFront() {
        CloudFrontClient client = cloudFront;
        if (client == null) {
            synchronized (this) {
                if (cloudFront == null) {
                    cloudFront = AwsClients.cloudFront(cloudFrontOptions);
                }
                client = cloudFront;
            }
        }
        return client;
    }

    /** SNS in {@code region} (the topic's own region). */
    public SnsClient sns(Region region) {
        return snsByRegion.computeIfAbsent(region, r -> AwsClients.sns(r, snsOptions));
    }

    private static final class Shared {
        static final AwsClientProvider INSTANCE =
                new AwsClientProvider(AwsClientOptions.defaults(), AwsClientOptions.defaults());
    }
}
