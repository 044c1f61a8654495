package dev.cfoc.aws;

import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS clients the checker uses: the JDK's URLConnection for HTTP (small jar, fast Lambda cold
 * start), adaptive retry for throttling, a bound on every call and every attempt ({@link AwsClientOptions}: a silent
 * endpoint fails the call instead of hanging the run), and no hard-coded endpoint so the SDK's standard endpoint
 * overrides keep working.
 */
public final class AwsClients {

    /**
     * Decision: ADAPTIVE_V2 (client-side rate limiting on top of standard retries, SDK default of 3 attempts).
     * CloudFront's control-plane API throttles low (ListDistributions/GetDistribution); adaptive mode slows the
     * whole run down instead of burning its retries. ADAPTIVE (v1) is deprecated in 2.58 for not keeping state.
     */
    static final RetryMode RETRY_MODE = RetryMode.ADAPTIVE_V2;

    /**
     * Decision: us-east-1 rather than {@link Region#AWS_GLOBAL} in the aws partition. Both resolve to the global
     * endpoint https://cloudfront.amazonaws.com signed for us-east-1, but with an endpoint override (AWS_ENDPOINT_URL…,
     * local endpoints) the SDK's rules give no signing region and AWS_GLOBAL would sign for "aws-global". Other
     * partitions: {@link CloudFrontRegion}.
     */
    static final Region CLOUDFRONT_REGION = CloudFrontRegion.AWS;

    private AwsClients() {
    }

    /** CloudFront is global: one endpoint, SigV4 in us-east-1 (see {@link #CLOUDFRONT_REGION}). */
    public static CloudFrontClient cloudFront(AwsClientOptions options) {
        return cloudFront(CLOUDFRONT_REGION, options);
    }

    /** CloudFront signed for {@code region}: the partition's CloudFront region ({@link CloudFrontRegion}). */
    public static CloudFrontClient cloudFront(Region region, AwsClientOptions options) {
        return configure(CloudFrontClient.builder(), region, options).build();
    }

    /** SNS in the topic's own region (see {@link TopicArn#region()}). */
    public static SnsClient sns(Region region, AwsClientOptions options) {
        return configure(SnsClient.builder(), region, options).build();
    }

    /** SQS in the queue's region (see {@link QueueUrl#region()}); used only when fan-out is on. */
    public static SqsClient sqs(Region region, AwsClientOptions options) {
        return configure(SqsClient.builder(), region, options).build();
    }

    /** DynamoDB in the function's region, for the alert state table (STATE_TABLE); used only when that is set. */
    public static DynamoDbClient dynamoDb(Region region, AwsClientOptions options) {
        return configure(DynamoDbClient.builder(), region, options).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region, AwsClientOptions options) {
        builder.region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(options.apiCallAttemptTimeout())
                        .socketTimeout(options.apiCallAttemptTimeout()))
                .overrideConfiguration(c -> c.retryStrategy(RETRY_MODE)
                        .apiCallTimeout(options.apiCallTimeout())
                        .apiCallAttemptTimeout(options.apiCallAttemptTimeout()));
        options.credentials().ifPresent(builder::credentialsProvider);
        options.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
