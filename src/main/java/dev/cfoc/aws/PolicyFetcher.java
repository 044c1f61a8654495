package dev.cfoc.aws;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.HeadersConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyHeadersConfig;
import software.amazon.awssdk.services.cloudfront.model.Headers;
import software.amazon.awssdk.services.cloudfront.model.OriginRequestPolicyHeadersConfig;

/**
 * Reads the custom cache and origin request policies that distributions reference (GetCachePolicy /
 * GetOriginRequestPolicy), each id at most once for the life of this fetcher (one run), failures included.
 * Managed policies are not read: the built-in table knows them.
 */
public final class PolicyFetcher {

    private final CloudFrontClient cloudFront;
    private final Predicate<String> isManaged;
    private final Map<Key, Outcome> cache = new HashMap<>();

    public PolicyFetcher(CloudFrontClient cloudFront, Predicate<String> isManaged) {
        this.cloudFront = cloudFront;
        this.isManaged = isManaged;
    }

    /** The custom policies referenced by any behavior of these distributions. */
    public PolicyResult fetchFor(Collection<Distribution> distributions) {
        var cacheIds = new LinkedHashSet<String>();
        var originRequestIds = new LinkedHashSet<String>();
        for (Distribution distribution : distributions) {
            for (CacheBehavior behavior : distribution.allBehaviors()) {
                behavior.cachePolicyId().ifPresent(cacheIds::add);
                behavior.originRequestPolicyId().ifPresent(originRequestIds::add);
            }
        }
        return fetch(cacheIds, originRequestIds);
    }

    /** These policies; managed ids among them are skipped. */
    public PolicyResult fetch(Set<String> cachePolicyIds, Set<String> originRequestPolicyIds) {
        var cachePolicies = new LinkedHashMap<String, HeadersConfig>();
        var originRequestPolicies = new LinkedHashMap<String, HeadersConfig>();
        var unavailable = new ArrayList<UnavailablePolicy>();
        collect(PolicyKind.CACHE, cachePolicyIds, cachePolicies, unavailable);
        collect(PolicyKind.ORIGIN_REQUEST, originRequestPolicyIds, originRequestPolicies, unavailable);
        return new PolicyResult(cachePolicies, originRequestPolicies, unavailable);
    }

    private void collect(PolicyKind kind, Set<String> ids, Map<String, HeadersConfig> found,
                         List<UnavailablePolicy> unavailable) {
        for (String id : ids) {
            if (id.isBlank() || isManaged.test(id)) {
                continue;
            }
            switch (outcome(new Key(kind, id))) {
                case Outcome.Read read -> found.put(id, read.headers());
                case Outcome.Failed failed -> unavailable.add(new UnavailablePolicy(kind, id, failed.reason()));
            }
        }
    }

    private synchronized Outcome outcome(Key key) {
        return cache.computeIfAbsent(key, this::read);
    }

    private Outcome read(Key key) {
        try {
            Optional<HeadersConfig> headers = switch (key.kind()) {
                case CACHE -> Optional.ofNullable(cloudFront.getCachePolicy(r -> r.id(key.id())).cachePolicy())
                        .map(p -> p.cachePolicyConfig())
                        .map(c -> c.parametersInCacheKeyAndForwardedToOrigin())
                        .map(p -> p.headersConfig())
                        .flatMap(PolicyFetcher::headers);
                case ORIGIN_REQUEST -> Optional.ofNullable(
                                cloudFront.getOriginRequestPolicy(r -> r.id(key.id())).originRequestPolicy())
                        .map(p -> p.originRequestPolicyConfig())
                        .map(c -> c.headersConfig())
                        .flatMap(PolicyFetcher::headers);
            };
            return headers.<Outcome>map(Outcome.Read::new).orElseGet(() -> new Outcome.Failed(
                    key.kind().operation() + " " + key.id() + ": the response has no HeadersConfig.HeaderBehavior"));
        } catch (SdkException e) {
            return new Outcome.Failed(key.kind().operation() + " " + key.id() + ": " + SdkFailures.describe(e));
        }
    }

    private static Optional<HeadersConfig> headers(CachePolicyHeadersConfig config) {
        return headers(config.headerBehaviorAsString(), config.headers());
    }

    private static Optional<HeadersConfig> headers(OriginRequestPolicyHeadersConfig config) {
        return headers(config.headerBehaviorAsString(), config.headers());
    }

    private static Optional<HeadersConfig> headers(String behavior, Headers headers) {
        List<String> names = headers == null ? List.of() : List.copyOf(headers.items());
        return Optional.ofNullable(behavior).map(b -> new HeadersConfig(b, names));
    }

    private record Key(PolicyKind kind, String id) {
    }

    private sealed interface Outcome {
        record Read(HeadersConfig headers) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }
}
