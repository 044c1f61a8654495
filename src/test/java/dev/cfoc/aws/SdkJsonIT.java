package dev.cfoc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

class SdkJsonIT {

    @RegisterExtension
    static WireMockExtension cloudFrontApi = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private GetDistributionResponse getDistribution(String body) {
        cloudFrontApi.stubFor(get(urlEqualTo("/2020-05-31/distribution/E1TEST")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withHeader("ETag", "E2QWRUHAPOMQZL")
                .withBody(body)));
        try (var client = LocalAws.cloudFront(cloudFrontApi.baseUrl())) {
            return client.getDistribution(r -> r.id("E1TEST"));
        }
    }

    @Test
    void getDistributionResponse_becomesTheAwsCliShape_withApiMemberNames() {
        // given a GetDistribution response parsed by the SDK from CloudFront's REST-XML
        var response = getDistribution(CloudFrontXml.distribution("E1TEST", true, "cp-1", "orp-1"));

        // when
        JsonNode tree = SdkJson.toTree(response);

        // then: the member names and nesting are those the AWS CLI prints
        assertThat(tree.path("ETag").asText()).isEqualTo("E2QWRUHAPOMQZL");
        JsonNode distribution = tree.path("Distribution");
        assertThat(distribution.path("Id").asText()).isEqualTo("E1TEST");
        JsonNode config = distribution.path("DistributionConfig");
        JsonNode apiOrigin = config.at("/Origins/Items/0");
        assertThat(apiOrigin.at("/CustomOriginConfig/OriginSslProtocols/Items"))
                .extracting(JsonNode::asText).containsExactly("TLSv1.2", "TLSv1.1");
        assertThat(apiOrigin.at("/CustomOriginConfig/OriginProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(apiOrigin.at("/CustomOriginConfig/HTTPSPort").isInt()).isTrue();
        assertThat(apiOrigin.at("/CustomOriginConfig/HTTPSPort").asInt()).isEqualTo(8443);
        assertThat(apiOrigin.at("/CustomHeaders/Items/0/HeaderName").asText()).isEqualTo("X-Origin-Verify");
        assertThat(config.at("/Aliases/Items")).extracting(JsonNode::asText)
                .containsExactly("www.example.com", "*.shop.example.com");
        assertThat(config.at("/Origins/Items/1/S3OriginConfig").isObject()).isTrue();
        assertThat(config.at("/Origins/Items/1/OriginShield/OriginShieldRegion").asText()).isEqualTo("us-east-1");
        assertThat(config.at("/DefaultCacheBehavior/CachePolicyId").asText()).isEqualTo("cp-1");
        assertThat(config.at("/CacheBehaviors/Items/0/ForwardedValues/Headers/Items"))
                .extracting(JsonNode::asText).containsExactly("Host", "Origin");
        assertThat(config.at("/CacheBehaviors/Items/0/FunctionAssociations/Items/0/EventType").asText())
                .isEqualTo("viewer-request");
        assertThat(config.at("/CacheBehaviors/Items/0/MaxTTL").isIntegralNumber()).isTrue();
        assertThat(config.path("Enabled").isBoolean()).isTrue();
        assertThat(distribution.path("LastModifiedTime").asText()).isEqualTo("2025-03-14T09:26:53.123Z");
    }

    @Test
    void absentMembers_areLeftOut_likeTheAwsCli() {
        var response = getDistribution(CloudFrontXml.distribution("E1TEST", true, "cp-1", "orp-1"));

        JsonNode config = SdkJson.toTree(response).at("/Distribution/DistributionConfig");

        assertThat(config.at("/OriginGroups").has("Items")).isFalse();
        assertThat(config.at("/OriginGroups/Quantity").asInt()).isZero();
        assertThat(config.at("/Origins/Items/0").has("OriginMtlsConfig")).isFalse();
        assertThat(config.at("/Origins/Items/0/CustomOriginConfig").has("OriginMtlsConfig")).isFalse();
        assertThat(config.has("TenantConfig")).isFalse();
    }

    @Test
    void enumValuesTheSdkDoesNotKnow_arePassedOnAsTheApiSentThem() {
        String body = CloudFrontXml.distribution("E1TEST", true, "cp-1", "orp-1")
                .replace("<OriginProtocolPolicy>https-only</OriginProtocolPolicy>",
                        "<OriginProtocolPolicy>quic-only</OriginProtocolPolicy>")
                .replace("<SslProtocol>TLSv1.1</SslProtocol>", "<SslProtocol>TLSv1.3</SslProtocol>");

        JsonNode origin = SdkJson.toTree(getDistribution(body)).at("/Distribution/DistributionConfig/Origins/Items/0");

        assertThat(origin.at("/CustomOriginConfig/OriginProtocolPolicy").asText()).isEqualTo("quic-only");
        assertThat(origin.at("/CustomOriginConfig/OriginSslProtocols/Items/1").asText()).isEqualTo("TLSv1.3");
    }

    @Test
    void listDistributionsPage_keepsItsPagingMembers() {
        cloudFrontApi.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).willReturn(aResponse().withStatus(200)
                .withBody(CloudFrontXml.distributionList("", "E2NEXT", true, CloudFrontXml.summary("E1ONE", true, "cp")))));
        ListDistributionsResponse page;
        try (var client = LocalAws.cloudFront(cloudFrontApi.baseUrl())) {
            page = client.listDistributions(r -> { });
        }

        JsonNode list = SdkJson.toTree(page).path("DistributionList");

        assertThat(list.path("IsTruncated").asBoolean()).isTrue();
        assertThat(list.path("NextMarker").asText()).isEqualTo("E2NEXT");
        assertThat(list.path("Marker").asText()).isEmpty();
        assertThat(list.at("/Items/0/Id").asText()).isEqualTo("E1ONE");
        assertThat(list.at("/Items/0/Origins/Items/0/CustomOriginConfig/OriginSslProtocols/Items/0").asText())
                .isEqualTo("TLSv1.2");
    }

    @Test
    void mapMembers_becomeObjectsKeyedByTheMapKey() {
        var request = PublishRequest.builder()
                .topicArn("arn:aws:sns:us-east-1:123456789012:origin-findings")
                .messageAttributes(Map.of("severity",
                        MessageAttributeValue.builder().dataType("String").stringValue("ERROR").build()))
                .build();

        JsonNode tree = SdkJson.toTree(request);

        assertThat(tree.path("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:origin-findings");
        assertThat(tree.at("/MessageAttributes/severity/DataType").asText()).isEqualTo("String");
        assertThat(tree.at("/MessageAttributes/severity/StringValue").asText()).isEqualTo("ERROR");
        assertThat(tree.has("Message")).isFalse();
        assertThat(tree.fieldNames()).toIterable().containsExactly("TopicArn", "MessageAttributes");
    }
}
