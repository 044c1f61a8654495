package dev.cfoc.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * CloudFront REST-XML response bodies (API version 2020-05-31) as the service sends them, for WireMock: whole
 * documents ({@link #distributionList}, {@link #distribution}, {@link #summary}, policies, errors), one sample
 * distribution (a custom origin with a secret header and an S3 origin), and the elements to compose others.
 */
public final class CloudFrontXml {

    public static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    public static final String SECRET_HEADER_VALUE = "s3cr3t-origin-verify-value";
    private static final String ARN_PREFIX = "arn:aws:cloudfront::123456789012:distribution/";
    private static final String LAST_MODIFIED = "2025-03-14T09:26:53.123Z";
    private static final String DOMAIN_NAME = "d111111abcdef8.cloudfront.net";

    private CloudFrontXml() {
    }

    /** A ListDistributions page. */
    public static String distributionList(String marker, String nextMarker, boolean truncated, String... summaries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <DistributionList xmlns="%s">
                  <Marker>%s</Marker>
                  %s
                  <MaxItems>100</MaxItems>
                  <IsTruncated>%s</IsTruncated>
                  <Quantity>%d</Quantity>
                  %s
                </DistributionList>
                """.formatted(NAMESPACE, marker, nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>",
                truncated, summaries.length,
                items(summaries));
    }

    /** A DistributionSummary element: {@code config} is what follows the head (Aliases … Staging). */
    public static String summary(String id, String config) {
        return summary(id, DOMAIN_NAME, config);
    }

    /** A DistributionSummary element of a distribution whose *.cloudfront.net name is {@code domainName}. */
    public static String summary(String id, String domainName, String config) {
        return "<DistributionSummary><Id>" + id + "</Id><ARN>" + ARN_PREFIX + id + "</ARN><ETag>E2QWRUHAPOMQZL</ETag>"
                + "<Status>Deployed</Status><LastModifiedTime>" + LAST_MODIFIED + "</LastModifiedTime><DomainName>"
                + domainName + "</DomainName>" + config + "</DistributionSummary>";
    }

    /** A ListDistributionsByCachePolicyId / …ByOriginRequestPolicyId body: one page of ids. */
    public static String distributionIdList(String... ids) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionIdList xmlns=\"" + NAMESPACE + "\">"
                + "<Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>" + ids.length
                + "</Quantity>" + items(Arrays.stream(ids).map(id -> "<DistributionId>" + id + "</DistributionId>")
                .toArray(String[]::new)) + "</DistributionIdList>";
    }

    /**
     * A GetDistributionTenant body. The list members of Domains are {@code <member>}: the model gives them no element
     * name, so every SDK's deserializer (Java v2, Go v2) reads {@code member}, although the API reference page shows
     * the shape name DomainResult.
     */
    public static String distributionTenant(String id, String distributionId, String... domains) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionTenant xmlns=\"" + NAMESPACE + "\">"
                + "<Arn>arn:aws:cloudfront::123456789012:distribution-tenant/" + id + "</Arn>"
                + "<ConnectionGroupId>cg_2wjDWTBKTlRB87cAaUQFaakFc4I</ConnectionGroupId>"
                + "<CreatedTime>" + LAST_MODIFIED + "</CreatedTime><DistributionId>" + distributionId
                + "</DistributionId><Domains>" + Arrays.stream(domains).map(d -> "<member><Domain>" + d
                + "</Domain><Status>active</Status></member>").collect(Collectors.joining()) + "</Domains>"
                + "<Enabled>true</Enabled><Id>" + id + "</Id><LastModifiedTime>" + LAST_MODIFIED
                + "</LastModifiedTime><Name>tenant-a</Name><Status>Deployed</Status></DistributionTenant>";
    }

    /** A GetContinuousDeploymentPolicy body: a single-weight policy routing to the staging distributions named. */
    public static String continuousDeploymentPolicy(String id, String... stagingDomainNames) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ContinuousDeploymentPolicy xmlns=\"" + NAMESPACE + "\">"
                + "<Id>" + id + "</Id><LastModifiedTime>" + LAST_MODIFIED + "</LastModifiedTime>"
                + "<ContinuousDeploymentPolicyConfig><StagingDistributionDnsNames><Quantity>"
                + stagingDomainNames.length + "</Quantity>" + items(Arrays.stream(stagingDomainNames)
                .map(n -> "<DnsName>" + n + "</DnsName>").toArray(String[]::new)) + "</StagingDistributionDnsNames>"
                + "<Enabled>true</Enabled><TrafficConfig><SingleWeightConfig><Weight>0.05</Weight>"
                + "</SingleWeightConfig><Type>SingleWeight</Type></TrafficConfig></ContinuousDeploymentPolicyConfig>"
                + "</ContinuousDeploymentPolicy>";
    }

    /** The sample distribution's summary: one custom origin (with a secret custom header) and one S3 origin. */
    public static String summary(String id, boolean enabled, String cachePolicyId) {
        return summary(id, """
                  %2$s
                  <OriginGroups><Quantity>0</Quantity></OriginGroups>
                  %3$s
                  <CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>
                  <CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>
                  <Comment>%1$s</Comment>
                  <PriceClass>PriceClass_All</PriceClass>
                  <Enabled>%4$s</Enabled>
                  <ViewerCertificate>
                    <ACMCertificateArn>arn:aws:acm:us-east-1:123456789012:certificate/abcd</ACMCertificateArn>
                    <SSLSupportMethod>sni-only</SSLSupportMethod>
                    <MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion>
                    <Certificate>arn:aws:acm:us-east-1:123456789012:certificate/abcd</Certificate>
                    <CertificateSource>acm</CertificateSource>
                  </ViewerCertificate>
                  <Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions>
                  <WebACLId></WebACLId>
                  <HttpVersion>http2</HttpVersion>
                  <IsIPV6Enabled>true</IsIPV6Enabled>
                  <Staging>false</Staging>
                """.formatted(id, aliasesAndOrigins(), sampleDefaultCacheBehavior(cachePolicyId, "216adef6-5c7f-47e4-b989-5492eafa07d3"),
                enabled));
    }

    /**
     * A GetDistribution body (the ETag comes as a header): {@code config} is what follows the CallerReference in
     * DistributionConfig.
     */
    public static String distribution(String id, String callerReference, String config) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"" + NAMESPACE + "\"><Id>" + id
                + "</Id><ARN>" + ARN_PREFIX + id + "</ARN><Status>Deployed</Status><LastModifiedTime>" + LAST_MODIFIED
                + "</LastModifiedTime><InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>"
                + DOMAIN_NAME + "</DomainName>"
                + "<ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners>"
                + "<ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>"
                + "<DistributionConfig><CallerReference>" + callerReference + "</CallerReference>" + config
                + "</DistributionConfig></Distribution>";
    }

    /** The sample distribution (as {@link #summary(String, boolean, String)}, plus an /api/* behavior). */
    public static String distribution(String id, boolean enabled, String cachePolicyId, String originRequestPolicyId) {
        return distribution(id, "cli-1710408413-123456", """
                  %1$s
                  <DefaultRootObject>index.html</DefaultRootObject>
                  <OriginGroups><Quantity>0</Quantity></OriginGroups>
                  %3$s
                  <CacheBehaviors>
                    <Quantity>1</Quantity>
                    <Items>
                      <CacheBehavior>
                        <PathPattern>/api/*</PathPattern>
                        <TargetOriginId>api-origin</TargetOriginId>
                        <TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>
                        <TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>
                        <ViewerProtocolPolicy>https-only</ViewerProtocolPolicy>
                        <AllowedMethods>
                          <Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items>
                          <CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods>
                        </AllowedMethods>
                        <SmoothStreaming>false</SmoothStreaming>
                        <Compress>true</Compress>
                        <LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>
                        <FunctionAssociations>
                          <Quantity>1</Quantity>
                          <Items>
                            <FunctionAssociation>
                              <FunctionARN>arn:aws:cloudfront::123456789012:function/rewrite-host</FunctionARN>
                              <EventType>viewer-request</EventType>
                            </FunctionAssociation>
                          </Items>
                        </FunctionAssociations>
                        <FieldLevelEncryptionId></FieldLevelEncryptionId>
                        <ForwardedValues>
                          <QueryString>false</QueryString>
                          <Cookies><Forward>none</Forward></Cookies>
                          <Headers><Quantity>2</Quantity><Items><Name>Host</Name><Name>Origin</Name></Items></Headers>
                          <QueryStringCacheKeys><Quantity>0</Quantity></QueryStringCacheKeys>
                        </ForwardedValues>
                        <MinTTL>0</MinTTL>
                        <DefaultTTL>86400</DefaultTTL>
                        <MaxTTL>31536000</MaxTTL>
                      </CacheBehavior>
                    </Items>
                  </CacheBehaviors>
                  <CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>
                  <Comment>%2$s</Comment>
                  <Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket><Prefix></Prefix></Logging>
                  <PriceClass>PriceClass_100</PriceClass>
                  <Enabled>%4$s</Enabled>
                  <ViewerCertificate>
                    <CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>
                    <SSLSupportMethod>vip</SSLSupportMethod>
                    <MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>
                    <CertificateSource>cloudfront</CertificateSource>
                  </ViewerCertificate>
                  <Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction></Restrictions>
                  <WebACLId></WebACLId>
                  <HttpVersion>http2and3</HttpVersion>
                  <IsIPV6Enabled>true</IsIPV6Enabled>
                  <Staging>false</Staging>
                """.formatted(aliasesAndOrigins(), id, sampleDefaultCacheBehavior(cachePolicyId, originRequestPolicyId),
                enabled));
    }

    private static String aliasesAndOrigins() {
        return """
                <Aliases><Quantity>2</Quantity><Items><CNAME>www.example.com</CNAME><CNAME>*.shop.example.com</CNAME></Items></Aliases>
                <Origins>
                  <Quantity>2</Quantity>
                  <Items>
                    <Origin>
                      <Id>api-origin</Id>
                      <DomainName>api.example.com</DomainName>
                      <OriginPath>/v1</OriginPath>
                      <CustomHeaders>
                        <Quantity>1</Quantity>
                        <Items><OriginCustomHeader><HeaderName>X-Origin-Verify</HeaderName><HeaderValue>%s</HeaderValue></OriginCustomHeader></Items>
                      </CustomHeaders>
                      <CustomOriginConfig>
                        <HTTPPort>80</HTTPPort>
                        <HTTPSPort>8443</HTTPSPort>
                        <OriginProtocolPolicy>https-only</OriginProtocolPolicy>
                        <OriginSslProtocols><Quantity>2</Quantity><Items><SslProtocol>TLSv1.2</SslProtocol><SslProtocol>TLSv1.1</SslProtocol></Items></OriginSslProtocols>
                        <OriginReadTimeout>30</OriginReadTimeout>
                        <OriginKeepaliveTimeout>5</OriginKeepaliveTimeout>
                      </CustomOriginConfig>
                      <ConnectionAttempts>3</ConnectionAttempts>
                      <ConnectionTimeout>10</ConnectionTimeout>
                      <OriginShield><Enabled>false</Enabled></OriginShield>
                      <OriginAccessControlId></OriginAccessControlId>
                    </Origin>
                    <Origin>
                      <Id>assets-bucket</Id>
                      <DomainName>assets-bucket.s3.us-east-1.amazonaws.com</DomainName>
                      <OriginPath></OriginPath>
                      <CustomHeaders><Quantity>0</Quantity></CustomHeaders>
                      <S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig>
                      <ConnectionAttempts>3</ConnectionAttempts>
                      <ConnectionTimeout>10</ConnectionTimeout>
                      <OriginShield><Enabled>true</Enabled><OriginShieldRegion>us-east-1</OriginShieldRegion></OriginShield>
                      <OriginAccessControlId>E1ABCDEFGHIJKL</OriginAccessControlId>
                    </Origin>
                  </Items>
                </Origins>
                """.formatted(SECRET_HEADER_VALUE);
    }

    private static String sampleDefaultCacheBehavior(String cachePolicyId, String originRequestPolicyId) {
        return """
                <DefaultCacheBehavior>
                  <TargetOriginId>api-origin</TargetOriginId>
                  <TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>
                  <TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>
                  <ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>
                  <AllowedMethods>
                    <Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items>
                    <CachedMethods><Quantity>2</Quantity><Items><Method>HEAD</Method><Method>GET</Method></Items></CachedMethods>
                  </AllowedMethods>
                  <SmoothStreaming>false</SmoothStreaming>
                  <Compress>true</Compress>
                  <LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>
                  <FunctionAssociations><Quantity>0</Quantity></FunctionAssociations>
                  <FieldLevelEncryptionId></FieldLevelEncryptionId>
                  <CachePolicyId>%s</CachePolicyId>
                  <OriginRequestPolicyId>%s</OriginRequestPolicyId>
                </DefaultCacheBehavior>
                """.formatted(cachePolicyId, originRequestPolicyId);
    }

    /** A GetCachePolicy body. */
    public static String cachePolicy(String id, String headerBehavior, String... headers) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CachePolicy xmlns="%s">
                  <Id>%s</Id>
                  <LastModifiedTime>2024-11-02T17:05:41.000Z</LastModifiedTime>
                  <CachePolicyConfig>
                    <Comment>Cache on Host and Origin</Comment>
                    <Name>custom-host-cache</Name>
                    <DefaultTTL>86400</DefaultTTL>
                    <MaxTTL>31536000</MaxTTL>
                    <MinTTL>1</MinTTL>
                    <ParametersInCacheKeyAndForwardedToOrigin>
                      <EnableAcceptEncodingGzip>true</EnableAcceptEncodingGzip>
                      <EnableAcceptEncodingBrotli>true</EnableAcceptEncodingBrotli>
                      <HeadersConfig><HeaderBehavior>%s</HeaderBehavior>%s</HeadersConfig>
                      <CookiesConfig><CookieBehavior>none</CookieBehavior></CookiesConfig>
                      <QueryStringsConfig><QueryStringBehavior>none</QueryStringBehavior></QueryStringsConfig>
                    </ParametersInCacheKeyAndForwardedToOrigin>
                  </CachePolicyConfig>
                </CachePolicy>
                """.formatted(NAMESPACE, id, headerBehavior, headers(headers));
    }

    /** A GetOriginRequestPolicy body. */
    public static String originRequestPolicy(String id, String headerBehavior, String... headers) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <OriginRequestPolicy xmlns="%s">
                  <Id>%s</Id>
                  <LastModifiedTime>2024-11-02T17:05:41.000Z</LastModifiedTime>
                  <OriginRequestPolicyConfig>
                    <Comment>All viewer headers except Host</Comment>
                    <Name>custom-all-but-host</Name>
                    <HeadersConfig><HeaderBehavior>%s</HeaderBehavior>%s</HeadersConfig>
                    <CookiesConfig><CookieBehavior>all</CookieBehavior></CookiesConfig>
                    <QueryStringsConfig><QueryStringBehavior>all</QueryStringBehavior></QueryStringsConfig>
                  </OriginRequestPolicyConfig>
                </OriginRequestPolicy>
                """.formatted(NAMESPACE, id, headerBehavior, headers(headers));
    }

    private static String headers(String... names) {
        return names.length == 0 ? "" : "<Headers><Quantity>" + names.length + "</Quantity><Items>"
                + Arrays.stream(names).map(n -> "<Name>" + n + "</Name>").collect(Collectors.joining()) + "</Items></Headers>";
    }

    // ---- elements, to compose distributions ----

    public static String aliases(String... names) {
        return "<Aliases><Quantity>" + names.length + "</Quantity>" + items(Arrays.stream(names)
                .map(n -> "<CNAME>" + n + "</CNAME>").toArray(String[]::new)) + "</Aliases>";
    }

    public static String origins(String... origins) {
        return "<Origins><Quantity>" + origins.length + "</Quantity>" + items(origins) + "</Origins>";
    }

    /**
     * A custom origin reached over HTTPS only with TLSv1.2, ConnectionTimeout 2 s, 1 attempt, OriginReadTimeout 5 s;
     * with {@code X-Origin-Verify: }{@link #SECRET_HEADER_VALUE} when {@code secretHeader}.
     */
    public static String httpsOrigin(String id, String domainName, int httpsPort, boolean secretHeader) {
        return "<Origin><Id>" + id + "</Id><DomainName>" + domainName + "</DomainName><OriginPath></OriginPath>"
                + (secretHeader ? "<CustomHeaders><Quantity>1</Quantity><Items><OriginCustomHeader>"
                + "<HeaderName>X-Origin-Verify</HeaderName><HeaderValue>" + SECRET_HEADER_VALUE + "</HeaderValue>"
                + "</OriginCustomHeader></Items></CustomHeaders>" : "<CustomHeaders><Quantity>0</Quantity></CustomHeaders>")
                + "<CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>" + httpsPort + "</HTTPSPort>"
                + "<OriginProtocolPolicy>https-only</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity>"
                + "<Items><SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols>"
                + "<OriginReadTimeout>5</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout>"
                + "</CustomOriginConfig><ConnectionAttempts>1</ConnectionAttempts><ConnectionTimeout>2</ConnectionTimeout>"
                + "<OriginShield><Enabled>false</Enabled></OriginShield><OriginAccessControlId></OriginAccessControlId>"
                + "</Origin>";
    }

    public static String defaultCacheBehavior(String target, String cachePolicyId, String originRequestPolicyId) {
        return "<DefaultCacheBehavior>" + behavior(target, cachePolicyId, originRequestPolicyId)
                + "</DefaultCacheBehavior>";
    }

    public static String cacheBehaviors(String... behaviors) {
        return "<CacheBehaviors><Quantity>" + behaviors.length + "</Quantity>" + items(behaviors) + "</CacheBehaviors>";
    }

    public static String cacheBehavior(String pathPattern, String target, String cachePolicyId,
                                       String originRequestPolicyId) {
        return "<CacheBehavior><PathPattern>" + pathPattern + "</PathPattern>"
                + behavior(target, cachePolicyId, originRequestPolicyId) + "</CacheBehavior>";
    }

    /** What a summary has after Enabled: the default viewer certificate, no restrictions, http2, IPv6, not staging. */
    public static String summaryTail() {
        return "<ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>"
                + "<SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>"
                + "</ViewerCertificate><Restrictions><GeoRestriction><RestrictionType>none</RestrictionType>"
                + "<Quantity>0</Quantity></GeoRestriction></Restrictions><WebACLId></WebACLId>"
                + "<HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false</Staging>";
    }

    /** A behavior's elements after PathPattern: redirect-to-https, GET and HEAD, the given policies. */
    private static String behavior(String target, String cachePolicyId, String originRequestPolicyId) {
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
                + "<CachePolicyId>" + cachePolicyId + "</CachePolicyId>"
                + "<OriginRequestPolicyId>" + originRequestPolicyId + "</OriginRequestPolicyId>";
    }

    private static String items(String... items) {
        return items.length == 0 ? "" : "<Items>" + String.join("", items) + "</Items>";
    }

    /** CloudFront's error body, e.g. ("Sender", "Throttling", "Rate exceeded"). */
    public static String error(String type, String code, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ErrorResponse xmlns="%s">
                  <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>5b8a1c43-8f3e-4d0a-9a41-0c2b7e1f6d21</RequestId>
                </ErrorResponse>
                """.formatted(NAMESPACE, type, code, message);
    }
}
