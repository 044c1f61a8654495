package dev.cfoc.firewall;

import java.util.List;
import java.util.Optional;

/**
 * The read-only calls the firewall check makes to the account the distributions are in (EC2, Elastic Load Balancing
 * v2, CloudFront's VPC origins). Implemented over the AWS APIs in {@code aws}; a call that fails throws
 * {@link NetworkApiException} and the run goes on without that answer.
 */
public interface AccountNetwork {

    /** A load balancer (ELBv2 DescribeLoadBalancers). @param type application, network or gateway */
    record LoadBalancer(String arn, String name, String type, String scheme, String dnsName,
                        List<String> securityGroupIds) {
        public LoadBalancer {
            securityGroupIds = List.copyOf(securityGroupIds);
        }
    }

    /** An EC2 instance (DescribeInstances): its addresses and the groups of its instance-level group set. */
    record Instance(String id, Optional<String> publicIp, Optional<String> publicDnsName, Optional<String> privateIp,
                    Optional<String> privateDnsName, List<String> securityGroupIds) {
        public Instance {
            securityGroupIds = List.copyOf(securityGroupIds);
        }
    }

    /**
     * A CloudFront VPC origin (GetVpcOrigin): the endpoint it reaches and how CloudFront connects to it.
     *
     * @param endpointArn   the load balancer's or instance's ARN
     * @param protocolPolicy http-only, https-only or match-viewer
     * @param sslProtocols  OriginSslProtocols items
     */
    record VpcOrigin(String id, String endpointArn, int httpPort, int httpsPort, String protocolPolicy,
                     List<String> sslProtocols) {
        public VpcOrigin {
            sslProtocols = List.copyOf(sslProtocols);
        }
    }

    /** Every load balancer of the region (paged). */
    List<LoadBalancer> loadBalancers(String region);

    /** The load balancers with these ARNs. */
    List<LoadBalancer> loadBalancersByArn(String region, List<String> arns);

    /** The instances with one of these public IPv4 addresses or public DNS names. */
    List<Instance> instances(String region, List<String> publicIps, List<String> publicDnsNames);

    /** The instances with these ids. */
    List<Instance> instancesById(String region, List<String> ids);

    List<SecurityGroup> securityGroups(String region, List<String> ids);

    /** The managed prefix lists with these names (without their entries). */
    List<PrefixList> prefixLists(String region, List<String> names);

    /** The entries (CIDRs) of one prefix list. */
    List<Cidr> prefixListEntries(String region, String prefixListId);

    VpcOrigin vpcOrigin(String id);
}
