package dev.cfoc.plan;

import dev.cfoc.config.Distribution;
import dev.cfoc.config.IpAddressType;
import dev.cfoc.config.OriginType;
import dev.cfoc.config.ViewerProtocolPolicy;
import dev.cfoc.finding.FindingCode;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static dev.cfoc.plan.Configs.behavior;
import static dev.cfoc.plan.Configs.distribution;
import static dev.cfoc.plan.Configs.httpsOnly;
import static dev.cfoc.plan.Configs.origin;
import static dev.cfoc.plan.Configs.withAddressType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The connections as CloudFront really makes them (issue 12 §4): the address family IpAddressType chooses, S3 over
 * HTTP for HTTP viewers, a staging distribution's primary's names, a tenant's domains, origin group failover.
 */
class PlannerAsCloudFrontConnectsTest {

    private static final String ORIGIN = "origin.example.net";
    private static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    private final Planner planner = new Planner();

    private DistributionPlan plan(Distribution distribution) {
        return planner.plan(distribution, PolicyCatalog.empty());
    }

    private OriginPlan onlyOrigin(Distribution distribution) {
        return plan(distribution).origins().getFirst();
    }

    private static Configs.BehaviorBuilder forwardingHost(String path, String target) {
        return behavior(path, target).cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(ALL_VIEWER);
    }

    @Test
    void ipAddressTypeAbsentOrIpv4_isOneIpv4Connection_ipv6_oneIpv6Connection() {
        for (var type : List.of(IpAddressType.IPV4, IpAddressType.IPV6)) {
            var origin = onlyOrigin(distribution(withAddressType("web", ORIGIN, type)).build());

            assertThat(origin.targets()).as(type.apiValue()).singleElement().satisfies(t -> {
                assertThat(t.addressFamily().name()).isEqualTo(type.name());
                assertThat(t.onlyFamily()).isTrue();
            });
        }
        assertThat(onlyOrigin(distribution(httpsOnly("web", ORIGIN)).build()).targets())
                .extracting(ProbeTarget::addressFamily).containsExactly(AddressFamily.IPV4);
    }

    @Test
    void dualstack_isOneConnectionPerFamily_soAnIpv6SuccessCannotHideAnIpv4Failure() {
        var origin = onlyOrigin(distribution(withAddressType("web", ORIGIN, IpAddressType.DUALSTACK)).build());

        assertThat(origin.targets()).extracting(ProbeTarget::addressFamily, ProbeTarget::onlyFamily, ProbeTarget::port)
                .containsExactly(tuple(AddressFamily.IPV4, false, 443), tuple(AddressFamily.IPV6, false, 443));
    }

    @Test
    void addressFamily_keepsOnlyItsOwnAddresses_inTheResolversOrder() throws Exception {
        var resolved = List.of(InetAddress.getByName("2001:db8::7"), InetAddress.getByName("192.0.2.7"),
                InetAddress.getByName("192.0.2.8"));

        assertThat(AddressFamily.IPV4.of(resolved)).extracting(InetAddress::getHostAddress)
                .containsExactly("192.0.2.7", "192.0.2.8");
        assertThat(AddressFamily.IPV6.of(resolved)).extracting(InetAddress::getHostAddress)
                .containsExactly("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void s3RestOrigin_behindAnAllowAllBehavior_isAlsoReachedOverHttpOnPort80() {
        var bucket = "assets-bucket.s3.us-east-1.amazonaws.com";
        var distribution = distribution(origin("assets", bucket, new OriginType.S3()))
                .defaultBehavior(behavior("*", "assets").viewer(ViewerProtocolPolicy.REDIRECT_TO_HTTPS))
                .with(behavior("/public/*", "assets").viewer(ViewerProtocolPolicy.ALLOW_ALL)).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::scheme, ProbeTarget::port, ProbeTarget::hostHeader,
                        ProbeTarget::behaviors)
                .containsExactly(tuple(Scheme.HTTPS, 443, bucket, List.of("*", "/public/*")),
                        tuple(Scheme.HTTP, 80, bucket, List.of("/public/*")));
    }

    @Test
    void stagingDistribution_isProbedWithItsPrimarysNames_notItsOwn() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).staging()
                .viewerNames("staging distribution of primary E2QWRUHAPOMQZL, whose names viewers use",
                        "www.example.com", "*.shop.example.com")
                .defaultBehavior(forwardingHost("*", "web")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader)
                .containsExactly("cfoc-wildcard-probe.shop.example.com", "www.example.com")
                .doesNotContain(Configs.DIST_DOMAIN);
        assertThat(origin.evidence().get("viewerNames")).contains("primary E2QWRUHAPOMQZL");
        assertThat(origin.problems()).isEmpty();
    }

    @Test
    void stagingDistributionWithoutItsPrimary_saysTheHostValuesAreUnknown_andNeverUsesItsOwnName() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).staging()
                .defaultBehavior(forwardingHost("*", "web")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader).containsExactly(ORIGIN);
        assertThat(origin.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FindingCode.STAGING_PRIMARY_UNKNOWN);
            assertThat(p.message()).contains("primary", "not known");
        });
        assertThat(origin.evidence().get("viewerHostFallback")).contains("staging");
    }

    @Test
    void stagingDistributionWithoutHostForwarding_needsNoPrimary() {
        var origin = onlyOrigin(distribution(httpsOnly("web", ORIGIN)).staging().build());

        assertThat(origin.problems()).isEmpty();
        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader).containsExactly(ORIGIN);
    }

    @Test
    void tenantDomains_areHostValuesBesideTheParentsAliases() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("www.example.com")
                .viewerNames("domains of distribution tenant dt_1", "tenant-a.example.net")
                .defaultBehavior(forwardingHost("*", "web")).build();

        assertThat(onlyOrigin(distribution).targets()).extracting(ProbeTarget::hostHeader)
                .containsExactly("tenant-a.example.net", "www.example.com");
    }

    @Test
    void groupPrimary_reachedOnlyThroughGetAndHeadBehaviors_failsOverEveryRequest() {
        var distribution = distribution(httpsOnly("primary", "primary.example.net"),
                httpsOnly("secondary", "secondary.example.net"))
                .group("failover-group", "primary", "secondary")
                .defaultBehavior(behavior("*", "failover-group")).build();

        var plan = plan(distribution);

        assertThat(plan.origins().get(0).failover()).hasValueSatisfying(f -> {
            assertThat(f.secondaryOriginIds()).containsExactly("secondary");
            assertThat(f.failoverStatusCodes()).containsExactlyInAnyOrder(500, 502, 503, 504);
            assertThat(f.everyRequestFailsOver()).isTrue();
        });
        assertThat(plan.origins().get(1).failover()).as("the secondary has no failover").isEmpty();
    }

    @Test
    void groupPrimary_behindABehaviorAllowingPost_saysWhichRequestsDoNotFailOver() {
        var distribution = distribution(httpsOnly("primary", "primary.example.net"),
                httpsOnly("secondary", "secondary.example.net"))
                .group("failover-group", "primary", "secondary")
                .defaultBehavior(behavior("*", "failover-group"))
                .with(behavior("/api/*", "failover-group").allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST",
                        "PATCH", "DELETE")).build();

        assertThat(plan(distribution).origins().get(0).failover()).hasValueSatisfying(f -> {
            assertThat(f.everyRequestFailsOver()).isFalse();
            assertThat(f.otherMethods()).containsExactly("/api/* (DELETE, PATCH, POST, PUT)");
        });
    }

    @Test
    void groupPrimary_alsoTargetedDirectly_hasNoFailover() {
        var distribution = distribution(httpsOnly("primary", "primary.example.net"),
                httpsOnly("secondary", "secondary.example.net"))
                .group("failover-group", "primary", "secondary")
                .defaultBehavior(behavior("*", "failover-group"))
                .with(behavior("/direct/*", "primary")).build();

        assertThat(plan(distribution).origins().get(0).failover()).isEmpty();
    }
}
