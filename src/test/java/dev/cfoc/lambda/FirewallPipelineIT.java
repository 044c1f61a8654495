package dev.cfoc.lambda;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.firewall.DnsNames;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.Report;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.Ec2Xml;
import dev.cfoc.testing.FullBacklogListener;
import dev.cfoc.testing.LocalWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lambda's run with its firewall check on, as the function builds it ({@link LambdaFirewall}): the distribution
 * read from CloudFront (sources), then the firewall of its origins read from the same account's EC2 and ELBv2, all
 * served by WireMock in AWS's wire formats, while a real loopback origin drops the checker's SYNs.
 */
class FirewallPipelineIT {

    private static final String ID = "E1FIREWALL0001";
    private static final String ALB = "web-1234567890.eu-west-1.elb.amazonaws.com";

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @Test
    void aCloudFrontOnlyOrigin_isReportedAsNotChecked_andItsFirewallReadInTheFunctionsAccount() throws Exception {
        try (FullBacklogListener dropsSyns = new FullBacklogListener()) {
            stubDistribution(dropsSyns.port());
            answer("DescribeLoadBalancers", Ec2Xml.describeLoadBalancers(null,
                    Ec2Xml.loadBalancer("web", "eu-west-1", ALB, "sg-0a1b2c3d")));
            answer("DescribeSecurityGroups", Ec2Xml.describeSecurityGroups(Ec2Xml.securityGroup("sg-0a1b2c3d", "web",
                    Ec2Xml.permission(dropsSyns.port(), dropsSyns.port(), "pl-4fa04526"))));
            answer("DescribeManagedPrefixLists", Ec2Xml.describeManagedPrefixLists("pl-4fa04526", "pl-07a54f2e"));
            answer("GetManagedPrefixListEntries", Ec2Xml.prefixListEntries(null, "130.176.0.0/18"));

            Report report = service(Map.of("AWS_ENDPOINT_URL", api.baseUrl())).run(
                    new Trigger.Manual(List.of(ID), false), Instant.now().plusSeconds(900), new RecordedRun()
                            .context().log()).report();

            assertThat(report.distributions().getFirst().allFindings()).extracting(Finding::code)
                    .containsExactly(FindingCode.CHECKER_BLOCKED_BY_FIREWALL);
            api.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeLoadBalancers"))
                    .withHeader("Authorization", containing("/eu-west-1/elasticloadbalancing/aws4_request")));
            api.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(
                    "Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-0a1b2c3d")));
        }
    }

    @Test
    void readsThatFail_areOneWarningAboutTheRun_andTheOriginIsCheckedAsBefore() throws Exception {
        try (FullBacklogListener dropsSyns = new FullBacklogListener()) {
            stubDistribution(dropsSyns.port());
            api.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(Ec2Xml.elbError("AccessDenied",
                    "not authorized to perform: elasticloadbalancing:DescribeLoadBalancers"))));

            Report report = service(Map.of("AWS_ENDPOINT_URL", api.baseUrl())).run(
                    new Trigger.Manual(List.of(ID), false), Instant.now().plusSeconds(900), new RecordedRun()
                            .context().log()).report();

            assertThat(report.distributions().getFirst().allFindings()).extracting(Finding::code)
                    .containsExactly(FindingCode.CONNECT_TIMEOUT);
            assertThat(report.runFindings()).extracting(Finding::code).containsExactly(FindingCode.FIREWALL_UNREADABLE);
        }
    }

    @Test
    void theVpcVariables_areListsOfIds() {
        assertThat(LambdaFirewall.ids(Map.of(), LambdaFirewall.VPC_SUBNET_IDS, java.util.regex.Pattern.compile(
                "subnet-[0-9a-f]+"))).isEmpty();
        assertThatThrownBy(() -> LambdaFirewall.fromEnvironment(Map.of(LambdaFirewall.VPC_SECURITY_GROUP_IDS,
                "sg-0a1b, web"), LocalWorld.clients(api), DnsNames.none()))
                .hasMessage("VPC_SECURITY_GROUP_IDS must be comma-separated ids like sg-0a1b2c3d, got 'web'");
    }

    private static CheckService service(Map<String, String> environment) {
        AwsClientProvider clients = LocalWorld.clients(api);
        return new CheckService(LoopbackOrigins.lambdaSettings(), clients, HostResolver.fixed(Map.of(ALB, "127.0.0.1")),
                Clock.systemUTC(), line -> { }, LambdaFirewall.fromEnvironment(environment, clients, DnsNames.none()));
    }

    private static void stubDistribution(int port) {
        String config = CloudFrontXml.aliases()
                + CloudFrontXml.origins(CloudFrontXml.httpsOrigin("web", ALB, port, false))
                + "<OriginGroups><Quantity>0</Quantity></OriginGroups>"
                + CloudFrontXml.defaultCacheBehavior("web", LocalWorld.CACHING_DISABLED, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN)
                + CloudFrontXml.cacheBehaviors()
                + "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses><Comment>web</Comment>"
                + "<PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>";
        api.stubFor(get(urlEqualTo("/2020-05-31/distribution/" + ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withHeader("ETag", "E3UN6WX5RRO2AG")
                .withBody(CloudFrontXml.distribution(ID, "web-2026", config))));
    }

    private static void answer(String action, String xml) {
        api.stubFor(post("/").withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }
}
