package dev.cfoc.aws;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CloudFront REST-XML response bodies (API version 2020-05-31) as the service sends them. */
final class CloudFrontXml {

    static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    static final String SECRET_HEADER_VALUE = "s3cr3t-origin-verify-value";

    private CloudFrontXml() {
    }

    /** A ListDistributions page. */
    static String distributionList(String marker, String nextMarker, boolean truncated, String... summaries) {
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
                summaries.length == 0 ? "" : "<Items>" + String.join("", summaries) + "</Items>");
    }

    /** A DistributionSummary element: one custom origin (with a secret custom header) and one S3 origin. */
    static String summary(String id, boolean enabled, String cachePolicyId) {
        return """
                <DistributionSummary>
                  <Id>%1$s</Id>
                  <ARN>arn:aws:cloudfront::123456789012:distribution/%1$s</ARN>
                  <ETag>E2QWRUHAPOMQZL</ETag>
                  <Status>Deployed</Status>
                  <LastModifiedTime>2025-03-14T09:26:53.123Z</LastModifiedTime>
                  <DomainName>d111111abcdef8.cloudfront.net</DomainName>
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
                </DistributionSummary>
                """.formatted(id, aliasesAndOrigins(), defaultCacheBehavior(cachePolicyId, "216adef6-5c7f-47e4-b989-5492eafa07d3"),
                enabled);
    }

    /** A GetDistribution body (the ETag comes as a header). */
    static String distribution(String id, boolean enabled, String cachePolicyId, String originRequestPolicyId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Distribution xmlns="%1$s">
                  <Id>%2$s</Id>
                  <ARN>arn:aws:cloudfront::123456789012:distribution/%2$s</ARN>
                  <Status>Deployed</Status>
                  <LastModifiedTime>2025-03-14T09:26:53.123Z</LastModifiedTime>
                  <InProgressInvalidationBatches>0</InProgressInvalidationBatches>
                  <DomainName>d111111abcdef8.cloudfront.net</DomainName>
                  <ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners>
                  <ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>
                  <DistributionConfig>
                    <CallerReference>cli-1710408413-123456</CallerReference>
                    %3$s
                    <DefaultRootObject>index.html</DefaultRootObject>
                    <OriginGroups><Quantity>0</Quantity></OriginGroups>
                    %4$s
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
                    <Enabled>%5$s</Enabled>
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
                  </DistributionConfig>
                </Distribution>
                """.formatted(NAMESPACE, id, aliasesAndOrigins(), defaultCacheBehavior(cachePolicyId, originRequestPolicyId),
                enabled);
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

    private static String defaultCacheBehavior(String cachePolicyId, String originRequestPolicyId) {
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
    static String cachePolicy(String id, String headerBehavior, String... headers) {
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
    static String originRequestPolicy(String id, String headerBehavior, String... headers) {
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

    /** CloudFront's error body, e.g. ("Sender", "Throttling", "Rate exceeded"). */
    static String error(String type, String code, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ErrorResponse xmlns="%s">
                  <Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>5b8a1c43-8f3e-4d0a-9a41-0c2b7e1f6d21</RequestId>
                </ErrorResponse>
                """.formatted(NAMESPACE, type, code, message);
    }
}
