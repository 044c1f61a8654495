package dev.cfoc.plan;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.HeadersConfig;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.HostForwarding.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.cfoc.plan.Configs.behavior;
import static org.assertj.core.api.Assertions.assertThat;

class HostForwardingTest {

    private static final String CUSTOM_CACHE_POLICY = "a1b2c3d4-0000-4000-8000-00000000c0de";
    private static final String CUSTOM_ORP = "a1b2c3d4-0000-4000-8000-000000000de5";
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    private static HostForwarding.Decision decide(CacheBehavior behavior) {
        return new HostForwarding(PolicyCatalog.empty()).decide(behavior);
    }

    private static HostForwarding.Decision decide(CacheBehavior behavior, PolicyCatalog catalog) {
        return new HostForwarding(catalog).decide(behavior);
    }

    @Test
    void legacyHostHeader_isForwarded_caseInsensitively() {
        var decision = decide(behavior("*", "o").legacyHeaders("Authorization", "host").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(decision.reason()).contains("ForwardedValues.Headers lists Host");
        assertThat(decision.problems()).isEmpty();
    }

    @Test
    void legacyStar_forwardsEveryHeaderIncludingHost() {
        var decision = decide(behavior("*", "o").legacyHeaders("*").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(decision.reason()).contains("lists *");
    }

    @Test
    void legacyHeadersWithoutHost_areNotForwarded() {
        var decision = decide(behavior("*", "o").legacyHeaders("Origin", "Accept-Language").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_FORWARDED);
        assertThat(decision.problems()).isEmpty();
    }

    @Test
    void behaviorWithoutAnyHeaderSetting_doesNotForwardHost() {
        assertThat(decide(behavior("*", "o").build()).outcome()).isEqualTo(Outcome.NOT_FORWARDED);
    }

    @Test
    void customCachePolicyWhitelistingHost_forwardsHost() {
        var catalog = new PolicyCatalog(Map.of(CUSTOM_CACHE_POLICY, new HeadersConfig("whitelist", List.of("Host"))),
                Map.of());

        var decision = decide(behavior("*", "o").cachePolicy(CUSTOM_CACHE_POLICY).build(), catalog);

        assertThat(decision.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(decision.reason()).contains(CUSTOM_CACHE_POLICY);
    }

    @Test
    void customCachePolicyWhitelistWithoutHost_doesNotForwardHost() {
        var catalog = new PolicyCatalog(
                Map.of(CUSTOM_CACHE_POLICY, new HeadersConfig("whitelist", List.of("Accept-Language"))), Map.of());

        var decision = decide(behavior("*", "o").cachePolicy(CUSTOM_CACHE_POLICY).build(), catalog);

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_FORWARDED);
    }

    @ParameterizedTest(name = "managed cache policy {1} forwards Host: {2}")
    @CsvSource({
            "2e54312d-136d-493c-8eb9-b001f22f67d2, Amplify, true",
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad, CachingDisabled, false",
            "658327ea-f89d-4fab-a63d-7e88639e58f6, CachingOptimized, false",
            "b2884449-e4de-46a7-ac36-70bc7f1ddd6d, CachingOptimizedForUncompressedObjects, false",
            "08627262-05a9-4f76-9ded-b50ca2e3a84f, Elemental-MediaPackage, false",
            "83da9c7e-98b4-4e11-a168-04f0df8e2c65, UseOriginCacheControlHeaders, true",
            "4cc15a8a-d715-48a4-82b8-cc0b614638fe, UseOriginCacheControlHeaders-QueryStrings, true",
    })
    void managedCachePolicy_forwardsHostAsDocumented(String id, String name, boolean forwards) {
        var decision = decide(behavior("*", "o").cachePolicy(id).build());

        assertThat(decision.outcome()).isEqualTo(forwards ? Outcome.FORWARDED : Outcome.NOT_FORWARDED);
        assertThat(decision.problems()).isEmpty();
        if (forwards) {
            assertThat(decision.reason()).contains(name);
        }
    }

    @ParameterizedTest(name = "managed origin request policy {1} forwards Host: {2}")
    @CsvSource({
            "216adef6-5c7f-47e4-b989-5492eafa07d3, AllViewer, true",
            "33f36d7e-f396-46d9-90e0-52428a34d9dc, AllViewerAndCloudFrontHeaders-2022-06, true",
            "b689b0a8-53d0-40ab-baf2-68738e2966ac, AllViewerExceptHostHeader, false",
            "59781a5b-3903-41f3-afcb-af62929ccde1, CORS-CustomOrigin, false",
            "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf, CORS-S3Origin, false",
            "775133bc-15f2-49f9-abea-afb2e0bf67d2, Elemental-MediaTailor-PersonalizedManifests, false",
            "acba4595-bd28-49b8-b9fe-13317c0390fa, UserAgentRefererHeaders, false",
            "bf0718e1-ba1e-49d1-88b1-f726733018ae, HostHeaderOnly, true",
    })
    void managedOriginRequestPolicy_forwardsHostAsDocumented(String id, String name, boolean forwards) {
        var decision = decide(behavior("*", "o").cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(id).build());

        assertThat(decision.outcome()).isEqualTo(forwards ? Outcome.FORWARDED : Outcome.NOT_FORWARDED);
        assertThat(decision.problems()).isEmpty();
        if (forwards) {
            assertThat(decision.reason()).contains(name);
        }
    }

    @ParameterizedTest(name = "custom origin request policy {0} {1} forwards Host: {2}")
    @CsvSource({
            "allViewer, '', true",
            "allViewerAndWhitelistCloudFront, CloudFront-Viewer-Country, true",
            "whitelist, Origin|host, true",
            "whitelist, Origin|Referer, false",
            "allExcept, Cookie, true",
            "allExcept, Cookie|HOST, false",
            "none, '', false",
    })
    void customOriginRequestPolicy_forwardsHostByItsHeaderBehavior(String headerBehavior, String headers,
                                                                   boolean forwards) {
        var names = headers.isEmpty() ? List.<String>of() : List.of(headers.split("\\|"));
        var catalog = new PolicyCatalog(Map.of(), Map.of(CUSTOM_ORP, new HeadersConfig(headerBehavior, names)));

        var decision = decide(behavior("*", "o").cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(CUSTOM_ORP)
                .build(), catalog);

        assertThat(decision.outcome()).isEqualTo(forwards ? Outcome.FORWARDED : Outcome.NOT_FORWARDED);
    }

    @Test
    void unresolvedCustomOriginRequestPolicy_isUnknown_andReportedWithTheAssumption() {
        var decision = decide(behavior("/api/*", "o").cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(CUSTOM_ORP)
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(decision.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.POLICY_UNRESOLVED);
            assertThat(problem.message()).contains(CUSTOM_ORP, "/api/*", "probed both");
            assertThat(problem.evidence()).containsEntry("policyId", CUSTOM_ORP)
                    .containsEntry("policyType", "origin request policy")
                    .containsEntry("behavior", "/api/*")
                    .containsKey("assumption");
        });
    }

    @Test
    void unresolvedCustomCachePolicy_isUnknown() {
        var decision = decide(behavior("*", "o").cachePolicy(CUSTOM_CACHE_POLICY).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(decision.problems()).extracting(p -> p.evidence().get("policyType")).containsExactly("cache policy");
    }

    @Test
    void unresolvedCachePolicy_doesNotMatter_whenTheOriginRequestPolicyForwardsHost() {
        var decision = decide(behavior("*", "o").cachePolicy(CUSTOM_CACHE_POLICY)
                .originRequestPolicy("216adef6-5c7f-47e4-b989-5492eafa07d3").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(decision.problems()).isEmpty();
    }

    @Test
    void catalog_prefersTheManagedTable_overACustomEntryWithTheSameId() {
        var allViewerExceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
        var catalog = new PolicyCatalog(Map.of(), Map.of(allViewerExceptHost, new HeadersConfig("allViewer", List.of())));

        var decision = decide(behavior("*", "o").cachePolicy(CACHING_OPTIMIZED)
                .originRequestPolicy(allViewerExceptHost).build(), catalog);

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_FORWARDED);
    }
}
