package dev.cfoc.lambda;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
    static final String OTHER_DISTRIBUTION_ID = "E3OTHERDIST99";
    /** The policy of events/cloudtrail-update-origin-request-policy.json. */
    public static final String CHANGED_POLICY_ID = "1d3c5e7a-9b2f-4d6e-8a0c-2e4f6a8b0c1d";
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    static final String MANAGED_CORS_CUSTOM_ORIGIN = "59781a5b-3903-41f3-afcb-af62929ccde1";
    public static final String SECRET_HEADER_VALUE = "s3cr3t-origin-verify-value";
    static final TopicArn TOPIC = TopicArn.parse("arn:aws:sns:us-east-1:123456789012:cloudfront-origin-findings");
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final String API = "/2020-05-31";

    final SampleTlsServer healthy;
    public final SampleTlsServer expired;
    public final Path rootPem;

    private LocalWorld(SampleTlsServer healthy, SampleTlsServer expired, Path rootPem) {
        this.healthy = healthy;
        this.expired = expired;
        this.rootPem = rootPem;
    }

    public static LocalWorld start(Path dir) throws IOException, CertificateEncodingException {
        SamplePki pki = SamplePki.create("cfoc lambda test");
        Instant now = Instant.now();
        SampleTlsServer healthy = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames("localhost"))).start();
        SampleTlsServer expired = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames("localhost")
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(3))))).start();
        Path pem = dir.resolve("test-root.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pki.rootCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return new LocalWorld(healthy, expired, pem);
    }

    @Override
    public void close() {
        healthy.close();
        expired.close();
    }

    /** The WireMock server of a test class, on a free loopback port; register it with {@code @RegisterExtension}. */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    /** Real SDK clients aimed at the WireMock server with test credentials (SQS: the SDK's default resolution). */
    static AwsClientProvider clients(WireMockExtension api) {
        return clients(api, AwsClientOptions.defaults());
    }

    /** CloudFront and SNS on the WireMock server, SQS as {@code sqsOptions} say (e.g. an ElasticMQ endpoint). */
    static AwsClientProvider clients(WireMockExtension api, AwsClientOptions sqsOptions) {
        var options = AwsClientOptions.defaults()
                .withCredentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .withEndpointOverride(URI.create(api.baseUrl()));
        return new AwsClientProvider(options, options, sqsOptions);
    }

    // ---- CloudFront API stubs ----

    /** GetDistribution for the distribution of the CloudTrail and manual events: an expired and a healthy origin. */
    public void stubGetDistribution(WireMockExtension api, String originRequestPolicyId) {
        api.stubFor(get(urlEqualTo(API + "/distribution/" + DISTRIBUTION_ID))
                .willReturn(xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"" + NS + "\">"
                        + distributionHead(DISTRIBUTION_ID) + "<DistributionConfig>"
                        + "<CallerReference>site-2026-03-11</CallerReference>"
                        + mainDistributionBody(originRequestPolicyId) + "</DistributionConfig></Distribution>")
                        .withHeader("ETag", "E3UN6WX5RRO2AG")));
    }

    /** GetDistribution for the other distribution of the listing: one healthy origin, nothing to report. */
    public void stubGetOtherDistribution(WireMockExtension api) {
        api.stubFor(get(urlEqualTo(API + "/distribution/" + OTHER_DISTRIBUTION_ID))
                .willReturn(xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"" + NS + "\">"
                        + distributionHead(OTHER_DISTRIBUTION_ID) + "<DistributionConfig>"
                        + "<CallerReference>static-2026-03-11</CallerReference>" + otherDistributionBody()
                        + "</DistributionConfig></Distribution>").withHeader("ETag", "E1OTHERETAG0001")));
    }

    /** ListDistributions, one page: the main distribution (using the changed policy) and one that does not use it. */
    public void stubListDistributions(WireMockExtension api) {
        String main = "<DistributionSummary>" + distributionHead(DISTRIBUTION_ID)
                + mainDistributionBody(CHANGED_POLICY_ID) + summaryTail() + "</DistributionSummary>";
        String other = "<DistributionSummary>" + distributionHead(OTHER_DISTRIBUTION_ID)
                + otherDistributionBody() + summaryTail() + "</DistributionSummary>";
        api.stubFor(get(urlPathEqualTo(API + "/distribution")).withQueryParam("Marker", absent())
                .willReturn(xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionList xmlns=\"" + NS + "\">"
                        + "<Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated>"
                        + "<Quantity>2</Quantity><Items>" + main + other + "</Items></DistributionList>")));
    }

    /** GetOriginRequestPolicy: a whitelist forwarding Host (so aliases become SNI and Host). */
    public static void stubOriginRequestPolicy(WireMockExtension api, String id) {
        api.stubFor(get(urlEqualTo(API + "/origin-request-policy/" + id))
                .willReturn(xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OriginRequestPolicy xmlns=\"" + NS + "\">"
                        + "<Id>" + id + "</Id><LastModifiedTime>2026-11-27T02:45:02.000Z</LastModifiedTime>"
                        + "<OriginRequestPolicyConfig><Comment></Comment><Name>forward-host-and-auth</Name>"
                        + "<HeadersConfig><HeaderBehavior>whitelist</HeaderBehavior><Headers><Quantity>2</Quantity>"
                        + "<Items><Name>Host</Name><Name>Authorization</Name></Items></Headers></HeadersConfig>"
                        + "<CookiesConfig><CookieBehavior>none</CookieBehavior></CookiesConfig>"
                        + "<QueryStringsConfig><QueryStringBehavior>all</QueryStringBehavior></QueryStringsConfig>"
                        + "</OriginRequestPolicyConfig></OriginRequestPolicy>")));
    }

    public static void stubCloudFrontError(WireMockExtension api, String path, int status, String code, String message) {
        api.stubFor(get(urlEqualTo(API + path)).willReturn(xml(status,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
                        + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                        + "<RequestId>5b8a1c43-8f3e-4d0a-9a41-0c2b7e1f6d21</RequestId></ErrorResponse>")));
    }

    // ---- SNS Query API stubs ----

    static void stubSnsPublishAccepted(WireMockExtension api) {
        api.stubFor(post(urlEqualTo("/")).willReturn(xml(200,
                "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>2b0e3f6d-77c4-5f1e-9a3b-1c2d3e4f5a6b</MessageId></PublishResult><ResponseMetadata>"
                        + "<RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>")));
    }

    static void stubSnsPublishDenied(WireMockExtension api) {
        api.stubFor(post(urlEqualTo("/")).willReturn(xml(403,
                "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                        + "<Code>AuthorizationError</Code><Message>User is not authorized to perform: SNS:Publish"
                        + "</Message></Error><RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId></ErrorResponse>")));
    }

    /** SNS refuses the messages about {@code distributionId} (AuthorizationError) and accepts the others. */
    static void stubSnsPublishDeniedFor(WireMockExtension api, String distributionId) {
        stubSnsPublishAccepted(api);
        api.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(distributionId))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=Publish"))
                .willReturn(xml(403,
                "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                        + "<Code>AuthorizationError</Code><Message>User is not authorized to perform: SNS:Publish"
                        + "</Message></Error><RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId></ErrorResponse>")));
    }

    /** The SNS Publish requests received, oldest first, as decoded form parameters. */
    static List<Map<String, String>> publishRequests(WireMockExtension api) {
        return api.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .map(r -> form(r.getBodyAsString()))
                .filter(f -> "Publish".equals(f.get("Action")))
                .toList();
    }

    /** Message attribute name → StringValue, from the Query API's entry.N encoding. */
    static Map<String, String> attributes(Map<String, String> request) {
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

    // ---- CloudFront XML ----

    private static String distributionHead(String id) {
        return "<Id>" + id + "</Id><ARN>arn:aws:cloudfront::123456789012:distribution/" + id + "</ARN>"
                + "<Status>Deployed</Status><LastModifiedTime>2026-11-27T02:41:17.000Z</LastModifiedTime>"
                + "<DomainName>d111111abcdef8.cloudfront.net</DomainName>";
    }

    /** Origins app (healthy) and legacy (expired, with a secret custom header); default → app, /legacy/* → legacy. */
    private String mainDistributionBody(String originRequestPolicyId) {
        return aliases("www.example.com")
                + origins(origin("app", healthy.port(), false), origin("legacy", expired.port(), true))
                + "<OriginGroups><Quantity>0</Quantity></OriginGroups>"
                + defaultBehavior("app", originRequestPolicyId)
                + "<CacheBehaviors><Quantity>1</Quantity><Items><CacheBehavior><PathPattern>/legacy/*</PathPattern>"
                + behaviorBody("legacy", MANAGED_CORS_CUSTOM_ORIGIN) + "</CacheBehavior></Items></CacheBehaviors>"
                + "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>www.example.com</Comment>"
                + "<PriceClass>PriceClass_100</PriceClass><Enabled>true</Enabled>";
    }

    private String otherDistributionBody() {
        return aliases("static.example.com") + origins(origin("static", healthy.port(), false))
                + "<OriginGroups><Quantity>0</Quantity></OriginGroups>"
                + defaultBehavior("static", MANAGED_CORS_CUSTOM_ORIGIN)
                + "<CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>"
                + "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>static</Comment>"
                + "<PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>";
    }

    private static String summaryTail() {
        return "<ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>"
                + "<SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>"
                + "</ViewerCertificate><Restrictions><GeoRestriction><RestrictionType>none</RestrictionType>"
                + "<Quantity>0</Quantity></GeoRestriction></Restrictions><WebACLId></WebACLId>"
                + "<HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false</Staging>";
    }

    private static String aliases(String... names) {
        StringBuilder items = new StringBuilder();
        for (String name : names) {
            items.append("<CNAME>").append(name).append("</CNAME>");
        }
        return "<Aliases><Quantity>" + names.length + "</Quantity><Items>" + items + "</Items></Aliases>";
    }

    private static String origins(String... origins) {
        return "<Origins><Quantity>" + origins.length + "</Quantity><Items>" + String.join("", origins) + "</Items></Origins>";
    }

    private static String origin(String id, int httpsPort, boolean secretHeader) {
        return "<Origin><Id>" + id + "</Id><DomainName>localhost</DomainName><OriginPath></OriginPath>"
                + (secretHeader ? "<CustomHeaders><Quantity>1</Quantity><Items><OriginCustomHeader>"
                + "<HeaderName>X-Origin-Verify</HeaderName><HeaderValue>" + SECRET_HEADER_VALUE + "</HeaderValue>"
                + "</OriginCustomHeader></Items></CustomHeaders>" : "<CustomHeaders><Quantity>0</Quantity></CustomHeaders>")
                + "<CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>" + httpsPort + "</HTTPSPort>"
                + "<OriginProtocolPolicy>https-only</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity>"
                + "<Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols>"
                + "<OriginReadTimeout>5</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout>"
                + "</CustomOriginConfig><ConnectionAttempts>1</ConnectionAttempts><ConnectionTimeout>2</ConnectionTimeout>"
                + "<OriginShield><Enabled>false</Enabled></OriginShield><OriginAccessControlId></OriginAccessControlId></Origin>";
    }

    private static String defaultBehavior(String target, String originRequestPolicyId) {
        return "<DefaultCacheBehavior>" + behaviorBody(target, originRequestPolicyId) + "</DefaultCacheBehavior>";
    }

    private static String behaviorBody(String target, String originRequestPolicyId) {
        return "<TargetOriginId>" + target + "</TargetOriginId>"
                + "<TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>"
                + "<TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>"
                + "<ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>"
                + "<AllowedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items>"
                + "<CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items>"
                + "</CachedMethods></AllowedMethods><SmoothStreaming>false</SmoothStreaming><Compress>true</Compress>"
                + "<LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>"
                + "<FunctionAssociations><Quantity>0</Quantity></FunctionAssociations>"
                + "<FieldLevelEncryptionId></FieldLevelEncryptionId>"
                + "<CachePolicyId>" + CACHING_DISABLED + "</CachePolicyId>"
                + "<OriginRequestPolicyId>" + originRequestPolicyId + "</OriginRequestPolicyId>";
    }
}
