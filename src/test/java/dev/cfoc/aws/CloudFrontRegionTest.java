package dev.cfoc.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointProvider;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CloudFrontRegionTest {

    @ParameterizedTest(name = "AWS_REGION={0} → {1}")
    @CsvSource({"us-east-1, us-east-1", "eu-west-1, us-east-1", "ap-southeast-2, us-east-1",
            "cn-north-1, cn-northwest-1", "cn-northwest-1, cn-northwest-1"})
    void theFunctionsRegion_givesItsPartitionsCloudFrontRegion(String awsRegion, String expected) {
        assertThat(CloudFrontRegion.fromEnvironment(Map.of("AWS_REGION", awsRegion))).isEqualTo(Region.of(expected));
    }

    @Test
    void withoutAwsRegion_theTopicArnsPartitionDecides() {
        assertThat(CloudFrontRegion.fromEnvironment(Map.of("TOPIC_ARN",
                "arn:aws-cn:sns:cn-north-1:123456789012:findings"))).isEqualTo(Region.CN_NORTHWEST_1);
        assertThat(CloudFrontRegion.fromEnvironment(Map.of("TOPIC_ARN",
                "arn:aws:sns:eu-west-1:123456789012:findings"))).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void nothingKnown_isTheAwsPartition() {
        assertThat(CloudFrontRegion.fromEnvironment(Map.of())).isEqualTo(Region.US_EAST_1);
        assertThat(CloudFrontRegion.fromEnvironment(Map.of("AWS_REGION", " "))).isEqualTo(Region.US_EAST_1);
    }

    @ParameterizedTest(name = "{0}: {1} signed for {2}")
    @CsvSource({"aws, https://cloudfront.amazonaws.com, us-east-1",
            "aws-cn, https://cloudfront.cn-northwest-1.amazonaws.com.cn, cn-northwest-1"})
    void eachPartitionsRegion_isWhereTheSdkSignsItsCloudFrontEndpoint(String partition, String url, String signing) {
        var endpoint = CloudFrontEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(CloudFrontRegion.forPartition(partition))).join();

        assertThat(endpoint.url()).hasToString(url);
        assertThat(endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES)).singleElement()
                .isInstanceOfSatisfying(SigV4AuthScheme.class, s -> assertThat(s.signingRegion()).isEqualTo(signing));
    }
}
