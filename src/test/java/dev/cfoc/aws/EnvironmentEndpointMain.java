package dev.cfoc.aws;

import software.amazon.awssdk.regions.Region;

/**
 * Run in a child JVM by {@link AwsClientsIT}: builds the clients with no explicit endpoint or credentials,
 * so only the environment (AWS_ENDPOINT_URL…, AWS_ACCESS_KEY_ID…) can point them at the local server.
 */
public final class EnvironmentEndpointMain {

    private EnvironmentEndpointMain() {
    }

    public static void main(String[] args) {
        try (var cloudFront = AwsClients.cloudFront(AwsClientOptions.defaults());
             var sns = AwsClients.sns(Region.US_EAST_1, AwsClientOptions.defaults())) {
            int listed = cloudFront.listDistributions(r -> { }).distributionList().quantity();
            String messageId = sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:t").message("m"))
                    .messageId();
            System.out.println("listed=" + listed + " messageId=" + messageId);
        }
    }
}
