package dev.cfoc.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.lambda.AwsClientProvider;
import dev.cfoc.sample.SamplePki;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * What the Lambda tests run against, all on loopback: two real TLS origins on "localhost" (one healthy, one with an
 * expired certificate) issued by a test PKI whose root is in a PEM file, and one WireMock server answering both the
 * CloudFront REST-XML API and the SNS Query API with the distributions of the events in {@code events/}.
 */
public final class LocalWorld implements AutoCloseable {

    public static final String DISTRIBUTION_ID = "E2QWRUHAPOMQZL";
    public static final String OTHER_DISTRIBUTION_ID = "E3OTHERDIST99";
    /** The policy of events/cloudtrail-update-origin-request-policy.json. */
    public static final String CHANGED_POLICY_ID = "1d3c5e7a-9b2f-4d6e-8a0c-2e4f6a8b0c1d";
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** The tenant of events/cloudtrail-*-distribution-tenant.json and cloudtrail-update-domain-association.json. */
    public static final String TENANT_ID = "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB";
    public static final String TENANT_DOMAIN = "tenant-a.example.net";
    /** The continuous deployment policy of the main distribution and events/cloudtrail-update-continuous-deployment-policy.json. */
    public static final String CONTINUOUS_DEPLOYMENT_POLICY_ID = "2e4b6d8f-0a1c-4e3f-9b5d-7c9e1f3a5b7d";
    public static final String STAGING_ID = "E4STAGINGDIST1";
    public static final String STAGING_DOMAIN_NAME = "d4staging0dist.cloudfront.net";
    public static final String MANAGED_CORS_CUSTOM_ORIGIN = "59781a5b-3903-41f3-afcb-af62929ccde1";
    public static final String SECRET_HEADER_VALUE = CloudFrontXml.SECRET_HEADER_VALUE;
    public static final TopicArn TOPIC = TopicArn.parse("arn:aws:sns:us-east-1:123456789012:cloudfront-origin-findings");
    public static final String ACCESS_KEY = LocalAws.ACCESS_KEY;
    public static final String SECRET_KEY = LocalAws.SECRET_KEY;

    private static final String API = "/2020-05-31";
    private static final String SNS_DENIED = SnsXml.error("Sender", "AuthorizationError",
            "User is not authorized to perform: SNS:Publish");

    public final SampleTlsServer healthy;
    public final SampleTlsServer expired;
    public final Path rootPem;
    private volatile boolean legacyFixed;

    private LocalWorld(SampleTlsServer healthy, SampleTlsServer expired, Path rootPem) {
        this.healthy = healthy;
        this.expired = expired;
        this.rootPem = rootPem;
    }

    public static LocalWorld start(Path dir) throws IOException {
        SamplePki pki = SamplePki.create("cfoc lambda test");
        Instant now = Instant.now();
        SampleTlsServer healthy = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames("localhost"))).start();
        SampleTlsServer expired = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames("localhost")
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(3))))).start();
        return new LocalWorld(healthy, expired, Pem.write(dir.resolve("test-root.pem"), pki.rootCertificate()));
    }

    /**
     * Whether the stubs stubbed from now on serve the main distribution's legacy origin on the healthy server (someone
     * fixed it) or, as at the start, on the expired one.
     */
    public void legacyOriginFixed(boolean fixed) {
        legacyFixed = fixed;
    }

    @Override
    public void close() {
        healthy.close();
        expired.close();
    }

    /** The WireMock server of a test class, on a free loopback port; register it with {@code @RegisterExtension}. */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();
    }

    /** Real SDK clients aimed at the WireMock server with test credentials (SQS: the SDK's default resolution). */
    public static AwsClientProvider clients(WireMockExtension api) {
        return clients(api, AwsClientOptions.defaults());
    }

    /** CloudFront and SNS on the WireMock server, SQS as {@code sqsOptions} say (e.g. an ElasticMQ endpoint). */
    public static AwsClientProvider clients(WireMockExtension api, AwsClientOptions sqsOptions) {
        var options = LocalAws.options(api.baseUrl());
        return new AwsClientProvider(options, options, sqsOptions);
    }

    // ---- CloudFront API stubs ----

    /**
     * What the event files of {@code events/} read: GetDistribution (both distributions), ListDistributions, the
     * changed policy and who uses it, the tenant.
     */
    public void stubEventFiles(WireMockExtension api) {
        stubGetDistribution(api, CHANGED_POLICY_ID);
        stubGetOtherDistribution(api);
        stubListDistributions(api);
        stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        stubOriginRequestPolicyUsers(api, CHANGED_POLICY_ID);
        stubTenant(api);
    }

    /** GetDistribution for the distribution of the CloudTrail and manual events: an expired and a healthy origin. */
    public void stubGetDistribution(WireMockExtension api, String originRequestPolicyId) {
        api.stubFor(get(urlEqualTo(API + "/distribution/" + DISTRIBUTION_ID))
                .willReturn(xml(200, CloudFrontXml.distribution(DISTRIBUTION_ID, "site-2026-03-11",
                        mainDistribution(originRequestPolicyId))).withHeader("ETag", "E3UN6WX5RRO2AG")));
    }

    /** GetDistribution for the other distribution of the listing: one healthy origin, nothing to report. */
    public void stubGetOtherDistribution(WireMockExtension api) {
        api.stubFor(get(urlEqualTo(API + "/distribution/" + OTHER_DISTRIBUTION_ID))
                .willReturn(xml(200, CloudFrontXml.distribution(OTHER_DISTRIBUTION_ID, "static-2026-03-11",
                        otherDistribution())).withHeader("ETag", "E1OTHERETAG0001")));
    }

    /** ListDistributions, one page: the main distribution (using the changed policy) and one that does not use it. */
    public void stubListDistributions(WireMockExtension api) {
        api.stubFor(get(urlPathEqualTo(API + "/distribution")).withQueryParam("Marker", absent())
                .willReturn(xml(200, CloudFrontXml.distributionList("", null, false,
                        CloudFrontXml.summary(DISTRIBUTION_ID, mainDistribution(CHANGED_POLICY_ID)
                                + CloudFrontXml.summaryTail()),
                        CloudFrontXml.summary(OTHER_DISTRIBUTION_ID, otherDistribution()
                                + CloudFrontXml.summaryTail())))));
    }

    /** ListDistributionsByOriginRequestPolicyId for {@code policyId}: the main distribution uses it. */
    public static void stubOriginRequestPolicyUsers(WireMockExtension api, String policyId) {
        api.stubFor(get(urlPathEqualTo(API + "/distributionsByOriginRequestPolicyId/" + policyId))
                .willReturn(xml(200, CloudFrontXml.distributionIdList(DISTRIBUTION_ID))));
    }

    /** GetDistributionTenant: the tenant {@link #TENANT_ID} of the main distribution, with {@link #TENANT_DOMAIN}. */
    public static void stubTenant(WireMockExtension api) {
        api.stubFor(get(urlEqualTo(API + "/distribution-tenant/" + TENANT_ID))
                .willReturn(xml(200, CloudFrontXml.distributionTenant(TENANT_ID, DISTRIBUTION_ID, TENANT_DOMAIN))
                        .withHeader("ETag", "E23ZP02F085DFQ")));
    }

    /**
     * Continuous deployment: the main distribution's policy routes to {@link #STAGING_ID} (a copy of it, at
     * {@link #STAGING_DOMAIN_NAME}), listed with the two others.
     */
    public void stubStaging(WireMockExtension api) {
        api.stubFor(get(urlEqualTo(API + "/continuous-deployment-policy/" + CONTINUOUS_DEPLOYMENT_POLICY_ID))
                .willReturn(xml(200, CloudFrontXml.continuousDeploymentPolicy(CONTINUOUS_DEPLOYMENT_POLICY_ID,
                        STAGING_DOMAIN_NAME)).withHeader("ETag", "E4CDPOLICYETAG")));
        api.stubFor(get(urlPathEqualTo(API + "/distribution")).withQueryParam("Marker", absent()).atPriority(1)
                .willReturn(xml(200, CloudFrontXml.distributionList("", null, false,
                        CloudFrontXml.summary(DISTRIBUTION_ID, mainDistribution(CHANGED_POLICY_ID)
                                + CloudFrontXml.summaryTail()),
                        CloudFrontXml.summary(OTHER_DISTRIBUTION_ID, otherDistribution()
                                + CloudFrontXml.summaryTail()),
                        CloudFrontXml.summary(STAGING_ID, STAGING_DOMAIN_NAME, stagingDistribution())))));
    }

    /** GetOriginRequestPolicy: a whitelist forwarding Host (so aliases become SNI and Host). */
    public static void stubOriginRequestPolicy(WireMockExtension api, String id) {
        api.stubFor(get(urlEqualTo(API + "/origin-request-policy/" + id))
                .willReturn(xml(200, CloudFrontXml.originRequestPolicy(id, "whitelist", "Host", "Authorization"))));
    }

    public static void stubCloudFrontError(WireMockExtension api, String path, int status, String code, String message) {
        api.stubFor(get(urlEqualTo(API + path)).willReturn(xml(status, CloudFrontXml.error("Sender", code, message))));
    }

    // ---- SNS Query API stubs ----

    public static void stubSnsPublishAccepted(WireMockExtension api) {
        api.stubFor(post(urlEqualTo("/")).willReturn(xml(200,
                SnsXml.publishResponse("2b0e3f6d-77c4-5f1e-9a3b-1c2d3e4f5a6b"))));
    }

    /** SNS accepts the connection and never answers (well, not within a minute). */
    public static void stubSnsPublishHanging(WireMockExtension api) {
        api.stubFor(post(urlEqualTo("/")).atPriority(1).willReturn(xml(200,
                SnsXml.publishResponse("too-late")).withFixedDelay(60_000)));
    }

    public static void stubSnsPublishDenied(WireMockExtension api) {
        api.stubFor(post(urlEqualTo("/")).willReturn(xml(403, SNS_DENIED)));
    }

    /** SNS refuses the messages about {@code distributionId} (AuthorizationError) and accepts the others. */
    public static void stubSnsPublishDeniedFor(WireMockExtension api, String distributionId) {
        stubSnsPublishAccepted(api);
        api.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withRequestBody(containing(distributionId)).withRequestBody(containing("Action=Publish"))
                .willReturn(xml(403, SNS_DENIED)));
    }

    /** The SNS Publish requests received, oldest first, as decoded form parameters. */
    public static List<Map<String, String>> publishRequests(WireMockExtension api) {
        return api.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .map(r -> form(r.getBodyAsString()))
                .filter(f -> "Publish".equals(f.get("Action")))
                .toList();
    }

    /** Message attribute name → StringValue, from the Query API's entry.N encoding. */
    public static Map<String, String> attributes(Map<String, String> request) {
        var attributes = new LinkedHashMap<String, String>();
        for (int n = 1; request.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n + ".";
            attributes.put(request.get(prefix + "Name"), request.get(prefix + "Value.StringValue"));
        }
        return attributes;
    }

    private static Map<String, String> form(String body) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    // ---- the distributions ----

    /** Origins app (healthy) and legacy (expired, with a secret custom header); default → app, /legacy/* → legacy. */
    private String mainDistribution(String originRequestPolicyId) {
        return CloudFrontXml.aliases("www.example.com")
                + CloudFrontXml.origins(CloudFrontXml.httpsOrigin("app", "localhost", healthy.port(), false),
                CloudFrontXml.httpsOrigin("legacy", "localhost", legacyFixed ? healthy.port() : expired.port(), true))
                + "<OriginGroups><Quantity>0</Quantity></OriginGroups>"
                + CloudFrontXml.defaultCacheBehavior("app", CACHING_DISABLED, originRequestPolicyId)
                + CloudFrontXml.cacheBehaviors(CloudFrontXml.cacheBehavior("/legacy/*", "legacy", CACHING_DISABLED,
                MANAGED_CORS_CUSTOM_ORIGIN))
                + "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>www.example.com</Comment>"
                + "<PriceClass>PriceClass_100</PriceClass><Enabled>true</Enabled>"
                + "<ContinuousDeploymentPolicyId>" + CONTINUOUS_DEPLOYMENT_POLICY_ID + "</ContinuousDeploymentPolicyId>";
    }

    /** The staging copy of the main distribution: no aliases (a staging distribution has none), Staging true. */
    private String stagingDistribution() {
        return mainDistribution(CHANGED_POLICY_ID).replace(CloudFrontXml.aliases("www.example.com"),
                        CloudFrontXml.aliases())
                .replace("<ContinuousDeploymentPolicyId>" + CONTINUOUS_DEPLOYMENT_POLICY_ID
                        + "</ContinuousDeploymentPolicyId>", "")
                + CloudFrontXml.summaryTail().replace("<Staging>false</Staging>", "<Staging>true</Staging>");
    }

    private String otherDistribution() {
        return CloudFrontXml.aliases("static.example.com")
                + CloudFrontXml.origins(CloudFrontXml.httpsOrigin("static", "localhost", healthy.port(), false))
                + "<OriginGroups><Quantity>0</Quantity></OriginGroups>"
                + CloudFrontXml.defaultCacheBehavior("static", CACHING_DISABLED, MANAGED_CORS_CUSTOM_ORIGIN)
                + CloudFrontXml.cacheBehaviors()
                + "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>static</Comment>"
                + "<PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>";
    }
}
