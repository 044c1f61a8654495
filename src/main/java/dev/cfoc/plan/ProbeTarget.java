package dev.cfoc.plan;

import dev.cfoc.config.CustomHeader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One connection CloudFront would make to an origin: the unit the probe executes.
 *
 * @param host                     the origin domain name CloudFront resolves and connects to
 * @param sni                      server_name sent in the ClientHello (HTTPS only)
 * @param hostHeader               Host header of the HTTP request
 * @param acceptedCertificateNames names one of which the certificate must cover (SNI/Host value and the origin
 *                                 domain: the 502 page's "one or both")
 * @param tlsVersions              versions offered (OriginSslProtocols ∩ CloudFront's profile), empty for HTTP
 * @param requestPath              OriginPath + "/"
 * @param behaviors                path patterns of the cache behaviors that lead here, for the report
 * @param addressFamily            the IP family of this connection: only its addresses are connected to
 * @param onlyFamily               CloudFront uses no other family towards this origin (IpAddressType ipv4 or ipv6,
 *                                 S3): an origin without an address of the family cannot be reached at all; false
 *                                 for dualstack, where the other family's connection is a target of its own
 * @param vpcOriginId              set when {@code host} is a VPC origin's private endpoint (the checker runs inside
 *                                 the VPC): private addresses are expected there, and only there
 */
public record ProbeTarget(
        String originId,
        Scheme scheme,
        String host,
        int port,
        Optional<String> sni,
        String hostHeader,
        Set<String> acceptedCertificateNames,
        List<TlsVersion> tlsVersions,
        Duration connectTimeout,
        int connectionAttempts,
        Duration readTimeout,
        String requestPath,
        List<CustomHeader> customHeaders,
        List<String> behaviors,
        AddressFamily addressFamily,
        boolean onlyFamily,
        Optional<String> vpcOriginId) {

    /** An IPv4 connection to a public origin CloudFront reaches over IPv4 only (IpAddressType absent or ipv4). */
    public ProbeTarget(String originId, Scheme scheme, String host, int port, Optional<String> sni, String hostHeader,
                       Set<String> acceptedCertificateNames, List<TlsVersion> tlsVersions, Duration connectTimeout,
                       int connectionAttempts, Duration readTimeout, String requestPath, List<CustomHeader> customHeaders,
                       List<String> behaviors) {
        this(originId, scheme, host, port, sni, hostHeader, acceptedCertificateNames, tlsVersions, connectTimeout,
                connectionAttempts, readTimeout, requestPath, customHeaders, behaviors, AddressFamily.IPV4, true,
                Optional.empty());
    }

    public ProbeTarget {
        acceptedCertificateNames = Set.copyOf(acceptedCertificateNames);
        tlsVersions = List.copyOf(tlsVersions);
        customHeaders = List.copyOf(customHeaders);
        behaviors = List.copyOf(behaviors);
    }

    public boolean isTls() {
        return scheme == Scheme.HTTPS;
    }
}
