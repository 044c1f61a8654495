package dev.cfoc.plan;

import dev.cfoc.config.Origin;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The distinct connections to one origin: identical cases (same scheme, port, SNI and Host) reached from several
 * behaviors become one target listing all their path patterns, one per address family CloudFront uses
 * ({@link AddressFamily#usedFor}). Output order: HTTPS before HTTP, then by Host/SNI, then by port, then IPv4 before
 * IPv6.
 */
final class ConnectionCases {

    private record Key(Scheme scheme, int port, Optional<String> sni, String hostHeader) {
    }

    private record Case(Set<String> acceptedNames, List<TlsVersion> tlsVersions, Duration readTimeout,
                        Set<String> behaviors) {
    }

    private static final Comparator<ProbeTarget> ORDER = Comparator
            .comparing((ProbeTarget t) -> t.scheme() == Scheme.HTTPS ? 0 : 1)
            .thenComparing(ProbeTarget::hostHeader)
            .thenComparingInt(ProbeTarget::port)
            .thenComparing(ProbeTarget::addressFamily);

    private final Origin origin;
    private final String connectHost;
    private final Optional<String> vpcOriginId;
    private final Map<Key, Case> cases = new LinkedHashMap<>();

    /** Connections to the origin's domain name. */
    ConnectionCases(Origin origin) {
        this(origin, origin.domainName(), Optional.empty());
    }

    /** Connections to a VPC origin's private endpoint {@code connectHost}; SNI and Host stay the origin's names. */
    ConnectionCases(Origin origin, String connectHost, Optional<String> vpcOriginId) {
        this.origin = origin;
        this.connectHost = connectHost;
        this.vpcOriginId = vpcOriginId;
    }

    /** CloudFront sends {@code hostName} as SNI and Host; a certificate for it or for the origin domain passes. */
    void addHttps(int port, String hostName, List<TlsVersion> versions, Duration readTimeout, String behavior) {
        var accepted = new LinkedHashSet<String>();
        accepted.add(hostName);
        accepted.add(origin.domainName());
        add(new Key(Scheme.HTTPS, port, Optional.of(hostName), hostName), accepted, versions, readTimeout, behavior);
    }

    void addHttp(int port, String hostName, Duration readTimeout, String behavior) {
        add(new Key(Scheme.HTTP, port, Optional.empty(), hostName), Set.of(), List.of(), readTimeout, behavior);
    }

    List<ProbeTarget> targets() {
        List<AddressFamily> families = AddressFamily.usedFor(origin.type());
        return cases.entrySet().stream()
                .flatMap(e -> families.stream().map(family -> toTarget(e.getKey(), e.getValue(), family,
                        families.size() == 1)))
                .sorted(ORDER).toList();
    }

    private void add(Key key, Set<String> accepted, List<TlsVersion> versions, Duration readTimeout, String behavior) {
        cases.computeIfAbsent(key, k -> new Case(accepted, versions, readTimeout, new LinkedHashSet<>()))
                .behaviors().add(behavior);
    }

    private ProbeTarget toTarget(Key key, Case c, AddressFamily family, boolean onlyFamily) {
        return new ProbeTarget(origin.id(), key.scheme(), connectHost, key.port(), key.sni(),
                key.hostHeader(), c.acceptedNames(), c.tlsVersions(),
                Duration.ofSeconds(origin.connectionTimeoutSeconds()), origin.connectionAttempts(), c.readTimeout(),
                origin.originPath() + "/", origin.customHeaders(), List.copyOf(c.behaviors()), family, onlyFamily,
                vpcOriginId);
    }
}
