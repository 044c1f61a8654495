package dev.cfoc.plan;

import dev.cfoc.config.OriginProtocolPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VPC origins of one run, as the planner needs them: when the checker runs inside a VPC, each VPC origin's
 * endpoint (CloudFront GetVpcOrigin, then the load balancer's or instance's private name or address); outside a VPC,
 * none, and VPC origins are not probed.
 *
 * @param insideVpc  whether the checker runs inside a VPC and so can reach private endpoints
 * @param resolved   VPC origin id → its endpoint
 * @param unresolved VPC origin id → why its endpoint is not known (the API call failed, the ARN is unknown)
 */
public record VpcOrigins(boolean insideVpc, Map<String, Endpoint> resolved, Map<String, String> unresolved) {

    /**
     * Where and how CloudFront connects to a VPC origin.
     *
     * @param arn          the endpoint's ARN (load balancer or instance)
     * @param privateHost  what the checker connects to: the internal load balancer's DNS name or the instance's
     *                     private address; private addresses are expected here (the VPC-origin path is exempt from
     *                     the public-address rule of other origins)
     * @param protocolPolicy how CloudFront connects (VpcOriginEndpointConfig.OriginProtocolPolicy)
     * @param sslProtocols OriginSslProtocols of the VPC origin
     */
    public record Endpoint(String vpcOriginId, String arn, String privateHost, int httpPort, int httpsPort,
                           OriginProtocolPolicy protocolPolicy, List<String> sslProtocols) {
        public Endpoint {
            sslProtocols = List.copyOf(sslProtocols);
        }
    }

    public VpcOrigins {
        resolved = Map.copyOf(resolved);
        unresolved = Map.copyOf(unresolved);
    }

    /** The checker does not run in a VPC: VPC origins are not probed. */
    public static VpcOrigins outsideVpc() {
        return new VpcOrigins(false, Map.of(), Map.of());
    }

    public Optional<Endpoint> endpoint(String vpcOriginId) {
        return Optional.ofNullable(resolved.get(vpcOriginId));
    }

    public Optional<String> whyUnresolved(String vpcOriginId) {
        return Optional.ofNullable(unresolved.get(vpcOriginId));
    }
}
