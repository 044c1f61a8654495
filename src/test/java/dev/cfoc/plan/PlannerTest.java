package dev.cfoc.plan;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.CustomOriginConfig;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.EdgeFunction;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.config.OriginType;
import dev.cfoc.config.Secret;
import dev.cfoc.config.ViewerProtocolPolicy;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.cfoc.plan.Configs.DIST_DOMAIN;
import static dev.cfoc.plan.Configs.behavior;
import static dev.cfoc.plan.Configs.custom;
import static dev.cfoc.plan.Configs.distribution;
import static dev.cfoc.plan.Configs.httpsOnly;
import static dev.cfoc.plan.Configs.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PlannerTest {

    private static final String ORIGIN = "origin.example.net";
    private static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CUSTOM_POLICY = "5f1e2d3c-4b5a-4697-8899-aabbccddeeff";

    private final Planner planner = new Planner();

    private DistributionPlan plan(Distribution distribution) {
        return planner.plan(distribution, PolicyCatalog.empty());
    }

    private OriginPlan onlyOrigin(Distribution distribution) {
        var plan = plan(distribution);
        assertThat(plan.origins()).hasSize(1);
        return plan.origins().getFirst();
    }

    private static Configs.BehaviorBuilder forwardingHost(String path, String target) {
        return behavior(path, target).cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(ALL_VIEWER);
    }

    @Test
    void hostNotForwarded_httpsOnly_probesTheOriginDomainAsSniAndHost_withTheOriginsSettings() {
        var secret = Secret.of("tW9-origin-verify");
        var base = new Origin("web", ORIGIN, "/api", List.of(new CustomHeader("X-Origin-Verify", secret)),
                new OriginType.Custom(new CustomOriginConfig(80, 443, OriginProtocolPolicy.HTTPS_ONLY,
                        List.of("TLSv1.1", "TLSv1.2"), 45, 5)), 2, 4, Optional.empty(), false);
        var distribution = distribution(base).aliases("www.example.com").build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.probed()).isTrue();
        assertThat(origin.problems()).isEmpty();
        assertThat(origin.targets()).singleElement().satisfies(target -> {
            assertThat(target.originId()).isEqualTo("web");
            assertThat(target.scheme()).isEqualTo(Scheme.HTTPS);
            assertThat(target.host()).isEqualTo(ORIGIN);
            assertThat(target.port()).isEqualTo(443);
            assertThat(target.sni()).hasValue(ORIGIN);
            assertThat(target.hostHeader()).isEqualTo(ORIGIN);
            assertThat(target.acceptedCertificateNames()).containsExactly(ORIGIN);
            assertThat(target.tlsVersions()).containsExactly(TlsVersion.TLSV1_1, TlsVersion.TLSV1_2);
            assertThat(target.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
            assertThat(target.connectionAttempts()).isEqualTo(2);
            assertThat(target.readTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(target.requestPath()).isEqualTo("/api/");
            assertThat(target.customHeaders()).extracting(CustomHeader::value).containsExactly(secret);
            assertThat(target.behaviors()).containsExactly("*");
        });
        assertThat(origin.evidence()).containsKey("hostForwarding *");
    }

    @Test
    void hostForwarded_givesOneTargetPerAlias_acceptingTheAliasOrTheOriginDomain() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("www.example.com", "example.com")
                .defaultBehavior(forwardingHost("*", "web")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::sni, ProbeTarget::hostHeader).containsExactly(
                tuple(Optional.of("example.com"), "example.com"),
                tuple(Optional.of("www.example.com"), "www.example.com"));
        assertThat(origin.targets()).allSatisfy(target -> assertThat(target.acceptedCertificateNames())
                .containsExactlyInAnyOrder(target.hostHeader(), ORIGIN));
        assertThat(origin.targets()).allSatisfy(target -> assertThat(target.host()).isEqualTo(ORIGIN));
    }

    @Test
    void legacyForwardedHost_alsoProbesEveryAlias() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("shop.example.com")
                .defaultBehavior(behavior("*", "web").legacyHeaders("Host")).build();

        assertThat(onlyOrigin(distribution).targets()).extracting(ProbeTarget::hostHeader)
                .containsExactly("shop.example.com");
    }

    @Test
    void allViewerExceptHostHeader_keepsTheOriginDomain() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("www.example.com")
                .defaultBehavior(behavior("*", "web").cachePolicy(CACHING_OPTIMIZED)
                        .originRequestPolicy(ALL_VIEWER_EXCEPT_HOST)).build();

        assertThat(onlyOrigin(distribution).targets()).extracting(ProbeTarget::hostHeader).containsExactly(ORIGIN);
    }

    @Test
    void wildcardAlias_isProbedWithTheFixedRepresentativeName() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("*.Example.com")
                .defaultBehavior(forwardingHost("*", "web")).build();

        var target = onlyOrigin(distribution).targets().getFirst();

        assertThat(target.sni()).hasValue(HostNames.WILDCARD_PROBE_LABEL + ".example.com");
        assertThat(target.acceptedCertificateNames()).contains("cfoc-wildcard-probe.example.com", ORIGIN);
    }

    @Test
    void hostForwarded_withoutAliases_usesTheCloudfrontDomain() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).defaultBehavior(forwardingHost("*", "web")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader).containsExactly(DIST_DOMAIN);
        assertThat(origin.evidence()).doesNotContainKey(HostNames.EVIDENCE_VIEWER_HOST_FALLBACK);
    }

    @Test
    void hostForwarded_withoutAliasesOrCloudfrontDomain_fallsBackToTheOriginDomain_andSaysSo() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).noDomainName()
                .defaultBehavior(forwardingHost("*", "web")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader).containsExactly(ORIGIN);
        assertThat(origin.evidence().get(HostNames.EVIDENCE_VIEWER_HOST_FALLBACK)).contains("unknown", ORIGIN);
    }

    @Test
    void unresolvedCustomPolicy_probesBothWays_andReportsPolicyUnresolved() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("www.example.com")
                .defaultBehavior(behavior("*", "web").cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(CUSTOM_POLICY))
                .build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader).containsExactly(ORIGIN, "www.example.com");
        assertThat(origin.problems()).isEmpty();
        assertThat(plan(distribution).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.POLICY_UNRESOLVED);
            assertThat(problem.message()).contains(CUSTOM_POLICY, "both");
        });
    }

    @Test
    void customPolicyUsedByTwoBehaviorsOfTwoOrigins_isOnePolicyUnresolved_namingBothBehaviors() {
        var distribution = distribution(httpsOnly("web", ORIGIN), httpsOnly("api", "api.example.net"))
                .defaultBehavior(behavior("*", "web").cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(CUSTOM_POLICY))
                .with(behavior("/api/*", "api").cachePolicy(CACHING_OPTIMIZED).originRequestPolicy(CUSTOM_POLICY))
                .build();

        var plan = plan(distribution);

        assertThat(plan.origins()).allSatisfy(o -> assertThat(o.problems()).isEmpty());
        assertThat(plan.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.evidence()).containsEntry("behavior", "*, /api/*")
                    .containsEntry(FindingCode.POLICY_SOURCE, FindingCode.POLICY_SOURCE_FILE);
            assertThat(dev.cfoc.finding.Finding.aboutDistribution(problem).remediation())
                    .contains("--distribution-id");
        });
    }

    @Test
    void httpOnly_probesTheHttpPortOnly_withoutSni() {
        var config = new CustomOriginConfig(8080, 8443, OriginProtocolPolicy.HTTP_ONLY, List.of("TLSv1.2"), 30, 5);
        var distribution = distribution(origin("web", ORIGIN, new OriginType.Custom(config))).build();

        assertThat(onlyOrigin(distribution).targets()).singleElement().satisfies(target -> {
            assertThat(target.scheme()).isEqualTo(Scheme.HTTP);
            assertThat(target.port()).isEqualTo(8080);
            assertThat(target.sni()).isEmpty();
            assertThat(target.hostHeader()).isEqualTo(ORIGIN);
            assertThat(target.tlsVersions()).isEmpty();
            assertThat(target.acceptedCertificateNames()).isEmpty();
        });
    }

    @Test
    void httpsOnly_usesTheConfiguredHttpsPort() {
        var config = new CustomOriginConfig(8080, 8443, OriginProtocolPolicy.HTTPS_ONLY, List.of("TLSv1.2"), 30, 5);
        var distribution = distribution(origin("web", ORIGIN, new OriginType.Custom(config))).build();

        assertThat(onlyOrigin(distribution).targets()).extracting(ProbeTarget::scheme, ProbeTarget::port)
                .containsExactly(tuple(Scheme.HTTPS, 8443));
    }

    @Test
    void matchViewer_withAnAllowAllBehavior_probesHttpsThenHttp() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.MATCH_VIEWER, "TLSv1.2"))
                .defaultBehavior(behavior("*", "web").viewer(ViewerProtocolPolicy.ALLOW_ALL)).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::scheme, ProbeTarget::port)
                .containsExactly(tuple(Scheme.HTTPS, 443), tuple(Scheme.HTTP, 80));
        assertThat(origin.evidence()).doesNotContainKey("httpNotProbed");
    }

    @Test
    void matchViewer_whenEveryBehaviorRedirectsOrRequiresHttps_skipsHttp_andSaysWhy() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.MATCH_VIEWER, "TLSv1.2"))
                .defaultBehavior(behavior("*", "web").viewer(ViewerProtocolPolicy.REDIRECT_TO_HTTPS))
                .with(behavior("/api/*", "web").viewer(ViewerProtocolPolicy.HTTPS_ONLY)).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).extracting(ProbeTarget::scheme).containsExactly(Scheme.HTTPS);
        assertThat(origin.evidence()).containsKey("httpNotProbed");
    }

    @Test
    void matchViewer_httpTargetListsOnlyTheBehaviorsThatLetHttpViewersThrough() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.MATCH_VIEWER, "TLSv1.2"))
                .defaultBehavior(behavior("*", "web").viewer(ViewerProtocolPolicy.REDIRECT_TO_HTTPS))
                .with(behavior("/legacy/*", "web").viewer(ViewerProtocolPolicy.ALLOW_ALL)).build();

        var targets = onlyOrigin(distribution).targets();

        assertThat(targets).extracting(ProbeTarget::scheme, ProbeTarget::behaviors).containsExactly(
                tuple(Scheme.HTTPS, List.of("*", "/legacy/*")),
                tuple(Scheme.HTTP, List.of("/legacy/*")));
    }

    @Test
    void originSslProtocols_areIntersectedWithTheProfile_inProtocolOrder() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.HTTPS_ONLY, "TLSv1.2", "TLSv1"))
                .build();

        assertThat(onlyOrigin(distribution).targets().getFirst().tlsVersions())
                .containsExactly(TlsVersion.TLSV1, TlsVersion.TLSV1_2);
    }

    @Test
    void sslv3Only_isNotProbed_becauseModernStacksCannotTestIt() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.HTTPS_ONLY, "SSLv3")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.probed()).isFalse();
        assertThat(origin.targets()).isEmpty();
        assertThat(origin.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.ORIGIN_NOT_PROBED);
            assertThat(problem.message()).contains("SSLv3 cannot be tested by modern TLS stacks");
        });
    }

    @Test
    void sslv3Only_withMatchViewerAndAllowAll_stillProbesHttp() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.MATCH_VIEWER, "SSLv3"))
                .defaultBehavior(behavior("*", "web").viewer(ViewerProtocolPolicy.ALLOW_ALL)).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.probed()).isTrue();
        assertThat(origin.targets()).extracting(ProbeTarget::scheme).containsExactly(Scheme.HTTP);
        assertThat(origin.problems()).extracting(Problem::code).containsExactly(FindingCode.ORIGIN_NOT_PROBED);
    }

    @Test
    void sslv3AmongOthers_probesTheOthers_andNotesSslv3WasNotTested() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.HTTPS_ONLY, "SSLv3", "TLSv1.2"))
                .build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.problems()).isEmpty();
        assertThat(origin.targets().getFirst().tlsVersions()).containsExactly(TlsVersion.TLSV1_2);
        assertThat(origin.evidence().get("sslv3NotTested")).contains("SSLv3 cannot be tested by modern TLS stacks");
    }

    @Test
    void s3RestOrigin_isHttps443Tls12_withTheBucketNameEvenWhenHostIsForwarded() {
        var bucket = "assets-bucket.s3.us-east-1.amazonaws.com";
        var distribution = distribution(origin("assets", bucket, new OriginType.S3(20))).aliases("www.example.com")
                .defaultBehavior(forwardingHost("*", "assets")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).singleElement().satisfies(target -> {
            assertThat(target.scheme()).isEqualTo(Scheme.HTTPS);
            assertThat(target.port()).isEqualTo(443);
            assertThat(target.tlsVersions()).containsExactly(TlsVersion.TLSV1_2);
            assertThat(target.sni()).hasValue(bucket);
            assertThat(target.hostHeader()).isEqualTo(bucket);
            assertThat(target.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(origin.evidence()).containsKey("s3HostForwarding");
    }

    @Test
    void s3RestOrigin_withAnUnresolvedPolicy_needsNoAssumption() {
        var bucket = "assets-bucket.s3.us-east-1.amazonaws.com";
        var distribution = distribution(origin("assets", bucket, new OriginType.S3())).aliases("www.example.com")
                .defaultBehavior(behavior("*", "assets").cachePolicy(CUSTOM_POLICY)).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.problems()).isEmpty();
        assertThat(origin.targets()).extracting(ProbeTarget::hostHeader).containsExactly(bucket);
    }

    @Test
    void vpcOrigin_isNotProbed_becauseItIsPrivate() {
        var distribution = distribution(origin("private", "ip-10-0-1-12.ec2.internal",
                new OriginType.Vpc("vo_0a1b2c3d4e5f6a7b8"))).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.probed()).isFalse();
        assertThat(origin.targets()).isEmpty();
        assertThat(origin.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.ORIGIN_NOT_PROBED);
            assertThat(problem.message()).contains("VPC", "private");
            assertThat(problem.evidence()).containsEntry("vpcOriginId", "vo_0a1b2c3d4e5f6a7b8");
        });
    }

    @Test
    void mtlsOrigin_isNotProbed_becauseWeLackCloudFrontsClientCertificate() {
        var distribution = distribution(Configs.withMtls(httpsOnly("web", ORIGIN))).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.probed()).isFalse();
        assertThat(origin.targets()).isEmpty();
        assertThat(origin.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(FindingCode.ORIGIN_NOT_PROBED);
            assertThat(problem.message()).contains("client certificate");
        });
    }

    @Test
    void originGroup_plansBothMembers_andRecordsTheirRoles() {
        var distribution = distribution(httpsOnly("primary", "primary.example.net"),
                httpsOnly("secondary", "secondary.example.net"))
                .group("failover-group", "primary", "secondary")
                .defaultBehavior(behavior("*", "failover-group")).build();

        var plan = plan(distribution);

        assertThat(plan.origins()).extracting(OriginPlan::originId).containsExactly("primary", "secondary");
        assertThat(plan.origins()).allSatisfy(o -> assertThat(o.targets()).hasSize(1));
        assertThat(plan.origins().get(0).evidence().get("originGroup failover-group")).startsWith("primary member");
        assertThat(plan.origins().get(1).evidence().get("originGroup failover-group")).startsWith("failover member");
    }

    @Test
    void requestSideEdgeFunctions_markEveryOriginTheyReach_asHostMayBeRewritten() {
        var lambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:route-by-host:7";
        var functionArn = "arn:aws:cloudfront::123456789012:function/add-index";
        var distribution = distribution(httpsOnly("primary", "primary.example.net"),
                httpsOnly("secondary", "secondary.example.net"))
                .group("g", "primary", "secondary")
                .defaultBehavior(behavior("*", "g")
                        .function(EdgeFunction.Kind.LAMBDA_EDGE, "origin-request", lambdaArn)
                        .function(EdgeFunction.Kind.CLOUDFRONT_FUNCTION, "viewer-request", functionArn)
                        .function(EdgeFunction.Kind.CLOUDFRONT_FUNCTION, "viewer-response",
                                "arn:aws:cloudfront::123456789012:function/security-headers"))
                .build();

        var plan = plan(distribution);

        assertThat(plan.origins()).allSatisfy(origin -> {
            assertThat(origin.problems()).extracting(Problem::code).containsOnly(FindingCode.HOST_MAY_BE_REWRITTEN);
            assertThat(origin.problems()).extracting(p -> p.evidence().get("functionArn"))
                    .containsExactly(lambdaArn, functionArn);
            assertThat(origin.problems()).allSatisfy(p -> assertThat(p.message()).contains("*"));
        });
    }

    @Test
    void identicalConnections_fromSeveralBehaviors_becomeOneTargetListingThemAll() {
        var distribution = distribution(httpsOnly("web", ORIGIN))
                .defaultBehavior(behavior("*", "web"))
                .with(behavior("/api/*", "web"))
                .with(behavior("/img/*", "web")).build();

        assertThat(onlyOrigin(distribution).targets()).singleElement()
                .satisfies(t -> assertThat(t.behaviors()).containsExactly("*", "/api/*", "/img/*"));
    }

    @Test
    void originNotProbed_stillKnowsThePathsThatReachIt_soItsFindingsCanNameThem() {
        var distribution = distribution(origin("private", "ip-10-0-1-12.ec2.internal",
                new OriginType.Vpc("vo_0a1b2c3d4e5f6a7b8")))
                .defaultBehavior(behavior("*", "private"))
                .with(behavior("/api/*", "private")).build();

        var origin = onlyOrigin(distribution);

        assertThat(origin.targets()).isEmpty();
        assertThat(origin.paths()).containsExactly("*", "/api/*");
    }

    @Test
    void originReachedBothWays_getsBothCases() {
        var distribution = distribution(httpsOnly("web", ORIGIN)).aliases("www.example.com")
                .defaultBehavior(behavior("*", "web"))
                .with(forwardingHost("/app/*", "web")).build();

        assertThat(onlyOrigin(distribution).targets()).extracting(ProbeTarget::hostHeader, ProbeTarget::behaviors)
                .containsExactly(tuple(ORIGIN, List.of("*")), tuple("www.example.com", List.of("/app/*")));
    }

    @Test
    void originsNoBehaviorReaches_areSkipped_andTheRestKeepConfigOrder() {
        var distribution = distribution(httpsOnly("a", "a.example.net"), httpsOnly("unused", "unused.example.net"),
                httpsOnly("c", "c.example.net"))
                .defaultBehavior(behavior("*", "c"))
                .with(behavior("/a/*", "a")).build();

        assertThat(plan(distribution).origins()).extracting(OriginPlan::originId).containsExactly("a", "c");
    }

    @Test
    void planning_isDeterministic() {
        var distribution = distribution(custom("web", ORIGIN, OriginProtocolPolicy.MATCH_VIEWER, "TLSv1.2"))
                .aliases("b.example.com", "a.example.com")
                .defaultBehavior(forwardingHost("*", "web").viewer(ViewerProtocolPolicy.ALLOW_ALL)).build();

        var first = plan(distribution);

        assertThat(first.origins().getFirst().targets()).extracting(ProbeTarget::scheme, ProbeTarget::hostHeader)
                .containsExactly(tuple(Scheme.HTTPS, "a.example.com"), tuple(Scheme.HTTPS, "b.example.com"),
                        tuple(Scheme.HTTP, "a.example.com"), tuple(Scheme.HTTP, "b.example.com"));
        assertThat(plan(distribution)).isEqualTo(first);
    }
}
