package dev.cfoc.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cfoc.firewall.AccountNetwork;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.firewall.Cidr;
import dev.cfoc.firewall.NetworkApiException;
import dev.cfoc.firewall.PrefixList;
import dev.cfoc.firewall.SecurityGroup;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.Ec2Xml;
import dev.cfoc.testing.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EC2 and ELBv2 Query protocol and CloudFront's GetVpcOrigin, against WireMock serving AWS's XML. */
class AwsAccountNetworkIT {

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private CloudFrontClient cloudFront;

    @AfterEach
    void close() {
        if (cloudFront != null) {
            cloudFront.close();
        }
    }

    private AwsAccountNetwork network() {
        cloudFront = LocalAws.cloudFront(aws.baseUrl());
        return new AwsAccountNetwork(() -> cloudFront, LocalAws.options(aws.baseUrl()), Map.of());
    }

    private static void answer(String action, String xml) {
        aws.stubFor(post("/").withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    @Test
    void securityGroups_areReadWithTheirRules_signedAsSigV4ForEc2() {
        answer("DescribeSecurityGroups", Ec2Xml.describeSecurityGroups(
                Ec2Xml.securityGroup("sg-0a1b2c3d", "web", Ec2Xml.permission(443, 443, "pl-3b927c52"),
                        Ec2Xml.permission(22, 22, "203.0.113.0/24", "2001:db8::/32", "sg-0ffff"))));

        List<SecurityGroup> groups = network().securityGroups("eu-west-1", List.of("sg-0a1b2c3d"));

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.label()).isEqualTo("sg-0a1b2c3d (web)");
            assertThat(g.inbound()).hasSize(2);
            assertThat(g.inbound().get(0).prefixListIds()).containsExactly("pl-3b927c52");
            assertThat(g.inbound().get(1).sources()).containsExactly("203.0.113.0/24", "2001:db8::/32", "sg-0ffff");
            assertThat(g.inbound().get(1).admitsTcp(22)).isTrue();
        });
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(equalTo("Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-0a1b2c3d"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + LocalAws.ACCESS_KEY
                        + "/\\d{8}/eu-west-1/ec2/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}")));
    }

    @Test
    void loadBalancers_areReadPageByPage_signedForElasticLoadBalancing() {
        aws.stubFor(post("/").withRequestBody(containing("Action=DescribeLoadBalancers")).inScenario("pages")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(aResponse().withBody(Ec2Xml.describeLoadBalancers("page-2",
                        Ec2Xml.loadBalancer("web", "eu-west-1", "web-1234567890.eu-west-1.elb.amazonaws.com",
                                "sg-0a1b2c3d")))));
        aws.stubFor(post("/").withRequestBody(containing("Marker=page-2")).inScenario("pages")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withBody(Ec2Xml.describeLoadBalancers(null,
                        Ec2Xml.loadBalancer("api", "eu-west-1", "api-42.eu-west-1.elb.amazonaws.com")))));

        List<AccountNetwork.LoadBalancer> all = network().loadBalancers("eu-west-1");

        assertThat(all).extracting(AccountNetwork.LoadBalancer::dnsName)
                .containsExactly("web-1234567890.eu-west-1.elb.amazonaws.com", "api-42.eu-west-1.elb.amazonaws.com");
        assertThat(all.getFirst().securityGroupIds()).containsExactly("sg-0a1b2c3d");
        assertThat(all.getFirst().type()).isEqualTo("application");
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalTo(
                        "Action=DescribeLoadBalancers&Version=2015-12-01&PageSize=400"))
                .withHeader("Authorization", containing("/eu-west-1/elasticloadbalancing/aws4_request")));
    }

    @Test
    void instances_areFoundByPublicAddress_withTheirGroups() {
        answer("DescribeInstances", Ec2Xml.describeInstances(null, Ec2Xml.instance("i-1234567890abcdef0",
                "198.51.100.7", "ec2-198-51-100-7.eu-west-1.compute.amazonaws.com", "10.0.1.5", "sg-0a1b2c3d")));

        List<AccountNetwork.Instance> found = network().instances("eu-west-1", List.of("198.51.100.7"), List.of());

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("i-1234567890abcdef0");
            assertThat(i.publicIp()).hasValue("198.51.100.7");
            assertThat(i.privateIp()).hasValue("10.0.1.5");
            assertThat(i.securityGroupIds()).containsExactly("sg-0a1b2c3d");
        });
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalTo("Action=DescribeInstances"
                + "&Version=2016-11-15&Filter.1.Name=ip-address&Filter.1.Value.1=198.51.100.7&MaxResults=1000")));
    }

    @Test
    void cloudFrontsPrefixLists_andTheirEntries_areRead() {
        answer("DescribeManagedPrefixLists", Ec2Xml.describeManagedPrefixLists("pl-4fa04526", "pl-07a54f2e"));
        answer("GetManagedPrefixListEntries", Ec2Xml.prefixListEntries(null, "130.176.0.0/18", "15.158.0.0/16"));

        AwsAccountNetwork network = network();
        List<PrefixList> lists = network.prefixLists("eu-west-1", List.of(
                "com.amazonaws.global.cloudfront.origin-facing", "com.amazonaws.global.ipv6.cloudfront.origin-facing"));
        List<Cidr> entries = network.prefixListEntries("eu-west-1", "pl-4fa04526");

        assertThat(lists).extracting(PrefixList::id, PrefixList::family)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pl-4fa04526", AddressFamily.IPV4),
                        org.assertj.core.groups.Tuple.tuple("pl-07a54f2e", AddressFamily.IPV6));
        assertThat(entries).extracting(Cidr::text).containsExactly("130.176.0.0/18", "15.158.0.0/16");
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalTo("Action=DescribeManagedPrefixLists"
                + "&Version=2016-11-15&Filter.1.Name=prefix-list-name"
                + "&Filter.1.Value.1=com.amazonaws.global.cloudfront.origin-facing"
                + "&Filter.1.Value.2=com.amazonaws.global.ipv6.cloudfront.origin-facing")));
    }

    @Test
    void accessDenied_isAFailureNamingTheActionAndTheCode_notRetried() {
        aws.stubFor(post("/").willReturn(aResponse().withStatus(403).withBody(Ec2Xml.ec2Error(
                "UnauthorizedOperation", "You are not authorized to perform this operation."))));

        assertThatThrownBy(() -> network().securityGroups("eu-west-1", List.of("sg-1")))
                .isInstanceOf(NetworkApiException.class)
                .hasMessage("ec2:DescribeSecurityGroups: UnauthorizedOperation: You are not authorized to perform this "
                        + "operation. (HTTP 403) (eu-west-1, 1 attempt)");
    }

    @Test
    void throttling_isRetried_untilTheAnswerComes() {
        aws.stubFor(post("/").inScenario("throttled").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(400).withBody(Ec2Xml.elbError("Throttling", "Rate exceeded"))));
        aws.stubFor(post("/").inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(aResponse().withBody(Ec2Xml.describeLoadBalancers(null))));

        assertThat(network().loadBalancers("us-east-1")).isEmpty();
        aws.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void throttlingThatLasts_failsAfterThreeAttempts() {
        aws.stubFor(post("/").willReturn(aResponse().withStatus(400)
                .withBody(Ec2Xml.elbError("Throttling", "Rate exceeded"))));

        assertThatThrownBy(() -> network().loadBalancers("us-east-1"))
                .hasMessage("elasticloadbalancing:DescribeLoadBalancers: Throttling: Rate exceeded (HTTP 400) "
                        + "(us-east-1, 3 attempts)");
    }

    @Test
    void aSlowAnswer_isBoundByTheClientOptionsTimeouts() {
        // given: an answer 3 s late, an attempt timeout of 0.3 s, and a call timeout shorter than one attempt
        aws.stubFor(post("/").willReturn(aResponse().withFixedDelay(3_000).withBody(Ec2Xml.describeSecurityGroups())));
        cloudFront = LocalAws.cloudFront(aws.baseUrl());
        var network = new AwsAccountNetwork(() -> cloudFront, LocalAws.options(aws.baseUrl())
                .withTimeouts(Duration.ofMillis(100), Duration.ofMillis(300)), Map.of());

        // then: the attempt times out, and no second one starts
        assertThatThrownBy(() -> network.securityGroups("eu-west-1", List.of("sg-1")))
                .isInstanceOf(NetworkApiException.class)
                .hasMessageStartingWith("ec2:DescribeSecurityGroups: SocketTimeoutException")
                .hasMessageEndingWith("(eu-west-1, 1 attempt)");
    }

    @Test
    void anAnswerThatIsNotXml_isAFailure() {
        aws.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody("<html>gateway")));

        assertThatThrownBy(() -> network().securityGroups("eu-west-1", List.of("sg-1")))
                .isInstanceOf(NetworkApiException.class).hasMessageContaining("not XML");
    }

    @Test
    void theEndpointComesFromTheServicesStandardVariable() {
        answer("DescribeSecurityGroups", Ec2Xml.describeSecurityGroups());
        cloudFront = LocalAws.cloudFront(aws.baseUrl());
        var fromEnvironment = new AwsAccountNetwork(() -> cloudFront, AwsClientOptions.defaults()
                .withCredentials(LocalAws.CREDENTIALS), Map.of("AWS_ENDPOINT_URL_EC2", aws.baseUrl(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));

        assertThat(fromEnvironment.securityGroups("eu-west-1", List.of("sg-1"))).isEmpty();
        assertThat(QueryService.ELBV2.endpoint(software.amazon.awssdk.regions.Region.EU_WEST_1,
                java.util.Optional.empty(), Map.of()).toString())
                .isEqualTo("https://elasticloadbalancing.eu-west-1.amazonaws.com");
    }

    @Test
    void aVpcOrigin_isReadFromCloudFront() {
        aws.stubFor(get("/2020-05-31/vpc-origin/vo_0123456789abcdef").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withHeader("ETag", "E3UN6WX5RRO2AG").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><VpcOrigin xmlns=\"" + CloudFrontXml.NAMESPACE + "\">"
                                + "<Id>vo_0123456789abcdef</Id><Arn>arn:aws:cloudfront::123456789012:vpcorigin/"
                                + "vo_0123456789abcdef</Arn><Status>Deployed</Status><CreatedTime>2025-03-14T09:26:53Z"
                                + "</CreatedTime><LastModifiedTime>2025-03-14T09:26:53Z</LastModifiedTime>"
                                + "<VpcOriginEndpointConfig><Name>app</Name><Arn>arn:aws:elasticloadbalancing:"
                                + "us-east-1:123456789012:loadbalancer/app/internal-app/50dc6c495c0c9188</Arn>"
                                + "<HTTPPort>80</HTTPPort><HTTPSPort>8443</HTTPSPort><OriginProtocolPolicy>https-only"
                                + "</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity><Items>"
                                + "<SslProtocol>TLSv1.2</SslProtocol></Items></OriginSslProtocols>"
                                + "</VpcOriginEndpointConfig></VpcOrigin>")));

        AccountNetwork.VpcOrigin origin = network().vpcOrigin("vo_0123456789abcdef");

        assertThat(origin.endpointArn()).endsWith("loadbalancer/app/internal-app/50dc6c495c0c9188");
        assertThat(origin.httpsPort()).isEqualTo(8443);
        assertThat(origin.protocolPolicy()).isEqualTo("https-only");
        assertThat(origin.sslProtocols()).containsExactly("TLSv1.2");
    }
}
