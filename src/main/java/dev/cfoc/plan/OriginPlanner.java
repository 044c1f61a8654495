package dev.cfoc.plan;

import dev.cfoc.config.CustomOriginConfig;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.EdgeFunction;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.config.OriginType;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plans one origin from the routes that reach it: what is not probed and why, and the connections to probe. */
final class OriginPlanner {

    static final String SSLV3_UNTESTABLE = "SSLv3 cannot be tested by modern TLS stacks";
    static final int S3_HTTPS_PORT = 443;
    static final int S3_HTTP_PORT = 80;

    private final Distribution distribution;
    private final TlsProfile profile;
    private final TlsProfile s3Profile;
    private final VpcOrigins vpcOrigins;

    OriginPlanner(Distribution distribution, TlsProfile profile, TlsProfile s3Profile, VpcOrigins vpcOrigins) {
        this.distribution = distribution;
        this.profile = profile;
        this.s3Profile = s3Profile;
        this.vpcOrigins = vpcOrigins;
    }

    OriginPlan plan(Origin origin, List<Route> routes, Map<String, String> membership) {
        var evidence = new LinkedHashMap<>(membership);
        for (Route route : routes) {
            evidence.putIfAbsent("hostForwarding " + route.behavior().pathPattern(),
                    route.host().outcome() + ": " + route.host().reason());
        }
        if (origin.type() instanceof OriginType.Vpc vpc && vpcOrigins.endpoint(vpc.vpcOriginId()).isEmpty()) {
            String why = vpcOrigins.insideVpc()
                    ? "its endpoint could not be resolved: " + vpcOrigins.whyUnresolved(vpc.vpcOriginId())
                    .orElse("unknown VPC origin")
                    : "the checker does not run inside a VPC (template parameters VpcSubnetIds and "
                    + "VpcSecurityGroupIds, docs/deploy.md)";
            return notProbed(origin, routes, "VPC origin " + vpc.vpcOriginId() + " is private: it is reachable only from "
                    + "inside its VPC, so it was not probed; check it from within the VPC (" + why + ")",
                    Map.of("vpcOriginId", vpc.vpcOriginId()), evidence);
        }
        if (origin.mtlsConfigured()) {
            return notProbed(origin, routes, "Origin mutual TLS is configured: CloudFront presents a client certificate "
                    + "that this checker does not have, so a probe would fail where CloudFront succeeds; "
                    + "it was not probed", Map.of(), evidence);
        }
        var problems = new LinkedHashSet<Problem>();
        var cases = new ConnectionCases(origin);
        switch (origin.type()) {
            case OriginType.S3 s3 -> planS3(origin, s3, routes, cases, evidence);
            case OriginType.Custom custom -> planCustom(origin, custom.config(), routes, cases, problems, evidence);
            case OriginType.Vpc vpc -> {
                VpcOrigins.Endpoint endpoint = vpcOrigins.endpoint(vpc.vpcOriginId()).orElseThrow();
                cases = new ConnectionCases(origin, endpoint.privateHost(), Optional.of(vpc.vpcOriginId()));
                evidence.put("vpcOrigin", vpc.vpcOriginId() + ": endpoint " + endpoint.arn() + ", probed at "
                        + endpoint.privateHost() + " from inside the VPC (private addresses expected), with the "
                        + "origin's names as SNI and Host");
                planCustom(origin, vpcConfig(vpc, endpoint), routes, cases, problems, evidence);
            }
        }
        routes.forEach(route -> problems.addAll(edgeFunctionProblems(route)));
        List<ProbeTarget> targets = cases.targets();
        return new OriginPlan(origin.id(), origin.domainName(), targets, List.copyOf(problems), !targets.isEmpty(),
                evidence, paths(routes), Optional.empty());
    }

    /**
     * Decision: CloudFront connects to an S3 REST origin with the bucket's domain name as SNI and Host whatever
     * the Host forwarding settings say (S3 serves by bucket host name): HTTPS 443 with TLS 1.2, and, for behaviors that
     * let HTTP viewers through (allow-all), HTTP on port 80: CloudFront uses the viewer's protocol towards S3
     * (docs/cloudfront-rules.md#s3-rest-origins).
     */
    private void planS3(Origin origin, OriginType.S3 s3, List<Route> routes, ConnectionCases cases,
                        Map<String, String> evidence) {
        for (Route route : routes) {
            Duration readTimeout = Duration.ofSeconds(s3.readTimeoutSeconds());
            cases.addHttps(S3_HTTPS_PORT, origin.domainName(), s3Profile.testableVersions(), readTimeout,
                    route.behavior().pathPattern());
            if (route.behavior().viewerProtocolPolicy().letsHttpViewersThrough()) {
                cases.addHttp(S3_HTTP_PORT, origin.domainName(), readTimeout, route.behavior().pathPattern());
            }
            if (route.host().outcome() != HostForwarding.Outcome.NOT_FORWARDED) {
                evidence.putIfAbsent("s3HostForwarding", "Host forwarding does not change the name CloudFront uses "
                        + "towards an S3 REST origin: probed with the bucket domain name " + origin.domainName());
            }
        }
    }

    private void planCustom(Origin origin, CustomOriginConfig config, List<Route> routes, ConnectionCases cases,
                            Set<Problem> problems, Map<String, String> evidence) {
        OriginProtocolPolicy policy = config.protocolPolicy();
        List<TlsVersion> versions = offeredVersions(config);
        boolean usesHttps = policy != OriginProtocolPolicy.HTTP_ONLY;
        Duration readTimeout = Duration.ofSeconds(config.readTimeoutSeconds());
        boolean anyHttpViewers = false;

        for (Route route : routes) {
            String behavior = route.behavior().pathPattern();
            boolean http = switch (policy) {
                case HTTP_ONLY -> true;
                case HTTPS_ONLY -> false;
                // Decision: HTTPS-only and redirect-to-https behaviors never pass plain-HTTP viewers to the origin.
                case MATCH_VIEWER -> route.behavior().viewerProtocolPolicy().letsHttpViewersThrough();
            };
            anyHttpViewers |= http && policy == OriginProtocolPolicy.MATCH_VIEWER;
            for (String host : HostNames.forRoute(route, distribution, origin, evidence)) {
                if (usesHttps && !versions.isEmpty()) {
                    cases.addHttps(config.httpsPort(), host, versions, readTimeout, behavior);
                }
                if (http) {
                    cases.addHttp(config.httpPort(), host, readTimeout, behavior);
                }
            }
        }

        if (policy == OriginProtocolPolicy.MATCH_VIEWER && !anyHttpViewers) {
            evidence.put("httpNotProbed", "match-viewer, but every behavior reaching this origin is https-only or "
                    + "redirect-to-https: plain-HTTP viewers never reach it, so CloudFront never connects over HTTP");
        }
        boolean sslv3Allowed = config.originSslProtocols().contains(TlsVersion.SSLV3.apiName());
        if (usesHttps && versions.isEmpty()) {
            String why = sslv3Allowed ? "OriginSslProtocols allows only SSLv3: " + SSLV3_UNTESTABLE
                    : "OriginSslProtocols lists no TLS version CloudFront offers";
            var problem = new Problem(FindingCode.ORIGIN_NOT_PROBED, why
                    + ", so HTTPS connections to this origin were not probed",
                    Map.of("originSslProtocols", String.join(", ", config.originSslProtocols())));
            problems.add(problem);
        } else if (usesHttps && sslv3Allowed) {
            evidence.put("sslv3NotTested", "OriginSslProtocols also allows SSLv3, which was not tested: "
                    + SSLV3_UNTESTABLE + "; offered " + versionNames(versions));
        }
        if (distribution.staging() && distribution.viewerNames().isEmpty()
                && routes.stream().anyMatch(r -> r.host().outcome() != HostForwarding.Outcome.NOT_FORWARDED)) {
            problems.add(stagingPrimaryUnknown(origin));
        }
    }

    /**
     * A staging distribution is reached with its primary's names (docs/cloudfront-rules.md#staging-distributions); when
     * Host is forwarded they are the Host and SNI values, and without the primary they cannot be known.
     */
    private static Problem stagingPrimaryUnknown(Origin origin) {
        return new Problem(FindingCode.STAGING_PRIMARY_UNKNOWN, "This is a staging distribution (continuous "
                + "deployment): viewers reach it only through its primary distribution, and the Host values CloudFront "
                + "forwards to this origin are the primary's aliases. The primary is not known here (a configuration "
                + "file does not name it; from the CloudFront API, no primary whose continuous deployment policy names "
                + "this distribution was found), so the origin was probed with its own domain name "
                + origin.domainName() + " instead", Map.of("staging", "true"));
    }

    /**
     * A VPC origin connects as its VpcOriginEndpointConfig says (ports, protocol policy, OriginSslProtocols), with the
     * distribution's OriginReadTimeout, over IPv4.
     */
    private static CustomOriginConfig vpcConfig(OriginType.Vpc vpc, VpcOrigins.Endpoint endpoint) {
        return new CustomOriginConfig(endpoint.httpPort(), endpoint.httpsPort(), endpoint.protocolPolicy(),
                endpoint.sslProtocols(), vpc.readTimeoutSeconds(), CustomOriginConfig.DEFAULT_KEEPALIVE_TIMEOUT_SECONDS);
    }

    /** OriginSslProtocols ∩ the versions the profile can test, in protocol order. */
    private List<TlsVersion> offeredVersions(CustomOriginConfig config) {
        return profile.testableVersions().stream()
                .filter(v -> config.originSslProtocols().contains(v.apiName()))
                .toList();
    }

    private static List<Problem> edgeFunctionProblems(Route route) {
        var problems = new ArrayList<Problem>();
        for (EdgeFunction function : route.behavior().edgeFunctions()) {
            if (!function.runsBeforeOriginRequest()) {
                continue;
            }
            String kind = function.kind() == EdgeFunction.Kind.LAMBDA_EDGE ? "Lambda@Edge" : "CloudFront Function";
            var evidence = new LinkedHashMap<String, String>();
            evidence.put("behavior", route.behavior().pathPattern());
            evidence.put("functionKind", kind);
            evidence.put("eventType", function.eventType());
            evidence.put("functionArn", function.arn());
            problems.add(new Problem(FindingCode.HOST_MAY_BE_REWRITTEN, "Behavior " + route.behavior().pathPattern()
                    + " runs the " + function.eventType() + " " + kind + " " + function.arn()
                    + ", which may change Host, SNI or the origin at request time; the probe uses the names the "
                    + "configuration implies", evidence));
        }
        return problems;
    }

    private static OriginPlan notProbed(Origin origin, List<Route> routes, String reason,
                                        Map<String, String> problemEvidence, Map<String, String> evidence) {
        var problem = new Problem(FindingCode.ORIGIN_NOT_PROBED, reason, problemEvidence);
        return new OriginPlan(origin.id(), origin.domainName(), List.of(), List.of(problem), false, evidence,
                paths(routes), Optional.empty());
    }

    /** The path patterns of the behaviors that reach the origin, each once, in config order. */
    private static List<String> paths(List<Route> routes) {
        return routes.stream().map(r -> r.behavior().pathPattern()).distinct().toList();
    }

    private static String versionNames(List<TlsVersion> versions) {
        return String.join(", ", versions.stream().map(TlsVersion::apiName).toList());
    }
}
