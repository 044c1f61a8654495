package dev.cfoc.lambda;

import dev.cfoc.aws.AwsAccountNetwork;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.aws.CloudFrontRegion;
import dev.cfoc.aws.QueueUrl;
import dev.cfoc.firewall.AccountNetwork;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    private final Region cloudFrontRegion;
    private final AwsClientOptions cloudFrontOptions;
    private final AwsClientOptions snsOptions;
    private final AwsClientOptions sqsOptions;
    private final AwsClientOptions dynamoDbOptions;
    private volatile CloudFrontClient cloudFront;
    private volatile DynamoDbClient dynamoDb;
    private final Map<Region, SnsClient> snsByRegion = new ConcurrentHashMap<>();
    private final Map<Region, SqsClient> sqsByRegion = new ConcurrentHashMap<>();

    /** CloudFront signed for the partition of this process's environment ({@link CloudFrontRegion#fromEnvironment}). */
    public AwsClientProvider(AwsClientOptions cloudFrontOptions, AwsClientOptions snsOptions,
                             AwsClientOptions sqsOptions) {
        this(CloudFrontRegion.fromEnvironment(System.getenv()), cloudFrontOptions, snsOptions, sqsOptions,
                AwsClientOptions.defaults());
    }

    /** @param cloudFrontRegion the region CloudFront requests are signed for ({@link CloudFrontRegion}) */
    public AwsClientProvider(Region cloudFrontRegion, AwsClientOptions cloudFrontOptions, AwsClientOptions snsOptions,
                             AwsClientOptions sqsOptions, AwsClientOptions dynamoDbOptions) {
        this.cloudFrontRegion = cloudFrontRegion;
        this.cloudFrontOptions = cloudFrontOptions;
        this.snsOptions = snsOptions;
        this.sqsOptions = sqsOptions;
        this.dynamoDbOptions = dynamoDbOptions;
    }

    /**
     * The container's clients: the SDK's standard credentials chain and endpoint resolution (including
     * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_CLOUDFRONT / AWS_ENDPOINT_URL_SNS); no endpoint is hard-coded. CloudFront is
     * signed for the partition of AWS_REGION (else of TOPIC_ARN).
     */
    public static AwsClientProvider shared() {
        return Shared.INSTANCE;
    }

    public CloudFrontClient cloudFront() {
        CloudFrontClient client = cloudFront;
        if (client == null) {
            synchronized (this) {
                if (cloudFront == null) {
                    cloudFront = AwsClients.cloudFront(cloudFrontRegion, cloudFrontOptions);
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
     * DynamoDB in the function's own region (AWS_REGION; {@link #LOCAL_QUEUE_REGION} where none is configured, e.g. a
     * local endpoint), for the alert state table. Built on first use only: without STATE_TABLE it never is.
     */
    public DynamoDbClient dynamoDb() {
        DynamoDbClient client = dynamoDb;
        if (client == null) {
            synchronized (this) {
                if (dynamoDb == null) {
                    dynamoDb = AwsClients.dynamoDb(ownRegion(), dynamoDbOptions);
                }
                client = dynamoDb;
            }
        }
        return client;
    }

    /** AWS_REGION (Lambda sets it) or the aws.region property; never the instance metadata service. */
    static Region ownRegion() {
        return Optional.ofNullable(System.getenv("AWS_REGION")).or(() -> Optional.ofNullable(
                System.getProperty("aws.region"))).map(String::strip).filter(r -> !r.isEmpty()).map(Region::of)
                .orElse(LOCAL_QUEUE_REGION);
    }

    /**
     * The account's network resources (EC2, ELBv2, CloudFront's VPC origins) with this provider's credentials; the EC2
     * and ELBv2 endpoints come from {@code environment}'s standard variables, never from CloudFront's endpoint.
     */
    public AccountNetwork network(Map<String, String> environment) {
        AwsClientOptions credentialsOnly = cloudFrontOptions.withoutEndpointOverride();
        return new AwsAccountNetwork(this::cloudFront, credentialsOnly, environment);
    }

    /** Decision: a queue URL without a region (ElasticMQ, LocalStack) is signed for us-east-1; local servers ignore it. */
    static final Region LOCAL_QUEUE_REGION = Region.US_EAST_1;

    private static final class Shared {
        static final AwsClientProvider INSTANCE = new AwsClientProvider(AwsClientOptions.defaults(),
                AwsClientOptions.defaults(), AwsClientOptions.defaults());
    }
}
