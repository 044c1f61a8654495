package dev.cfoc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.LocalAws;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

class CloudFrontDistributionSourceIT {

    private static final String LIST_PATH = "/2020-05-31/distribution";

    @RegisterExtension
    static WireMockExtension cloudFrontApi = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private CloudFrontClient client;
    private CloudFrontDistributionSource source;

    @BeforeEach
    void createSource() {
        client = LocalAws.cloudFront(cloudFrontApi.baseUrl());
        source = new CloudFrontDistributionSource(client);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withHeader("x-amz-request-id", "5b8a1c43-8f3e-4d0a-9a41-0c2b7e1f6d21").withBody(body);
    }

    private static ResponseDefinitionBuilder throttling() {
        return xml(400, CloudFrontXml.error("Sender", "Throttling", "Rate exceeded"));
    }

    private static MappingBuilder firstPage() {
        return get(urlPathEqualTo(LIST_PATH)).withQueryParam("Marker", absent());
    }

    private static MappingBuilder pageAfter(String marker) {
        return get(urlPathEqualTo(LIST_PATH)).withQueryParam("Marker", equalTo(marker));
    }

    private static MappingBuilder getDistribution(String id) {
        return get(urlEqualTo(LIST_PATH + "/" + id));
    }

    private static ResponseDefinitionBuilder distribution(String id, boolean enabled) {
        return xml(200, CloudFrontXml.distribution(id, enabled, "cp-" + id, "orp-" + id)).withHeader("ETag", "ETAG" + id);
    }

    private static List<String> ids(SourceResult result) {
        return result.distributions().stream().map(SourcedDistribution::id).toList();
    }

    @Test
    void all_followsNextMarkerAcrossPages_untilIsTruncatedIsFalse() {
        // given three pages, chained by NextMarker
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", "E2B", true,
                CloudFrontXml.summary("E1A", true, "cp"), CloudFrontXml.summary("E2B", true, "cp")))));
        cloudFrontApi.stubFor(pageAfter("E2B").willReturn(xml(200, CloudFrontXml.distributionList("E2B", "E3C", true,
                CloudFrontXml.summary("E3C", true, "cp")))));
        cloudFrontApi.stubFor(pageAfter("E3C").willReturn(xml(200, CloudFrontXml.distributionList("E3C", null, false,
                CloudFrontXml.summary("E4D", true, "cp")))));

        // when
        SourceResult result = source.all(false);

        // then
        assertThat(ids(result)).containsExactly("E1A", "E2B", "E3C", "E4D");
        assertThat(result.unavailable()).isEmpty();
        cloudFrontApi.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("Marker", absent()));
        cloudFrontApi.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("Marker", equalTo("E2B")));
        cloudFrontApi.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("Marker", equalTo("E3C")));
        cloudFrontApi.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void all_handsOnEachDistributionAsAOneItemListDistributionsShape() {
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", null, false,
                CloudFrontXml.summary("E1A", true, "cp-1"), CloudFrontXml.summary("E2B", true, "cp-2")))));

        SourceResult result = source.all(false);

        JsonNode second = result.distributions().get(1).awsCliShape();
        assertThat(second.at("/DistributionList/Quantity").asInt()).isEqualTo(1);
        assertThat(second.at("/DistributionList/IsTruncated").asBoolean()).isFalse();
        assertThat(second.at("/DistributionList/Items")).hasSize(1);
        assertThat(second.at("/DistributionList/Items/0/Id").asText()).isEqualTo("E2B");
        assertThat(second.at("/DistributionList/Items/0/DefaultCacheBehavior/CachePolicyId").asText()).isEqualTo("cp-2");
        assertThat(second.at("/DistributionList/Items/0/Origins/Items/0/CustomOriginConfig/OriginSslProtocols/Items"))
                .extracting(JsonNode::asText).containsExactly("TLSv1.2", "TLSv1.1");
    }

    @Test
    void all_skipsDisabledDistributions_andSaysWhich() {
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", null, false,
                CloudFrontXml.summary("E1ON", true, "cp"), CloudFrontXml.summary("E2OFF", false, "cp")))));

        SourceResult result = source.all(false);

        assertThat(ids(result)).containsExactly("E1ON");
        assertThat(result.skippedDisabled()).containsExactly("E2OFF");
    }

    @Test
    void all_includesDisabledDistributions_whenAsked() {
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", null, false,
                CloudFrontXml.summary("E1ON", true, "cp"), CloudFrontXml.summary("E2OFF", false, "cp")))));

        SourceResult result = source.all(true);

        assertThat(ids(result)).containsExactly("E1ON", "E2OFF");
        assertThat(result.skippedDisabled()).isEmpty();
    }

    @Test
    void all_throttledOnce_isRetriedByTheSdk_andSucceeds() {
        cloudFrontApi.stubFor(firstPage().inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(throttling()).willSetStateTo("calm"));
        cloudFrontApi.stubFor(firstPage().inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(xml(200, CloudFrontXml.distributionList("", null, false, CloudFrontXml.summary("E1A", true, "cp")))));

        SourceResult result = source.all(false);

        assertThat(ids(result)).containsExactly("E1A");
        assertThat(result.unavailable()).isEmpty();
        cloudFrontApi.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void all_pageThatKeepsFailing_keepsEarlierPages_andReportsTheRestAsUnlisted() {
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", "E1A", true,
                CloudFrontXml.summary("E1A", true, "cp")))));
        cloudFrontApi.stubFor(pageAfter("E1A").willReturn(
                xml(503, CloudFrontXml.error("Receiver", "ServiceUnavailable", "Service is unavailable"))));

        SourceResult result = source.all(false);

        assertThat(ids(result)).containsExactly("E1A");
        assertThat(result.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.isListingFailure()).isTrue();
            assertThat(u.reason()).contains("page 2", "Marker E1A", "ServiceUnavailable: Service is unavailable",
                    "HTTP 503", "3 attempts");
        });
        cloudFrontApi.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("Marker", equalTo("E1A")));
    }

    @Test
    void all_truncatedPageWithoutNextMarker_stopsAndSaysSo() {
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", null, true,
                CloudFrontXml.summary("E1A", true, "cp")))));

        SourceResult result = source.all(false);

        assertThat(ids(result)).containsExactly("E1A");
        assertThat(result.unavailable()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("NextMarker is missing"));
    }

    @Test
    void all_markerThatComesBack_doesNotLoopForever() {
        cloudFrontApi.stubFor(firstPage().willReturn(xml(200, CloudFrontXml.distributionList("", "E1A", true,
                CloudFrontXml.summary("E1A", true, "cp")))));
        cloudFrontApi.stubFor(pageAfter("E1A").willReturn(xml(200, CloudFrontXml.distributionList("E1A", "E1A", true,
                CloudFrontXml.summary("E2B", true, "cp")))));

        SourceResult result = source.all(false);

        assertThat(ids(result)).containsExactly("E1A", "E2B");
        assertThat(result.unavailable()).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("NextMarker E1A was already listed"));
        cloudFrontApi.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    }

    @Test
    void byIds_readsEachDistribution_inTheGetDistributionShapeWithItsETag() {
        cloudFrontApi.stubFor(getDistribution("E1A").willReturn(distribution("E1A", true)));
        cloudFrontApi.stubFor(getDistribution("E2B").willReturn(distribution("E2B", true)));

        SourceResult result = source.byIds(List.of("E1A", "E2B"));

        assertThat(ids(result)).containsExactly("E1A", "E2B");
        JsonNode first = result.distributions().getFirst().awsCliShape();
        assertThat(first.path("ETag").asText()).isEqualTo("ETAGE1A");
        assertThat(first.at("/Distribution/Id").asText()).isEqualTo("E1A");
        assertThat(first.at("/Distribution/DistributionConfig/DefaultCacheBehavior/OriginRequestPolicyId").asText())
                .isEqualTo("orp-E1A");
    }

    @Test
    void byIds_readsARepeatedIdOnce() {
        cloudFrontApi.stubFor(getDistribution("E1A").willReturn(distribution("E1A", true)));

        SourceResult result = source.byIds(List.of("E1A", "E1A"));

        assertThat(ids(result)).containsExactly("E1A");
        cloudFrontApi.verify(1, getRequestedFor(urlEqualTo(LIST_PATH + "/E1A")));
    }

    @Test
    void byIds_noSuchDistribution_isUnavailableWithTheApiReason_withoutRetrying() {
        cloudFrontApi.stubFor(getDistribution("E1A").willReturn(distribution("E1A", true)));
        cloudFrontApi.stubFor(getDistribution("EGONE").willReturn(
                xml(404, CloudFrontXml.error("Sender", "NoSuchDistribution", "The specified distribution does not exist."))));

        SourceResult result = source.byIds(List.of("EGONE", "E1A"));

        assertThat(ids(result)).containsExactly("E1A");
        assertThat(result.unavailable()).containsExactly(new Unavailable("EGONE",
                "GetDistribution EGONE: NoSuchDistribution: The specified distribution does not exist. (HTTP 404, 1 attempt)"));
        cloudFrontApi.verify(1, getRequestedFor(urlEqualTo(LIST_PATH + "/EGONE")));
    }

    @Test
    void byIds_throttledOnce_isRetriedByTheSdk_andSucceeds() {
        cloudFrontApi.stubFor(getDistribution("E1A").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(throttling()).willSetStateTo("calm"));
        cloudFrontApi.stubFor(getDistribution("E1A").inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(distribution("E1A", true)));

        SourceResult result = source.byIds(List.of("E1A"));

        assertThat(ids(result)).containsExactly("E1A");
        assertThat(result.unavailable()).isEmpty();
        cloudFrontApi.verify(2, getRequestedFor(urlEqualTo(LIST_PATH + "/E1A")));
    }

    @Test
    void byIds_throttledOnEveryAttempt_isUnavailable_notThrown() {
        cloudFrontApi.stubFor(getDistribution("E1A").willReturn(throttling()));
        cloudFrontApi.stubFor(getDistribution("E2B").willReturn(distribution("E2B", true)));

        SourceResult result = source.byIds(List.of("E1A", "E2B"));

        assertThat(ids(result)).containsExactly("E2B");
        assertThat(result.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("E1A");
            assertThat(u.reason()).isEqualTo("GetDistribution E1A: Throttling: Rate exceeded (HTTP 400, 3 attempts)");
        });
        cloudFrontApi.verify(3, getRequestedFor(urlEqualTo(LIST_PATH + "/E1A")));
    }

    @Test
    void byIds_endpointThatRefusesConnections_isUnavailable_withTheNetworkReason() {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var unreachable = LocalAws.cloudFront("http://127.0.0.1:" + closedPort)) {

            SourceResult result = new CloudFrontDistributionSource(unreachable).byIds(List.of("E1A"));

            assertThat(result.distributions()).isEmpty();
            assertThat(result.unavailable()).singleElement().satisfies(u -> assertThat(u.reason())
                    .startsWith("GetDistribution E1A: SdkClientException: Unable to execute HTTP request")
                    .endsWith("(3 attempts)")
                    .doesNotContain("SDK Attempt Count"));
        }
    }

    @Test
    void byIds_skipsDisabledDistributions_unlessAsked() {
        cloudFrontApi.stubFor(getDistribution("E1ON").willReturn(distribution("E1ON", true)));
        cloudFrontApi.stubFor(getDistribution("E2OFF").willReturn(distribution("E2OFF", false)));

        SourceResult skipping = source.byIds(List.of("E1ON", "E2OFF"));
        SourceResult including = source.byIds(List.of("E1ON", "E2OFF"), true);

        assertThat(ids(skipping)).containsExactly("E1ON");
        assertThat(skipping.skippedDisabled()).containsExactly("E2OFF");
        assertThat(ids(including)).containsExactly("E1ON", "E2OFF");
    }

    @Test
    void sourcedDistribution_neverPrintsItsTree_whichHoldsCustomHeaderValues() {
        cloudFrontApi.stubFor(getDistribution("E1A").willReturn(distribution("E1A", true)));

        SourcedDistribution sourced = source.byIds(List.of("E1A")).distributions().getFirst();

        assertThat(sourced.awsCliShape().toString()).contains(CloudFrontXml.SECRET_HEADER_VALUE);
        assertThat(sourced.toString()).doesNotContain(CloudFrontXml.SECRET_HEADER_VALUE).contains("E1A");
    }

    @Test
    void sourcedDistribution_treeCannotBeChangedFromOutside() {
        cloudFrontApi.stubFor(getDistribution("E1A").willReturn(distribution("E1A", true)));
        SourcedDistribution sourced = source.byIds(List.of("E1A")).distributions().getFirst();

        ((com.fasterxml.jackson.databind.node.ObjectNode) sourced.awsCliShape()).put("ETag", "tampered");

        assertThat(sourced.awsCliShape().path("ETag").asText()).isEqualTo("ETAGE1A");
    }
}
