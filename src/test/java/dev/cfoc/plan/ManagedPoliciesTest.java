package dev.cfoc.plan;

import dev.cfoc.plan.ManagedPolicies.ManagedPolicy;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedPoliciesTest {

    @Test
    void everyPolicyId_isUnique_andLooksLikeAnApiId() {
        var ids = Stream.concat(ManagedPolicies.CACHE_POLICIES.stream(), ManagedPolicies.ORIGIN_REQUEST_POLICIES.stream())
                .map(ManagedPolicy::id).toList();

        assertThat(ids).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void tables_listTheDocumentedPolicies() {
        assertThat(ManagedPolicies.ORIGIN_REQUEST_POLICIES).extracting(ManagedPolicy::name).containsExactlyInAnyOrder(
                "AllViewer", "AllViewerAndCloudFrontHeaders-2022-06", "AllViewerExceptHostHeader", "CORS-CustomOrigin",
                "CORS-S3Origin", "Elemental-MediaTailor-PersonalizedManifests", "HostHeaderOnly",
                "UserAgentRefererHeaders");
        assertThat(ManagedPolicies.CACHE_POLICIES).extracting(ManagedPolicy::name).containsExactlyInAnyOrder(
                "Amplify", "CachingDisabled", "CachingOptimized", "CachingOptimizedForUncompressedObjects",
                "Elemental-MediaPackage", "UseOriginCacheControlHeaders", "UseOriginCacheControlHeaders-QueryStrings");
    }

    @Test
    void lookup_findsByIdIgnoringCase_andMissesUnknownIds() {
        assertThat(ManagedPolicies.originRequestPolicy("216ADEF6-5C7F-47E4-B989-5492EAFA07D3"))
                .map(ManagedPolicy::name).hasValue("AllViewer");
        assertThat(ManagedPolicies.cachePolicy("216adef6-5c7f-47e4-b989-5492eafa07d3")).isEmpty();
        assertThat(ManagedPolicies.originRequestPolicy("00000000-0000-0000-0000-000000000000")).isEmpty();
    }
}
