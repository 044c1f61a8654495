package dev.cfoc.plan;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.CustomOriginConfig;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.EdgeFunction;
import dev.cfoc.config.IpAddressType;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginGroup;
import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.config.OriginType;
import dev.cfoc.config.ViewerNames;
import dev.cfoc.config.ViewerProtocolPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Small builders for distribution configs in planner tests. */
final class Configs {

    static final String DIST_DOMAIN = "d1a2b3c4d5e6f7.cloudfront.net";

    private Configs() {
    }

    static CustomOriginConfig customConfig(OriginProtocolPolicy policy, String... protocols) {
        return new CustomOriginConfig(80, 443, policy, Arrays.asList(protocols), 30, 5);
    }

    static Origin origin(String id, String domain, OriginType type) {
        return new Origin(id, domain, "", List.of(), type, 3, 10, Optional.empty(), false);
    }

    static Origin custom(String id, String domain, OriginProtocolPolicy policy, String... protocols) {
        return origin(id, domain, new OriginType.Custom(customConfig(policy, protocols)));
    }

    /** A custom https-only TLSv1.2 origin CloudFront reaches with {@code addressType}. */
    static Origin withAddressType(String id, String domain, IpAddressType addressType) {
        return origin(id, domain, new OriginType.Custom(new CustomOriginConfig(80, 443, OriginProtocolPolicy.HTTPS_ONLY,
                List.of("TLSv1.2"), 30, 5, addressType)));
    }

    static Origin httpsOnly(String id, String domain) {
        return custom(id, domain, OriginProtocolPolicy.HTTPS_ONLY, "TLSv1.2");
    }

    static Origin withHeaders(Origin o, List<CustomHeader> headers) {
        return new Origin(o.id(), o.domainName(), o.originPath(), headers, o.type(), o.connectionAttempts(),
                o.connectionTimeoutSeconds(), o.originShieldRegion(), o.mtlsConfigured());
    }

    static Origin withMtls(Origin o) {
        return new Origin(o.id(), o.domainName(), o.originPath(), o.customHeaders(), o.type(),
                o.connectionAttempts(), o.connectionTimeoutSeconds(), o.originShieldRegion(), true);
    }

    static BehaviorBuilder behavior(String path, String target) {
        return new BehaviorBuilder(path, target);
    }

    static DistributionBuilder distribution(Origin... origins) {
        return new DistributionBuilder(List.of(origins));
    }

    static final class BehaviorBuilder {
        private final String path;
        private final String target;
        private ViewerProtocolPolicy viewer = ViewerProtocolPolicy.REDIRECT_TO_HTTPS;
        private Optional<List<String>> legacy = Optional.empty();
        private Optional<String> cachePolicy = Optional.empty();
        private Optional<String> originRequestPolicy = Optional.empty();
        private final List<EdgeFunction> functions = new ArrayList<>();
        private List<String> methods = CacheBehavior.DEFAULT_ALLOWED_METHODS;

        BehaviorBuilder(String path, String target) {
            this.path = path;
            this.target = target;
        }

        BehaviorBuilder viewer(ViewerProtocolPolicy policy) {
            this.viewer = policy;
            return this;
        }

        BehaviorBuilder legacyHeaders(String... headers) {
            this.legacy = Optional.of(List.of(headers));
            return this;
        }

        BehaviorBuilder cachePolicy(String id) {
            this.cachePolicy = Optional.of(id);
            return this;
        }

        BehaviorBuilder originRequestPolicy(String id) {
            this.originRequestPolicy = Optional.of(id);
            return this;
        }

        BehaviorBuilder function(EdgeFunction.Kind kind, String eventType, String arn) {
            functions.add(new EdgeFunction(kind, eventType, arn));
            return this;
        }

        BehaviorBuilder allowedMethods(String... allowed) {
            this.methods = List.of(allowed);
            return this;
        }

        CacheBehavior build() {
            return new CacheBehavior(path, target, viewer, legacy, cachePolicy, originRequestPolicy, functions, methods);
        }
    }

    static final class DistributionBuilder {
        private final List<Origin> origins;
        private List<String> aliases = List.of();
        private Optional<String> domainName = Optional.of(DIST_DOMAIN);
        private final List<OriginGroup> groups = new ArrayList<>();
        private CacheBehavior defaultBehavior;
        private final List<CacheBehavior> behaviors = new ArrayList<>();
        private boolean staging;
        private Optional<ViewerNames> viewerNames = Optional.empty();

        DistributionBuilder(List<Origin> origins) {
            this.origins = origins;
            this.defaultBehavior = Configs.behavior("*", origins.getFirst().id()).build();
        }

        DistributionBuilder aliases(String... names) {
            this.aliases = List.of(names);
            return this;
        }

        DistributionBuilder noDomainName() {
            this.domainName = Optional.empty();
            return this;
        }

        DistributionBuilder group(String id, String... members) {
            groups.add(new OriginGroup(id, List.of(members), List.of(500, 502, 503, 504)));
            return this;
        }

        DistributionBuilder staging() {
            this.staging = true;
            return this;
        }

        DistributionBuilder viewerNames(String reason, String... names) {
            this.viewerNames = Optional.of(new ViewerNames(List.of(names), reason));
            return this;
        }

        DistributionBuilder defaultBehavior(BehaviorBuilder behavior) {
            this.defaultBehavior = behavior.build();
            return this;
        }

        DistributionBuilder with(BehaviorBuilder behavior) {
            behaviors.add(behavior.build());
            return this;
        }

        Distribution build() {
            return new Distribution(Optional.of("E1A2B3C4D5E6F7"), "test", domainName, aliases, true, origins, groups,
                    defaultBehavior, behaviors, staging, Optional.empty(), viewerNames);
        }
    }
}
