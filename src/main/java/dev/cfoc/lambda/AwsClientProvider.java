package dev.cfoc.lambda;

import dev.cfoc.aws.AwsAccountNetwork;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.aws.QueueUrl;
import dev.cfoc.firewall.AccountNetwork;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS clients of the function, each created on first use and then reused (SDK clients are thread-safe and
 * costly to build). {@link #shared()} is the one per container (per Lambda execution environment).
 */
public final class AwsClientProvider {

    private final AwsClientOptions cloudFrontOptions;
    private final AwsClientOptions snsOptions;
    private final AwsClientOptions sqsOptions;
    private volatile CloudFrontClient cloudFront;
    private final Map<Region, SnsClient> snsByRegion = new ConcurrentHashMap<>();
    private final Map<Region, SqsClient> sqsByRegion = new ConcurrentHashMap<>();

    public AwsClientProvider(AwsClientOptions cloudFrontOptions, AwsClientOptions snsOptions,
                             AwsClientOptions sqsOptions) {
        this.cloudFrontOptions = cloudFrontOptions;
        this.snsOptions = snsOptions;
        this.sqsOptions = sqsOptions;
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

    /**
     * SQS for {@code queue}, in the queue's region ({@link #LOCAL_QUEUE_REGION} for a local endpoint's URL). Built on
     * first use only: with fan-out off it never is, so the cold start does not pay for it.
     */
    public SqsClient sqs(QueueUrl queue) {
        return sqsByRegion.computeIfAbsent(queue.region().orElse(LOCAL_QUEUE_REGION), r -> AwsClients.sqs(r, sqsOptions));
    }

    /**
     * The account's network resources (EC2, ELBv2, CloudFront's VPC origins) with this provider's credentials; the EC2
     * and ELBv2 endpoints come from {@code environment}'s standard variables, never from CloudFront's endpoint.
     */
    public AccountNetwork network(Map<String, String> environment) {
        AwsClientOptions credentialsOnly = new AwsClientOptions(cloudFrontOptions.credentials(), Optional.empty());
        return new AwsAccountNetwork(this::cloudFront, credentialsOnly, environment);
    }

    /** Decision: a queue URL without a region (ElasticMQ, LocalStack) is signed for us-east-1; local servers ignore it. */
    static final Region LOCAL_QUEUE_REGION = Region.US_EAST_1;

    private static final class Shared {
        static final AwsClientProvider INSTANCE = new AwsClientProvider(AwsClientOptions.defaults(),
                AwsClientOptions.defaults(), AwsClientOptions.defaults());
    }
}
