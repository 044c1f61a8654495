package dev.cfoc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.CustomOriginConfig;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.HeadersConfig;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.config.OriginType;
import dev.cfoc.config.ViewerProtocolPolicy;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.LocalAws;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

class PolicyFetcherIT {

    private static final String SHARED_CACHE_POLICY = "4d1c2b7e-0a9f-4f3e-9b61-2f6c8a1d5e70";
    private static final String SHARED_ORIGIN_REQUEST_POLICY = "9e3a7c51-6b2d-4e8f-a0c4-7d1b5f2e8a36";
    private static final String MANAGED_CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String MANAGED_ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    private static final Predicate<String> MANAGED = Set.of(MANAGED_CACHING_OPTIMIZED, MANAGED_ALL_VIEWER)::contains;

    @RegisterExtension
    static WireMockExtension cloudFrontApi = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private CloudFrontClient client;
    private PolicyFetcher fetcher;

    @BeforeEach
    void createFetcher() {
        client = LocalAws.cloudFront(cloudFrontApi.baseUrl());
        fetcher = new PolicyFetcher(client, MANAGED);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withHeader("ETag", "E3UN6WX5RRO2AG")
                .withBody(body);
    }

    private static String cachePolicyPath(String id) {
        return "/2020-05-31/cache-policy/" + id;
    }

    private static String originRequestPolicyPath(String id) {
        return "/2020-05-31/origin-request-policy/" + id;
    }

    private static CacheBehavior behavior(String pathPattern, String cachePolicyId, Optional<String> originRequestPolicyId) {
        return new CacheBehavior(pathPattern, "api-origin", ViewerProtocolPolicy.REDIRECT_TO_HTTPS, Optional.empty(),
                Optional.of(cachePolicyId), originRequestPolicyId, List.of());
    }

    private static Distribution distribution(String id, CacheBehavior defaultBehavior, CacheBehavior... behaviors) {
        var origin = new Origin("api-origin", "api.example.com", "", List.of(),
                new OriginType.Custom(new CustomOriginConfig(80, 443, OriginProtocolPolicy.HTTPS_ONLY, List.of("TLSv1.2"),
                        30, 5)), 3, 10, Optional.empty(), false);
        return new Distribution(Optional.of(id), "cloudfront-api", Optional.of(id.toLowerCase() + ".cloudfront.net"),
                List.of("www.example.com"), true, List.of(origin), List.of(), defaultBehavior, List.of(behaviors));
    }

    private void stubSharedPolicies() {
        cloudFrontApi.stubFor(get(urlEqualTo(cachePolicyPath(SHARED_CACHE_POLICY))).willReturn(
                xml(200, CloudFrontXml.cachePolicy(SHARED_CACHE_POLICY, "whitelist", "Host", "CloudFront-Viewer-Country"))));
        cloudFrontApi.stubFor(get(urlEqualTo(originRequestPolicyPath(SHARED_ORIGIN_REQUEST_POLICY))).willReturn(
                xml(200, CloudFrontXml.originRequestPolicy(SHARED_ORIGIN_REQUEST_POLICY, "allExcept", "Host"))));
    }

    private static List<Distribution> threeDistributionsSharingPolicies() {
        return List.of(
                distribution("E1A", behavior("*", SHARED_CACHE_POLICY, Optional.of(SHARED_ORIGIN_REQUEST_POLICY))),
                distribution("E2B", behavior("*", MANAGED_CACHING_OPTIMIZED, Optional.of(MANAGED_ALL_VIEWER)),
                        behavior("/api/*", SHARED_CACHE_POLICY, Optional.of(SHARED_ORIGIN_REQUEST_POLICY))),
                distribution("E3C", behavior("*", SHARED_CACHE_POLICY, Optional.empty()),
                        behavior("/img/*", SHARED_CACHE_POLICY, Optional.of(SHARED_ORIGIN_REQUEST_POLICY))));
    }

    @Test
    void fetchFor_readsEachCustomPolicyOnce_whenThreeDistributionsShareIt() {
        // given
        stubSharedPolicies();

        // when
        PolicyResult result = fetcher.fetchFor(threeDistributionsSharingPolicies());

        // then
        assertThat(result.cachePolicies()).containsOnlyKeys(SHARED_CACHE_POLICY);
        assertThat(result.originRequestPolicies()).containsOnlyKeys(SHARED_ORIGIN_REQUEST_POLICY);
        assertThat(result.unavailable()).isEmpty();
        cloudFrontApi.verify(1, getRequestedFor(urlEqualTo(cachePolicyPath(SHARED_CACHE_POLICY))));
        cloudFrontApi.verify(1, getRequestedFor(urlEqualTo(originRequestPolicyPath(SHARED_ORIGIN_REQUEST_POLICY))));
        cloudFrontApi.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void fetchFor_neverReadsManagedPolicies() {
        var onlyManaged = distribution("E1A", behavior("*", MANAGED_CACHING_OPTIMIZED, Optional.of(MANAGED_ALL_VIEWER)));

        PolicyResult result = fetcher.fetchFor(List.of(onlyManaged));

        assertThat(result.cachePolicies()).isEmpty();
        assertThat(result.originRequestPolicies()).isEmpty();
        cloudFrontApi.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSecondFetch_inTheSameRun_isServedFromTheFirst() {
        stubSharedPolicies();
        fetcher.fetchFor(threeDistributionsSharingPolicies());

        PolicyResult again = fetcher.fetch(Set.of(SHARED_CACHE_POLICY), Set.of(SHARED_ORIGIN_REQUEST_POLICY));

        assertThat(again.cachePolicies()).containsOnlyKeys(SHARED_CACHE_POLICY);
        assertThat(again.originRequestPolicies()).containsOnlyKeys(SHARED_ORIGIN_REQUEST_POLICY);
        cloudFrontApi.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void headersConfigs_areMappedFromBothPolicyShapes() {
        stubSharedPolicies();
        cloudFrontApi.stubFor(get(urlEqualTo(originRequestPolicyPath("orp-none")))
                .willReturn(xml(200, CloudFrontXml.originRequestPolicy("orp-none", "none"))));

        PolicyResult result = fetcher.fetch(Set.of(SHARED_CACHE_POLICY), Set.of(SHARED_ORIGIN_REQUEST_POLICY, "orp-none"));

        assertThat(result.cachePolicies().get(SHARED_CACHE_POLICY))
                .isEqualTo(new HeadersConfig("whitelist", List.of("Host", "CloudFront-Viewer-Country")));
        assertThat(result.originRequestPolicies().get(SHARED_ORIGIN_REQUEST_POLICY))
                .isEqualTo(new HeadersConfig("allExcept", List.of("Host")));
        assertThat(result.originRequestPolicies().get("orp-none")).isEqualTo(new HeadersConfig("none", List.of()));
    }

    @Test
    void aPolicyThatCannotBeRead_isReportedWithTheReason_andNotAskedForAgain() {
        stubSharedPolicies();
        cloudFrontApi.stubFor(get(urlEqualTo(cachePolicyPath("cp-denied"))).willReturn(xml(403, CloudFrontXml.error("Sender",
                "AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/checker is not authorized to perform: "
                        + "cloudfront:GetCachePolicy"))));

        PolicyResult first = fetcher.fetch(Set.of("cp-denied", SHARED_CACHE_POLICY), Set.of());
        PolicyResult second = fetcher.fetch(Set.of("cp-denied"), Set.of());

        assertThat(first.cachePolicies()).containsOnlyKeys(SHARED_CACHE_POLICY);
        assertThat(first.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(PolicyKind.CACHE);
            assertThat(u.id()).isEqualTo("cp-denied");
            assertThat(u.reason()).startsWith("GetCachePolicy cp-denied: AccessDenied: ")
                    .contains("cloudfront:GetCachePolicy", "HTTP 403");
        });
        assertThat(second.unavailable()).isEqualTo(first.unavailable());
        cloudFrontApi.verify(1, getRequestedFor(urlEqualTo(cachePolicyPath("cp-denied"))));
    }

    @Test
    void aMissingPolicy_isReportedAsUnavailable() {
        cloudFrontApi.stubFor(get(urlEqualTo(originRequestPolicyPath("orp-gone"))).willReturn(xml(404,
                CloudFrontXml.error("Sender", "NoSuchOriginRequestPolicy", "The origin request policy does not exist."))));

        PolicyResult result = fetcher.fetch(Set.of(), Set.of("orp-gone"));

        assertThat(result.unavailable()).containsExactly(new UnavailablePolicy(PolicyKind.ORIGIN_REQUEST, "orp-gone",
                "GetOriginRequestPolicy orp-gone: NoSuchOriginRequestPolicy: The origin request policy does not exist. "
                        + "(HTTP 404, 1 attempt)"));
    }
}
