package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a DistributionConfig's Origins: each origin, its kind (custom, S3, VPC), headers, ports and timeouts. */
final class OriginReader {

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

    private static final String CUSTOM = "CustomOriginConfig";
    private static final String S3 = "S3OriginConfig";
    private static final String VPC = "VpcOriginConfig";
    /** An origin has exactly one of these. */
    private static final List<String> KINDS = List.of(CUSTOM, S3, VPC);
    private static final String ORIGIN_MTLS_CONFIG = "OriginMtlsConfig";

    private final JsonFields json;

    OriginReader(JsonFields json) {
        this.json = json;
    }

    /** The origins of {@code config}: at least one, Ids unique. */
    List<Origin> read(Located config) throws ConfigException {
        json.requiredObject(config, "Origins");
        List<Located> items = json.objectItems(config, "Origins");
        if (items.isEmpty()) {
            throw json.error(config.child("Origins"), "must list at least one origin");
        }
        var origins = new ArrayList<Origin>();
        var ids = new UniqueIds(json, "origin");
        for (Located item : items) {
            Origin origin = readOrigin(item);
            ids.add(item, origin.id());
            origins.add(origin);
        }
        return origins;
    }

    private Origin readOrigin(Located origin) throws ConfigException {
        String id = json.requiredText(origin, "Id");
        String domainName = json.requiredText(origin, "DomainName");
        if (IpLiteral.is(domainName)) {
            throw json.error(origin.child("DomainName"), "must be a domain name, not an IP address: got "
                    + JsonFields.echo(domainName) + " (CloudFront accepts only a domain name that resolves publicly; "
                    + "for a server in a VPC, use a VPC origin)");
        }
        Optional<String> notAHostName = WireSyntax.hostNameProblem(domainName, false);
        if (notAHostName.isPresent()) {
            throw json.error(origin.child("DomainName"), notAHostName.get() + ", got " + JsonFields.echo(domainName));
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
        Optional<Located> custom = json.optionalObject(origin, CUSTOM);
        Optional<Located> s3 = json.optionalObject(origin, S3);
        Optional<Located> vpc = json.optionalObject(origin, VPC);
        long kinds = Stream.of(custom, s3, vpc).filter(Optional::isPresent).count();
        if (kinds != 1) {
            throw json.error(origin.path(), kinds == 0
                    ? "needs one of " + listed(KINDS, "or")
                    : "has more than one of " + listed(KINDS, "and"));
        }
        if (custom.isPresent()) {
            return new OriginType.Custom(readCustomOriginConfig(custom.get()));
        }
        if (s3.isPresent()) {
            return new OriginType.S3(readTimeout(s3.get(), "OriginReadTimeout",
                    OriginType.S3.DEFAULT_READ_TIMEOUT_SECONDS));
        }
        return new OriginType.Vpc(json.requiredText(vpc.get(), "VpcOriginId"),
                readTimeout(vpc.get(), "OriginReadTimeout", OriginType.Vpc.DEFAULT_READ_TIMEOUT_SECONDS));
    }

    private CustomOriginConfig readCustomOriginConfig(Located config) throws ConfigException {
        int httpPort = readPort(config, "HTTPPort", CustomOriginConfig.DEFAULT_HTTP_PORT, "80, 443");
        int httpsPort = readPort(config, "HTTPSPort", CustomOriginConfig.DEFAULT_HTTPS_PORT, "443, 80");
        OriginProtocolPolicy policy = json.requiredApiValue(config, "OriginProtocolPolicy", OriginProtocolPolicy.class);
        List<String> protocols = readOriginSslProtocols(config);
        int readTimeout = readTimeout(config, "OriginReadTimeout", CustomOriginConfig.DEFAULT_READ_TIMEOUT_SECONDS);
        int keepalive = readTimeout(config, "OriginKeepaliveTimeout",
                CustomOriginConfig.DEFAULT_KEEPALIVE_TIMEOUT_SECONDS);
        IpAddressType family = json.optionalApiValue(config, "IpAddressType", IpAddressType.class)
                .orElse(IpAddressType.DEFAULT);
        return new CustomOriginConfig(httpPort, httpsPort, policy, protocols, readTimeout, keepalive, family);
    }

    private int readPort(Located config, String field, int defaultPort, String wellKnown) throws ConfigException {
        String valid = wellKnown + " or 1024–65535";
        int port = json.optionalInt(config, field, defaultPort, valid);
        if (port != 80 && port != 443 && (port < 1024 || port > 65535)) {
            throw json.error(config.child(field), "must be " + valid + ", got " + port);
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
            throw json.error(config.child("OriginSslProtocols"),
                    "must list at least one of " + ApiValue.listed(OriginSslProtocol.class));
        }
        for (int i = 0; i < protocols.size(); i++) {
            json.apiValue(config.child("OriginSslProtocols") + ".Items[" + i + "]", protocols.get(i),
                    OriginSslProtocol.class);
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
        json.optionalObject(origin, CUSTOM).ifPresent(places::add);
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

    /** "A, B or C". */
    private static String listed(List<String> names, String conjunction) {
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " " + names.getLast();
    }
}
