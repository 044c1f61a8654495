package dev.cfoc.firewall;

import dev.cfoc.aws.AwsAccountNetwork;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.testing.Ec2Xml;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.LocalDns;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery: origin names through a real DNS server on loopback (CNAME, PTR) to the account's load balancers and
 * instances, their groups and CloudFront's prefix lists, read from WireMock in AWS's XML; each region's calls once.
 */
class FirewallInspectorIT {

    private static final String ALB = "web-1234567890.eu-west-1.elb.amazonaws.com";

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private static void answer(String action, String xml) {
        aws.stubFor(post("/").withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    @Test
    void cnamesToALoadBalancer_andAddressesOfAnInstance_leadToTheirGroups() throws Exception {
        answer("DescribeLoadBalancers", Ec2Xml.describeLoadBalancers(null,
                Ec2Xml.loadBalancer("web", "eu-west-1", ALB, "sg-0a1b2c3d")));
        answer("DescribeInstances", Ec2Xml.describeInstances(null, Ec2Xml.instance("i-0123456789abcdef0",
                "198.51.100.7", "ec2-198-51-100-7.eu-west-1.compute.amazonaws.com", "10.0.1.5", "sg-0bbbbbbb")));
        answer("DescribeSecurityGroups", Ec2Xml.describeSecurityGroups(
                Ec2Xml.securityGroup("sg-0a1b2c3d", "web", Ec2Xml.permission(443, 443, "pl-4fa04526")),
                Ec2Xml.securityGroup("sg-0bbbbbbb", "box", Ec2Xml.permission(443, 443, "203.0.113.7/32"))));
        answer("DescribeManagedPrefixLists", Ec2Xml.describeManagedPrefixLists("pl-4fa04526", "pl-07a54f2e"));
        answer("GetManagedPrefixListEntries", Ec2Xml.prefixListEntries(null, "130.176.0.0/18"));

        try (LocalDns dns = LocalDns.serving(Map.of("www.example.com", "DualStack." + ALB + ".",
                "box.example.com", ""), Map.of("7.100.51.198.in-addr.arpa",
                "ec2-198-51-100-7.eu-west-1.compute.amazonaws.com"));
             CloudFrontClient cloudFront = LocalAws.cloudFront(aws.baseUrl());
             AwsAccountNetwork network = new AwsAccountNetwork(() -> cloudFront, LocalAws.options(aws.baseUrl()),
                     Map.of())) {
            var inspector = new FirewallInspector(network, new JndiDnsNames(Optional.of(dns.address()),
                    Duration.ofSeconds(3)), HostResolver.fixed(Map.of("box.example.com", "198.51.100.7")));

            FirewallView view = inspector.inspect(List.of("www.example.com", "Box.Example.com", "localhost",
                    "elsewhere.example.org"));

            assertThat(view.resource("www.example.com")).hasValueSatisfying(r -> {
                assertThat(r.label()).isEqualTo("application load balancer web (eu-west-1)");
                assertThat(r.foundBy()).isEqualTo("CNAME www.example.com -> dualstack." + ALB);
                assertThat(r.groups()).extracting(SecurityGroup::id).containsExactly("sg-0a1b2c3d");
            });
            assertThat(view.resource("box.example.com")).hasValueSatisfying(r -> {
                assertThat(r.label()).isEqualTo("EC2 instance i-0123456789abcdef0 (eu-west-1)");
                assertThat(r.foundBy()).contains("PTR ec2-198-51-100-7.eu-west-1.compute.amazonaws.com");
                assertThat(r.groups()).extracting(SecurityGroup::id).containsExactly("sg-0bbbbbbb");
            });
            assertThat(view.resource("elsewhere.example.org")).isEmpty();
            assertThat(view.prefixLists("eu-west-1").forFamily(AddressFamily.IPV4)).hasValueSatisfying(l ->
                    assertThat(l.entries()).hasValue(List.of(Cidr.parse("130.176.0.0/18"))));
            assertThat(view.failures()).isEmpty();
            // one call per resource type in the region, the groups of both origins in one
            aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DescribeLoadBalancers")));
            aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(equalTo("Action=DescribeSecurityGroups"
                    + "&Version=2016-11-15&GroupId.1=sg-0a1b2c3d&GroupId.2=sg-0bbbbbbb")));
            aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DescribeManagedPrefixLists")));
        }
    }

    @Test
    void anInstanceWithoutSecurityGroups_isNotJudged() throws Exception {
        answer("DescribeInstances", Ec2Xml.describeInstances(null, Ec2Xml.instance("i-0fedcba9876543210",
                "198.51.100.8", "ec2-198-51-100-8.eu-west-1.compute.amazonaws.com", "10.0.1.6")));
        answer("DescribeSecurityGroups", Ec2Xml.describeSecurityGroups());
        answer("DescribeManagedPrefixLists", Ec2Xml.describeManagedPrefixLists("pl-4fa04526", "pl-07a54f2e"));
        answer("GetManagedPrefixListEntries", Ec2Xml.prefixListEntries(null, "130.176.0.0/18"));

        try (LocalDns dns = LocalDns.serving(Map.of("bare.example.com", ""), Map.of("8.100.51.198.in-addr.arpa",
                "ec2-198-51-100-8.eu-west-1.compute.amazonaws.com"));
             CloudFrontClient cloudFront = LocalAws.cloudFront(aws.baseUrl());
             AwsAccountNetwork network = new AwsAccountNetwork(() -> cloudFront, LocalAws.options(aws.baseUrl()),
                     Map.of())) {
            var inspector = new FirewallInspector(network, new JndiDnsNames(Optional.of(dns.address()),
                    Duration.ofSeconds(3)), HostResolver.fixed(Map.of("bare.example.com", "198.51.100.8")));

            FirewallView view = inspector.inspect(List.of("bare.example.com"));

            // nothing to judge (and no group to name in a fix): as for a network load balancer without groups
            assertThat(view.resource("bare.example.com")).isEmpty();
            assertThat(view.failures()).isEmpty();
            aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("DescribeInstances")));
        }
    }
}
