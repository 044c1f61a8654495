package dev.cfoc.plan;

import dev.cfoc.config.HeadersConfig;

import java.util.List;
import java.util.Optional;

/**
 * CloudFront's managed (AWS-owned) cache and origin request policies, as data: their IDs and HeadersConfig,
 * which is all the planner needs to know whether Host reaches the origin.
 *
 * <p>Sources: Amazon CloudFront Developer Guide, "Use managed cache policies" and "Use managed origin request
 * policies", checked 2026-11-27. HostHeaderOnly was added in 2025. The Amplify Hosting cache policies
 * (Amplify-Default, -DefaultNoCookies, -ImageOptimization, -StaticContent) are used only by Amplify-owned
 * distributions and are not listed; a behavior using one is reported as POLICY_UNRESOLVED.
 */
public final class ManagedPolicies {

    /** A managed policy: its API ID, its console name and its HeadersConfig. */
    public record ManagedPolicy(String id, String name, HeadersConfig headers) {
    }

    static final String NONE = "none";
    static final String WHITELIST = "whitelist";
    static final String ALL_VIEWER = "allViewer";
    static final String ALL_VIEWER_AND_WHITELIST_CLOUDFRONT = "allViewerAndWhitelistCloudFront";
    static final String ALL_EXCEPT = "allExcept";

    public static final List<ManagedPolicy> ORIGIN_REQUEST_POLICIES = List.of(
            new ManagedPolicy("216adef6-5c7f-47e4-b989-5492eafa07d3", "AllViewer",
                    new HeadersConfig(ALL_VIEWER, List.of())),
            new ManagedPolicy("33f36d7e-f396-46d9-90e0-52428a34d9dc", "AllViewerAndCloudFrontHeaders-2022-06",
                    new HeadersConfig(ALL_VIEWER_AND_WHITELIST_CLOUDFRONT, List.of(
                            "CloudFront-Forwarded-Proto", "CloudFront-Is-Android-Viewer",
                            "CloudFront-Is-Desktop-Viewer", "CloudFront-Is-IOS-Viewer", "CloudFront-Is-Mobile-Viewer",
                            "CloudFront-Is-SmartTV-Viewer", "CloudFront-Is-Tablet-Viewer", "CloudFront-Viewer-Address",
                            "CloudFront-Viewer-ASN", "CloudFront-Viewer-City", "CloudFront-Viewer-Country",
                            "CloudFront-Viewer-Country-Name", "CloudFront-Viewer-Country-Region",
                            "CloudFront-Viewer-Country-Region-Name", "CloudFront-Viewer-Http-Version",
                            "CloudFront-Viewer-Latitude", "CloudFront-Viewer-Longitude",
                            "CloudFront-Viewer-Metro-Code", "CloudFront-Viewer-Postal-Code",
                            "CloudFront-Viewer-Time-Zone", "CloudFront-Viewer-TLS"))),
            new ManagedPolicy("b689b0a8-53d0-40ab-baf2-68738e2966ac", "AllViewerExceptHostHeader",
                    new HeadersConfig(ALL_EXCEPT, List.of("Host"))),
            new ManagedPolicy("59781a5b-3903-41f3-afcb-af62929ccde1", "CORS-CustomOrigin",
                    new HeadersConfig(WHITELIST, List.of("Origin"))),
            new ManagedPolicy("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", "CORS-S3Origin",
                    new HeadersConfig(WHITELIST,
                            List.of("Origin", "Access-Control-Request-Headers", "Access-Control-Request-Method"))),
            new ManagedPolicy("775133bc-15f2-49f9-abea-afb2e0bf67d2", "Elemental-MediaTailor-PersonalizedManifests",
                    new HeadersConfig(WHITELIST, List.of("Origin", "Access-Control-Request-Headers",
                            "Access-Control-Request-Method", "User-Agent", "X-Forwarded-For"))),
            new ManagedPolicy("bf0718e1-ba1e-49d1-88b1-f726733018ae", "HostHeaderOnly",
                    new HeadersConfig(WHITELIST, List.of("Host"))),
            new ManagedPolicy("acba4595-bd28-49b8-b9fe-13317c0390fa", "UserAgentRefererHeaders",
                    new HeadersConfig(WHITELIST, List.of("User-Agent", "Referer"))));

    public static final List<ManagedPolicy> CACHE_POLICIES = List.of(
            new ManagedPolicy("2e54312d-136d-493c-8eb9-b001f22f67d2", "Amplify",
                    new HeadersConfig(WHITELIST, List.of("Authorization", "CloudFront-Viewer-Country", "Host"))),
            new ManagedPolicy("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "CachingDisabled",
                    new HeadersConfig(NONE, List.of())),
            new ManagedPolicy("658327ea-f89d-4fab-a63d-7e88639e58f6", "CachingOptimized",
                    new HeadersConfig(NONE, List.of())),
            new ManagedPolicy("b2884449-e4de-46a7-ac36-70bc7f1ddd6d", "CachingOptimizedForUncompressedObjects",
                    new HeadersConfig(NONE, List.of())),
            new ManagedPolicy("08627262-05a9-4f76-9ded-b50ca2e3a84f", "Elemental-MediaPackage",
                    new HeadersConfig(WHITELIST, List.of("Origin"))),
            new ManagedPolicy("83da9c7e-98b4-4e11-a168-04f0df8e2c65", "UseOriginCacheControlHeaders",
                    new HeadersConfig(WHITELIST, List.of("Host", "Origin", "X-HTTP-Method-Override",
                            "X-HTTP-Method", "X-Method-Override"))),
            new ManagedPolicy("4cc15a8a-d715-48a4-82b8-cc0b614638fe", "UseOriginCacheControlHeaders-QueryStrings",
                    new HeadersConfig(WHITELIST, List.of("Host", "Origin", "X-HTTP-Method-Override",
                            "X-HTTP-Method", "X-Method-Override"))));

    private ManagedPolicies() {
    }

    public static Optional<ManagedPolicy> originRequestPolicy(String id) {
        return find(ORIGIN_REQUEST_POLICIES, id);
    }

    public static Optional<ManagedPolicy> cachePolicy(String id) {
        return find(CACHE_POLICIES, id);
    }

    private static Optional<ManagedPolicy> find(List<ManagedPolicy> policies, String id) {
        return policies.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
    }
}
