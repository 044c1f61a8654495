package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps one DistributionConfig (or a DistributionSummary, which carries the same fields) to a {@link Distribution},
 * validating what the checker relies on. Unknown fields are ignored.
 */
final class DistributionConfigReader {

    static final int MIN_CONNECTION_ATTEMPTS = 1;
    static final int MAX_CONNECTION_ATTEMPTS = 3;
    static final int MIN_CONNECTION_TIMEOUT_SECONDS = 1;
    static final int MAX_CONNECTION_TIMEOUT_SECONDS = 10;
    static final int MIN_TIMEOUT_SECONDS = 1;
    /**
     * Decision: the documented maximum of OriginReadTimeout and OriginKeepaliveTimeout is 120 s, but AWS raises it
     * on request (service quota) up to 180 s. A config that AWS accepted must load, so we accept up to 180.
     */
    static final int MAX_TIMEOUT_SECONDS_WITH_QUOTA_INCREASE = 180;

    private static final Set<String> ORIGIN_SSL_PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2");
    private static final Set<String> EDGE_EVENT_TYPES =
            Set.of("viewer-request", "viewer-response", "origin-request", "origin-response");
    private static final String ORIGIN_MTLS_CONFIG = "OriginMtlsConfig";

    private final JsonFields json;
    private final String source;

    DistributionConfigReader(String source) {
        this.json = new JsonFields(source);
        this.source = source;
    }

    /** @param id and domainName come from the wrapper (get-distribution) or the summary itself (list-distributions) */
    Distribution read(Located config, Optional<String> id, Optional<String> domainName) throws ConfigException {
        List<String> aliases = json.textItems(config, "Aliases");
        for (int i = 0; i < aliases.size(); i++) {
            if (!WireSyntax.isHostName(aliases.get(i), true)) {
                throw json.error(config.child("Aliases") + ".Items[" + i + "]", "must be a domain name (letters, "
                        + "digits, '-', '_', '.' and a leading '*.'), got " + JsonFields.echo(aliases.get(i)));
            }
        }
        boolean enabled = json.optionalBoolean(config, "Enabled", true);
        List<Origin> origins = readOrigins(config);
        List<OriginGroup> groups = readOriginGroups(config, origins);
        rejectGroupIdsThatAreOriginIds(config, origins, groups);

        var targets = new java.util.HashSet<String>();
        origins.forEach(o -> targets.add(o.id()));
        groups.forEach(g -> targets.add(g.id()));
        CacheBehavior defaultBehavior =
                readBehavior(json.requiredObject(config, "DefaultCacheBehavior"), true, targets);
        var behaviors = new ArrayList<CacheBehavior>();
        for (Located behavior : json.objectItems(config, "CacheBehaviors")) {
            behaviors.add(readBehavior(behavior, false, targets));
        }
        return new Distribution(id, source, domainName, aliases, enabled, origins, groups, defaultBehavior, behaviors);
    }

    private List<Origin> readOrigins(Located config) throws ConfigException {
        json.requiredObject(config, "Origins");
        List<Located> items = json.objectItems(config, "Origins");
        if (items.isEmpty()) {
            throw json.error(config.child("Origins"), "must list at least one origin");
        }
        var origins = new ArrayList<Origin>();
        var seen = new HashMap<String, String>();
        for (Located item : items) {
            Origin origin = readOrigin(item);
            String earlier = seen.putIfAbsent(origin.id(), item.path());
            if (earlier != null) {
                throw json.error(item.child("Id"),
                        "duplicate origin Id " + JsonFields.echo(origin.id()) + " (also at " + earlier + ")");
            }
            origins.add(origin);
        }
        return origins;
    }

    private Origin readOrigin(Located origin) throws ConfigException {
        String id = json.requiredText(origin, "Id");
        String domainName = json.requiredText(origin, "DomainName");
        if (!WireSyntax.isHostName(domainName, false)) {
            throw json.error(origin.child("DomainName"), "must be a domain name (letters, digits, '-', '_' and '.'; "
                    + "no scheme, port or path), got " + JsonFields.echo(domainName));
        }
        String originPath = json.optionalText(origin, "OriginPath").orElse("");
        if (!WireSyntax.isPath(originPath)) {
            throw json.error(origin.child("OriginPath"), "must not contain spaces or control characters, got "
                    + JsonFields.echo(originPath));
        }
        if (!originPath.isEmpty() && (!originPath.startsWith("/") || originPath.endsWith("/"))) {
            throw json.error(origin.child("OriginPath"),
                    "must be empty or start with \"/\" and not end with \"/\", got " + JsonFields.echo(originPath));
        }
        List<CustomHeader> headers = readCustomHeaders(origin);
        OriginType type = readOriginType(origin);
        int attempts = json.optionalIntInRange(origin, "ConnectionAttempts", Origin.DEFAULT_CONNECTION_ATTEMPTS,
                MIN_CONNECTION_ATTEMPTS, MAX_CONNECTION_ATTEMPTS);
        int connectTimeout = json.optionalIntInRange(origin, "ConnectionTimeout",
                Origin.DEFAULT_CONNECTION_TIMEOUT_SECONDS, MIN_CONNECTION_TIMEOUT_SECONDS,
                MAX_CONNECTION_TIMEOUT_SECONDS);
        Optional<String> shieldRegion = readOriginShield(origin);
        boolean mtls = mtlsConfigured(origin);
        return new Origin(id, domainName, originPath, headers, type, attempts, connectTimeout, shieldRegion, mtls);
    }

    private List<CustomHeader> readCustomHeaders(Located origin) throws ConfigException {
        var headers = new ArrayList<CustomHeader>();
        for (Located header : json.objectItems(origin, "CustomHeaders")) {
            String name = json.requiredText(header, "HeaderName");
            if (!WireSyntax.isHeaderName(name)) {
                throw json.error(header.child("HeaderName"), "must be an HTTP header name (letters, digits and "
                        + "!#$%&'*+-.^_`|~), got " + JsonFields.echo(name));
            }
            String value = json.optionalText(header, "HeaderValue")
                    .orElseThrow(() -> json.error(header.child("HeaderValue"), "required field is missing"));
            if (!WireSyntax.isHeaderValue(value)) {
                // never echo the value: it is often a shared secret
                throw json.error(header.child("HeaderValue"), "contains a control character (line break, NUL…), "
                        + "which an HTTP header value cannot carry");
            }
            headers.add(new CustomHeader(name, Secret.of(value)));
        }
        return headers;
    }

    private OriginType readOriginType(Located origin) throws ConfigException {
        Optional<Located> custom = json.optionalObject(origin, "CustomOriginConfig");
        Optional<Located> s3 = json.optionalObject(origin, "S3OriginConfig");
        Optional<Located> vpc = json.optionalObject(origin, "VpcOriginConfig");
        long kinds = java.util.stream.Stream.of(custom, s3, vpc).filter(Optional::isPresent).count();
        if (kinds != 1) {
            throw json.error(origin.path(), kinds == 0
                    ? "needs one of CustomOriginConfig, S3OriginConfig or VpcOriginConfig"
                    : "has more than one of CustomOriginConfig, S3OriginConfig and VpcOriginConfig");
        }
        if (custom.isPresent()) {
            return new OriginType.Custom(readCustomOriginConfig(custom.get()));
        }
        if (s3.isPresent()) {
            return new OriginType.S3(readTimeout(s3.get(), "OriginReadTimeout",
                    OriginType.S3.DEFAULT_READ_TIMEOUT_SECONDS));
        }
        return new OriginType.Vpc(json.requiredText(vpc.get(), "VpcOriginId"));
    }

    private CustomOriginConfig readCustomOriginConfig(Located config) throws ConfigException {
        int httpPort = readPort(config, "HTTPPort", CustomOriginConfig.DEFAULT_HTTP_PORT, "80, 443");
        int httpsPort = readPort(config, "HTTPSPort", CustomOriginConfig.DEFAULT_HTTPS_PORT, "443, 80");
        String policyValue = json.requiredText(config, "OriginProtocolPolicy");
        OriginProtocolPolicy policy = OriginProtocolPolicy.fromApiValue(policyValue).orElseThrow(() ->
                json.error(config.child("OriginProtocolPolicy"), "must be one of "
                        + apiValues(OriginProtocolPolicy.values(), OriginProtocolPolicy::apiValue)
                        + ", got " + JsonFields.echo(policyValue)));
        List<String> protocols = readOriginSslProtocols(config);
        int readTimeout = readTimeout(config, "OriginReadTimeout", CustomOriginConfig.DEFAULT_READ_TIMEOUT_SECONDS);
        int keepalive = readTimeout(config, "OriginKeepaliveTimeout",
                CustomOriginConfig.DEFAULT_KEEPALIVE_TIMEOUT_SECONDS);
        return new CustomOriginConfig(httpPort, httpsPort, policy, protocols, readTimeout, keepalive);
    }

    private int readPort(Located config, String field, int defaultPort, String wellKnown) throws ConfigException {
        int port = json.optionalInt(config, field, defaultPort, wellKnown + " or 1024–65535");
        if (port != 80 && port != 443 && (port < 1024 || port > 65535)) {
            throw json.error(config.child(field), "must be " + wellKnown + " or 1024–65535, got " + port);
        }
        return port;
    }

    private int readTimeout(Located config, String field, int defaultSeconds) throws ConfigException {
        return json.optionalIntInRange(config, field, defaultSeconds, MIN_TIMEOUT_SECONDS,
                MAX_TIMEOUT_SECONDS_WITH_QUOTA_INCREASE);
    }

    private List<String> readOriginSslProtocols(Located config) throws ConfigException {
        if (json.optionalObject(config, "OriginSslProtocols").isEmpty()) {
            return CustomOriginConfig.DEFAULT_ORIGIN_SSL_PROTOCOLS;
        }
        List<String> protocols = json.textItems(config, "OriginSslProtocols");
        if (protocols.isEmpty()) {
            throw json.error(config.child("OriginSslProtocols"), "must list at least one of SSLv3, TLSv1, TLSv1.1, TLSv1.2");
        }
        for (int i = 0; i < protocols.size(); i++) {
            if (!ORIGIN_SSL_PROTOCOLS.contains(protocols.get(i))) {
                throw json.error(config.child("OriginSslProtocols") + ".Items[" + i + "]",
                        "must be one of SSLv3, TLSv1, TLSv1.1, TLSv1.2, got " + JsonFields.echo(protocols.get(i)));
            }
        }
        return protocols;
    }

    private Optional<String> readOriginShield(Located origin) throws ConfigException {
        Optional<Located> shield = json.optionalObject(origin, "OriginShield");
        if (shield.isEmpty() || !json.optionalBoolean(shield.get(), "Enabled", false)) {
            return Optional.empty();
        }
        return Optional.of(json.requiredText(shield.get(), "OriginShieldRegion"));
    }

    /**
     * The 2026 API puts OriginMtlsConfig ({ClientCertificateArn}) inside CustomOriginConfig; we also accept it on
     * the origin itself. Any object counts as configured unless it says "Enabled": false; a bare true also counts.
     */
    private boolean mtlsConfigured(Located origin) throws ConfigException {
        var places = new ArrayList<Located>();
        places.add(origin);
        json.optionalObject(origin, "CustomOriginConfig").ifPresent(places::add);
        for (Located place : places) {
            var value = place.node().get(ORIGIN_MTLS_CONFIG);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isBoolean()) {
                if (value.booleanValue()) {
                    return true;
                }
                continue;
            }
            if (!value.isObject()) {
                throw json.error(place.child(ORIGIN_MTLS_CONFIG),
                        "must be an object, got " + JsonFields.describe(value));
            }
            var mtls = new Located(value, place.child(ORIGIN_MTLS_CONFIG));
            if (json.optionalBoolean(mtls, "Enabled", true)) {
                return true;
            }
        }
        return false;
    }

    private List<OriginGroup> readOriginGroups(Located config, List<Origin> origins) throws ConfigException {
        Set<String> originIds = origins.stream().map(Origin::id).collect(Collectors.toSet());
        var groups = new ArrayList<OriginGroup>();
        var seen = new HashMap<String, String>();
        for (Located group : json.objectItems(config, "OriginGroups")) {
            String id = json.requiredText(group, "Id");
            String earlier = seen.putIfAbsent(id, group.path());
            if (earlier != null) {
                throw json.error(group.child("Id"),
                        "duplicate origin group Id " + JsonFields.echo(id) + " (also at " + earlier + ")");
            }
            var members = new ArrayList<String>();
            json.requiredObject(group, "Members");
            for (Located member : json.objectItems(group, "Members")) {
                String originId = json.requiredText(member, "OriginId");
                if (!originIds.contains(originId)) {
                    throw json.error(member.child("OriginId"),
                            "names no origin of this distribution: " + JsonFields.echo(originId));
                }
                members.add(originId);
            }
            if (members.isEmpty()) {
                throw json.error(group.child("Members"), "must list at least one member");
            }
            var statusCodes = new ArrayList<Integer>();
            Optional<Located> criteria = json.optionalObject(group, "FailoverCriteria");
            if (criteria.isPresent()) {
                for (Located code : json.items(criteria.get(), "StatusCodes")) {
                    if (!code.node().isIntegralNumber() || !code.node().canConvertToInt()) {
                        throw json.error(code.path(), "must be an integer, got " + JsonFields.describe(code.node()));
                    }
                    statusCodes.add(code.node().intValue());
                }
            }
            groups.add(new OriginGroup(id, members, statusCodes));
        }
        return groups;
    }

    private void rejectGroupIdsThatAreOriginIds(Located config, List<Origin> origins, List<OriginGroup> groups)
            throws ConfigException {
        Set<String> originIds = origins.stream().map(Origin::id).collect(Collectors.toSet());
        for (int i = 0; i < groups.size(); i++) {
            if (originIds.contains(groups.get(i).id())) {
                throw json.error(config.child("OriginGroups") + ".Items[" + i + "].Id",
                        "duplicate Id " + JsonFields.echo(groups.get(i).id()) + ": an origin has the same Id");
            }
        }
    }

    private CacheBehavior readBehavior(Located behavior, boolean isDefault, Set<String> targets) throws ConfigException {
        String pathPattern = isDefault ? CacheBehavior.DEFAULT_PATH_PATTERN : json.requiredText(behavior, "PathPattern");
        String target = json.requiredText(behavior, "TargetOriginId");
        if (!targets.contains(target)) {
            throw json.error(behavior.child("TargetOriginId"),
                    "names neither an origin nor an origin group: " + JsonFields.echo(target));
        }
        String viewerValue = json.requiredText(behavior, "ViewerProtocolPolicy");
        ViewerProtocolPolicy viewerPolicy = ViewerProtocolPolicy.fromApiValue(viewerValue).orElseThrow(() ->
                json.error(behavior.child("ViewerProtocolPolicy"), "must be one of "
                        + apiValues(ViewerProtocolPolicy.values(), ViewerProtocolPolicy::apiValue)
                        + ", got " + JsonFields.echo(viewerValue)));
        Optional<List<String>> legacyHeaders = Optional.empty();
        Optional<Located> forwarded = json.optionalObject(behavior, "ForwardedValues");
        if (forwarded.isPresent()) {
            legacyHeaders = Optional.of(json.textItems(forwarded.get(), "Headers"));
        }
        Optional<String> cachePolicyId = json.optionalNonBlankText(behavior, "CachePolicyId");
        Optional<String> originRequestPolicyId = json.optionalNonBlankText(behavior, "OriginRequestPolicyId");
        return new CacheBehavior(pathPattern, target, viewerPolicy, legacyHeaders, cachePolicyId,
                originRequestPolicyId, readEdgeFunctions(behavior));
    }

    private List<EdgeFunction> readEdgeFunctions(Located behavior) throws ConfigException {
        var functions = new ArrayList<EdgeFunction>();
        for (Located association : json.objectItems(behavior, "FunctionAssociations")) {
            functions.add(new EdgeFunction(EdgeFunction.Kind.CLOUDFRONT_FUNCTION, eventType(association),
                    json.requiredText(association, "FunctionARN")));
        }
        for (Located association : json.objectItems(behavior, "LambdaFunctionAssociations")) {
            functions.add(new EdgeFunction(EdgeFunction.Kind.LAMBDA_EDGE, eventType(association),
                    json.requiredText(association, "LambdaFunctionARN")));
        }
        return functions;
    }

    private String eventType(Located association) throws ConfigException {
        String eventType = json.requiredText(association, "EventType");
        if (!EDGE_EVENT_TYPES.contains(eventType)) {
            throw json.error(association.child("EventType"),
                    "must be one of viewer-request, viewer-response, origin-request, origin-response, got "
                            + JsonFields.echo(eventType));
        }
        return eventType;
    }

    private static <E> String apiValues(E[] values, java.util.function.Function<E, String> apiValue) {
        return Arrays.stream(values).map(apiValue).collect(Collectors.joining(", "));
    }
}
