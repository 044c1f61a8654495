package dev.cfoc.config;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The four JSON shapes the AWS CLI prints (and a bare config), read from fixtures that look like real output. */
class DistributionFileLoaderTest {

    private final DistributionFileLoader loader = new DistributionFileLoader();

    static Path fixture(String name) {
        try {
            return Path.of(DistributionFileLoaderTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void getDistributionConfigOutput_isOneDistributionWithoutIdOrDomain() throws Exception {
        Path file = fixture("get-distribution-config.json");

        List<Distribution> distributions = loader.load(file);

        assertThat(distributions).singleElement().satisfies(d -> {
            assertThat(d.id()).isEmpty();
            assertThat(d.domainName()).isEmpty();
            assertThat(d.source()).isEqualTo(file.toString());
            assertThat(d.aliases()).containsExactly("www.example.com", "example.com");
            assertThat(d.enabled()).isTrue();
            assertThat(d.origins()).extracting(Origin::id).containsExactly("alb-web", "s3-assets");
            assertThat(d.originGroups()).isEmpty();
        });
    }

    @Test
    void getDistributionConfigOutput_mapsCustomOriginSettingsAndSecretHeaders() throws Exception {
        Distribution d = loader.load(fixture("get-distribution-config.json")).getFirst();

        Origin alb = d.origin("alb-web").orElseThrow();
        assertThat(alb.domainName()).isEqualTo("web-alb-1234567890.us-east-1.elb.amazonaws.com");
        assertThat(alb.originPath()).isEmpty();
        assertThat(alb.connectionAttempts()).isEqualTo(3);
        assertThat(alb.connectionTimeoutSeconds()).isEqualTo(10);
        assertThat(alb.originShieldRegion()).isEmpty();
        assertThat(alb.mtlsConfigured()).isFalse();
        assertThat(alb.customHeaders()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("X-Origin-Verify");
            assertThat(h.value().reveal()).isEqualTo("tW9-origin-verify-5ecr3t");
            assertThat(h.toString()).doesNotContain("tW9-origin-verify-5ecr3t");
        });
        assertThat(alb.type()).isEqualTo(new OriginType.Custom(new CustomOriginConfig(80, 443,
                OriginProtocolPolicy.HTTPS_ONLY, List.of("TLSv1.2"), 30, 5)));
    }

    @Test
    void ipAddressType_isReadAndDefaultsToIpv4() throws Exception {
        String config = Files.readString(fixture("get-distribution-config.json"));
        String ipv4 = "\"IpAddressType\": \"ipv4\"";
        assertThat(config).contains(ipv4);

        assertThat(albConfig(config.replace(ipv4, "\"IpAddressType\": \"dualstack\"")).ipAddressType())
                .isEqualTo(IpAddressType.DUALSTACK);
        assertThat(albConfig(config.replace(ipv4, "\"IpAddressType\": \"ipv6\"")).ipAddressType())
                .isEqualTo(IpAddressType.IPV6);
        assertThat(albConfig(config.replace(",\n                        " + ipv4, "")).ipAddressType())
                .isEqualTo(IpAddressType.IPV4);
    }

    private CustomOriginConfig albConfig(String json) throws ConfigException {
        assertThat(json).doesNotContain("\"ipv4\"");
        return ((OriginType.Custom) loader.loadString(json, "test").getFirst().origin("alb-web").orElseThrow().type())
                .config();
    }

    @Test
    void getDistributionConfigOutput_mapsS3OriginAndOriginShield() throws Exception {
        Distribution d = loader.load(fixture("get-distribution-config.json")).getFirst();

        Origin s3 = d.origin("s3-assets").orElseThrow();
        assertThat(s3.type()).isEqualTo(new OriginType.S3(30));
        assertThat(s3.originPath()).isEqualTo("/static");
        assertThat(s3.connectionAttempts()).isEqualTo(2);
        assertThat(s3.connectionTimeoutSeconds()).isEqualTo(5);
        assertThat(s3.originShieldRegion()).hasValue("us-east-1");
    }

    @Test
    void getDistributionConfigOutput_mapsBehaviorsPoliciesLegacyHeadersAndFunctions() throws Exception {
        Distribution d = loader.load(fixture("get-distribution-config.json")).getFirst();

        CacheBehavior defaultBehavior = d.defaultCacheBehavior();
        assertThat(defaultBehavior.isDefault()).isTrue();
        assertThat(defaultBehavior.targetOriginId()).isEqualTo("alb-web");
        assertThat(defaultBehavior.viewerProtocolPolicy()).isEqualTo(ViewerProtocolPolicy.REDIRECT_TO_HTTPS);
        assertThat(defaultBehavior.legacyForwardedHeaders()).isEmpty();
        assertThat(defaultBehavior.cachePolicyId()).hasValue("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(defaultBehavior.originRequestPolicyId()).hasValue("216adef6-5c7f-47e4-b989-5492eafa07d3");
        assertThat(defaultBehavior.edgeFunctions()).isEmpty();

        assertThat(d.cacheBehaviors()).singleElement().satisfies(b -> {
            assertThat(b.pathPattern()).isEqualTo("/static/*");
            assertThat(b.targetOriginId()).isEqualTo("s3-assets");
            assertThat(b.viewerProtocolPolicy()).isEqualTo(ViewerProtocolPolicy.ALLOW_ALL);
            assertThat(b.legacyForwardedHeaders()).hasValue(List.of());
            assertThat(b.cachePolicyId()).isEmpty();
            assertThat(b.edgeFunctions()).containsExactly(new EdgeFunction(EdgeFunction.Kind.CLOUDFRONT_FUNCTION,
                    "viewer-request", "arn:aws:cloudfront::123456789012:function/append-index-html"));
        });
    }

    @Test
    void getDistributionOutput_takesIdAndDomainFromTheWrapper() throws Exception {
        List<Distribution> distributions = loader.load(fixture("get-distribution.json"));

        assertThat(distributions).singleElement().satisfies(d -> {
            assertThat(d.id()).hasValue("E2T4X8ZQ1WJ6KM");
            assertThat(d.domainName()).hasValue("d2x9k4q7v1m3zt.cloudfront.net");
            assertThat(d.label()).isEqualTo("E2T4X8ZQ1WJ6KM");
            assertThat(d.enabled()).isFalse();
            assertThat(d.aliases()).containsExactly("*.api.example.com");
        });
    }

    @Test
    void getDistributionOutput_mapsOriginGroupsMtlsPortsTimeoutsAndLambdaEdge() throws Exception {
        Distribution d = loader.load(fixture("get-distribution.json")).getFirst();

        assertThat(d.originGroups()).containsExactly(
                new OriginGroup("api-failover", List.of("api-eu", "api-us"), List.of(502, 503, 504)));
        Origin eu = d.origin("api-eu").orElseThrow();
        assertThat(eu.type()).isEqualTo(new OriginType.Custom(new CustomOriginConfig(8080, 8443,
                OriginProtocolPolicy.MATCH_VIEWER, List.of("SSLv3", "TLSv1.1", "TLSv1.2"), 150, 60)));
        assertThat(eu.originPath()).isEqualTo("/v2");
        assertThat(eu.connectionAttempts()).isEqualTo(1);
        assertThat(eu.connectionTimeoutSeconds()).isEqualTo(3);
        assertThat(eu.mtlsConfigured()).isFalse();
        assertThat(d.origin("api-us").orElseThrow().mtlsConfigured()).isTrue();
        assertThat(d.defaultCacheBehavior().legacyForwardedHeaders()).hasValue(List.of("Host", "Authorization"));
        assertThat(d.defaultCacheBehavior().edgeFunctions()).containsExactly(new EdgeFunction(
                EdgeFunction.Kind.LAMBDA_EDGE, "origin-request",
                "arn:aws:lambda:us-east-1:123456789012:function:pick-region:12"));
    }

    @Test
    void absentOriginSslProtocols_takeTheDocumentedDecision() throws Exception {
        Distribution d = loader.load(fixture("get-distribution.json")).getFirst();

        var legacy = (OriginType.Custom) d.origin("unused-legacy").orElseThrow().type();
        assertThat(legacy.config().originSslProtocols()).isEqualTo(CustomOriginConfig.DEFAULT_ORIGIN_SSL_PROTOCOLS);
    }

    @Test
    void listDistributionsOutput_givesEverySummaryWithItsIdAndDomain() throws Exception {
        List<Distribution> distributions = loader.load(fixture("list-distributions.json"));

        assertThat(distributions).extracting(Distribution::id, Distribution::domainName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Optional.of("E3KQ7W2M9XJ1PA"),
                        Optional.of("d3kq7w2m9xj1pa.cloudfront.net")),
                org.assertj.core.groups.Tuple.tuple(Optional.of("E1PZ5N8C3R7TQV"),
                        Optional.of("d1pz5n8c3r7tqv.cloudfront.net")));
        assertThat(distributions.get(0).aliases()).isEmpty();
        assertThat(distributions.get(0).origins().getFirst().type())
                .isEqualTo(new OriginType.Vpc("vo_9f8e7d6c5b4a39281"));
        assertThat(distributions.get(1).aliases()).containsExactly("shop.example.org");
        assertThat(distributions.get(1).defaultCacheBehavior().originRequestPolicyId()).isEmpty();
    }

    @Test
    void emptyListDistributionsOutput_givesNoDistributions() throws Exception {
        String json = "{\"DistributionList\": {\"Marker\": \"\", \"MaxItems\": 100, \"IsTruncated\": false, "
                + "\"Quantity\": 0}}";

        assertThat(loader.loadString(json, "empty-list.json")).isEmpty();
    }

    @Test
    void bareDistributionConfig_appliesApiDefaults() throws Exception {
        Distribution d = loader.load(fixture("bare-distribution-config.json")).getFirst();

        assertThat(d.id()).isEmpty();
        Origin website = d.origins().getFirst();
        assertThat(website.originPath()).isEmpty();
        assertThat(website.customHeaders()).isEmpty();
        assertThat(website.connectionAttempts()).isEqualTo(Origin.DEFAULT_CONNECTION_ATTEMPTS);
        assertThat(website.connectionTimeoutSeconds()).isEqualTo(Origin.DEFAULT_CONNECTION_TIMEOUT_SECONDS);
        assertThat(website.type()).isEqualTo(new OriginType.Custom(new CustomOriginConfig(80, 443,
                OriginProtocolPolicy.HTTP_ONLY, CustomOriginConfig.DEFAULT_ORIGIN_SSL_PROTOCOLS, 30, 5)));
        assertThat(d.cacheBehaviors()).isEmpty();
        assertThat(d.originGroups()).isEmpty();
    }

    @Test
    void loadString_usesTheGivenSourceName() throws Exception {
        String json = """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "o", "DomainName": "o.example.com",
                  "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "https-only"}}
                """;

        assertThat(loader.loadString(json, "demo:healthy").getFirst().source()).isEqualTo("demo:healthy");
    }

    @Test
    void mtlsFlag_acceptsAnObjectOnTheOrigin_andRespectsEnabledFalse() throws Exception {
        String template = """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "o", "DomainName": "o.example.com", %s
                  "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "https-only"}}
                """;

        assertThat(loader.loadString(template.formatted("\"OriginMtlsConfig\": {},"), "a.json")
                .getFirst().origins().getFirst().mtlsConfigured()).isTrue();
        assertThat(loader.loadString(template.formatted("\"OriginMtlsConfig\": {\"Enabled\": false},"), "b.json")
                .getFirst().origins().getFirst().mtlsConfigured()).isFalse();
        assertThat(loader.loadString(template.formatted("\"OriginMtlsConfig\": null,"), "c.json")
                .getFirst().origins().getFirst().mtlsConfigured()).isFalse();
    }

    @Test
    void stagingConfig_keepsItsStagingFlagAndPolicy_whenGivenAnId() throws Exception {
        String json = """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "o", "DomainName": "o.example.com",
                  "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "https-only"},
                 "Staging": true, "ContinuousDeploymentPolicyId": "cdp-1"}
                """;
        Distribution loaded = loader.loadString(json, "staging.json").getFirst();
        ViewerNames names = new ViewerNames(List.of("www.example.com"), "staging distribution of primary E1");

        Distribution withId = loaded.withViewerNames(names).withId("E2STAGING");

        assertThat(withId.id()).contains("E2STAGING");
        assertThat(withId.staging()).isTrue();
        assertThat(withId.continuousDeploymentPolicyId()).contains("cdp-1");
        assertThat(withId.viewerNames()).contains(names);
        assertThat(withId).usingRecursiveComparison().ignoringFields("id").isEqualTo(loaded.withViewerNames(names));
    }
}
