package dev.cfoc.check;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.aws.AwsAccountNetwork;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.firewall.DnsNames;
import dev.cfoc.firewall.Firewall;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.Ec2Xml;
import dev.cfoc.testing.FullBacklogListener;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.SampleTlsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine with its firewall option (Engine.builder().firewall): real loopback origins, the account's EC2 and ELBv2
 * answers served by WireMock in AWS's XML.
 */
class FirewallEngineIT {

    private static final String ALB = "web-1234567890.eu-west-1.elb.amazonaws.com";
    private static final String CF_LIST = "pl-4fa04526";

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private CloudFrontClient cloudFront;

    @AfterEach
    void close() {
        cloudFront.close();
    }

    @Test
    void anOriginThatAdmitsOnlyCloudFront_andDropsTheChecker_isNotChecked_neverAnError() throws Exception {
        try (FullBacklogListener dropsSyns = new FullBacklogListener()) {
            stubAccount(dropsSyns.port(), Ec2Xml.permission(dropsSyns.port(), dropsSyns.port(), CF_LIST));

            Report report = engine(Firewall.checked(network(), DnsNames.none(), false))
                    .check(distribution(dropsSyns.port(), 1), PolicyCatalog.empty(), Deadline.none());

            OriginReport origin = origin(report);
            assertThat(origin.findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.CHECKER_BLOCKED_BY_FIREWALL);
            assertThat(origin.findings().getFirst().message()).startsWith("the origin admits only CloudFront");
            assertThat(origin.notes()).containsEntry("firewall tcp " + dropsSyns.port() + " IPv4",
                    "CloudFront admitted: sg-0a1b2c3d (web) admits tcp " + dropsSyns.port() + " from " + CF_LIST
                            + " (com.amazonaws.global.cloudfront.origin-facing)");
            assertThat(report.runFindings()).isEmpty();
        }
    }

    @Test
    void withoutTheFirewallOption_theSameOriginIsAConnectTimeout() throws Exception {
        try (FullBacklogListener dropsSyns = new FullBacklogListener()) {
            cloudFront = LocalAws.cloudFront(aws.baseUrl());

            Report report = engine(Firewall.off()).check(distribution(dropsSyns.port(), 1), PolicyCatalog.empty(),
                    Deadline.none());

            assertThat(origin(report).findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.CONNECT_TIMEOUT);
            assertThat(report.notes()).isEmpty();
        }
    }

    @Test
    void aGroupThatDoesNotAdmitCloudFront_isAnError_whileTheCheckersOwnTlsResultsStand() throws Exception {
        SamplePki pki = SamplePki.create("firewall engine");
        try (SampleTlsServer origin = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames(ALB)))
                .start()) {
            stubAccount(origin.port(), Ec2Xml.permission(origin.port(), origin.port(), "203.0.113.7/32"));

            Report report = LoopbackOrigins.engine().addRoots(List.of(pki.rootCertificate()))
                    .resolver(HostResolver.fixed(Map.of(ALB, "127.0.0.1")))
                    .firewall(Firewall.checked(network(), DnsNames.none(), false)).build()
                    .check(distribution(origin.port(), 3), PolicyCatalog.empty(), Deadline.none());

            OriginReport checked = origin(report);
            assertThat(checked.findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT);
            Finding blocked = checked.findings().getFirst();
            assertThat(blocked.message()).contains("203.0.113.7/32").contains("viewers get 504");
            assertThat(blocked.evidence().get("fix")).startsWith("aws ec2 authorize-security-group-ingress "
                    + "--region eu-west-1 --group-id sg-0a1b2c3d --ip-permissions 'IpProtocol=tcp,FromPort="
                    + origin.port() + ",ToPort=" + origin.port() + ",PrefixListIds=[{PrefixListId=" + CF_LIST);
            assertThat(blocked.reproduce()).hasValue("aws ec2 describe-security-groups --region eu-west-1 "
                    + "--group-ids sg-0a1b2c3d --query 'SecurityGroups[].[GroupId,IpPermissions]'");
            assertThat(checked.probes().getFirst().tlsVersion()).hasValue("TLSv1.2");
        }
    }

    @Test
    void anAccountThatDeniesTheReads_isOneFindingAboutTheRun_andTheProbesStillRun() throws Exception {
        try (FullBacklogListener dropsSyns = new FullBacklogListener()) {
            aws.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(Ec2Xml.elbError("AccessDenied",
                    "User: arn:aws:sts::123456789012:assumed-role/checker is not authorized to perform: "
                            + "elasticloadbalancing:DescribeLoadBalancers"))));

            Report report = engine(Firewall.checked(network(), DnsNames.none(), false))
                    .check(distribution(dropsSyns.port(), 1), PolicyCatalog.empty(), Deadline.none());

            assertThat(origin(report).findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.CONNECT_TIMEOUT);
            assertThat(report.runFindings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.FIREWALL_UNREADABLE);
                assertThat(f.message()).contains("elasticloadbalancing:DescribeLoadBalancers in eu-west-1: "
                        + "AccessDenied");
            });
            assertThat(report.summary().warnings()).isEqualTo(1);
        }
    }

    @Test
    void noAwsAccess_isSaidOnce_inTheRunsNotes() throws Exception {
        try (FullBacklogListener dropsSyns = new FullBacklogListener()) {
            cloudFront = LocalAws.cloudFront(aws.baseUrl());
            Report report = engine(Firewall.notChecked("firewall: not checked (no AWS access)"))
                    .check(distribution(dropsSyns.port(), 1), PolicyCatalog.empty(), Deadline.none());

            assertThat(report.notes()).containsExactly("firewall: not checked (no AWS access)");
            aws.verify(0, postRequestedFor(urlEqualTo("/")));
        }
    }

    @Test
    void insideAVpc_aVpcOriginIsProbedAtItsPrivateEndpoint_withTheOriginsNames() throws Exception {
        String name = "app.internal.example.com";
        SamplePki pki = SamplePki.create("vpc origin");
        try (SampleTlsServer origin = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames(name)))
                .start()) {
            aws.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/2020-05-31/vpc-origin/vo_0a1b2c3d")
                    .willReturn(aResponse().withStatus(200).withHeader("ETag", "E1").withBody(vpcOriginXml(
                            "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0", origin.port()))));
            answer("DescribeInstances", Ec2Xml.describeInstances(null, Ec2Xml.instance("i-0123456789abcdef0",
                    "198.51.100.7", "ec2-198-51-100-7.compute-1.amazonaws.com", "127.0.0.1", "sg-0a1b2c3d")));
            List<Distribution> distributions = new DistributionFileLoader().loadString("""
                    {"Origins": {"Quantity": 1, "Items": [{"Id": "app", "DomainName": "%s",
                      "VpcOriginConfig": {"VpcOriginId": "vo_0a1b2c3d", "OriginReadTimeout": 5}}]},
                     "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "https-only",
                       "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                     "Enabled": true}
                    """.formatted(name), "vpc-origin.json");

            Report report = LoopbackOrigins.engine().addRoots(List.of(pki.rootCertificate()))
                    .resolver(HostResolver.fixed(Map.of("127.0.0.1", "127.0.0.1"))) // the instance's private address
                    .firewall(Firewall.checked(network(), DnsNames.none(), true)).build()
                    .check(distributions, PolicyCatalog.empty(), Deadline.none());

            OriginReport checked = origin(report);
            assertThat(checked.findings()).isEmpty();
            assertThat(checked.probes()).singleElement().satisfies(probe -> {
                assertThat(probe.target().host()).isEqualTo("127.0.0.1");
                assertThat(probe.target().sni()).hasValue(name);
                assertThat(probe.target().vpcOriginId()).hasValue("vo_0a1b2c3d");
                assertThat(probe.tlsVersion()).hasValue("TLSv1.2");
            });
            aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(
                    containing("Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0")));
        }
    }

    private static String vpcOriginXml(String endpointArn, int httpsPort) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><VpcOrigin xmlns=\"http://cloudfront.amazonaws.com/doc/"
                + "2020-05-31/\"><Id>vo_0a1b2c3d</Id><Arn>arn:aws:cloudfront::123456789012:vpcorigin/vo_0a1b2c3d</Arn>"
                + "<Status>Deployed</Status><CreatedTime>2025-03-14T09:26:53Z</CreatedTime><LastModifiedTime>"
                + "2025-03-14T09:26:53Z</LastModifiedTime><VpcOriginEndpointConfig><Name>app</Name><Arn>" + endpointArn
                + "</Arn><HTTPPort>80</HTTPPort><HTTPSPort>" + httpsPort + "</HTTPSPort><OriginProtocolPolicy>"
                + "https-only</OriginProtocolPolicy><OriginSslProtocols><Quantity>1</Quantity><Items><SslProtocol>"
                + "TLSv1.2</SslProtocol></Items></OriginSslProtocols></VpcOriginEndpointConfig></VpcOrigin>";
    }

    private Engine engine(Firewall firewall) {
        return LoopbackOrigins.engine().resolver(HostResolver.fixed(Map.of(ALB, "127.0.0.1"))).firewall(firewall).build();
    }

    private AwsAccountNetwork network() {
        cloudFront = LocalAws.cloudFront(aws.baseUrl());
        return new AwsAccountNetwork(() -> cloudFront, LocalAws.options(aws.baseUrl()), Map.of());
    }

    private static void stubAccount(int port, String permission) {
        answer("DescribeLoadBalancers", Ec2Xml.describeLoadBalancers(null,
                Ec2Xml.loadBalancer("web", "eu-west-1", ALB, "sg-0a1b2c3d")));
        answer("DescribeSecurityGroups", Ec2Xml.describeSecurityGroups(
                Ec2Xml.securityGroup("sg-0a1b2c3d", "web", permission)));
        answer("DescribeManagedPrefixLists", Ec2Xml.describeManagedPrefixLists(CF_LIST, "pl-07a54f2e"));
        answer("GetManagedPrefixListEntries", Ec2Xml.prefixListEntries(null, "130.176.0.0/18"));
    }

    private static void answer(String action, String xml) {
        aws.stubFor(post("/").withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    /** One distribution whose only origin is the load balancer's name on {@code port}, HTTPS only. */
    static List<Distribution> distribution(int port, int connectionTimeoutSeconds) throws Exception {
        return new DistributionFileLoader().loadString("""
                {"Origins": {"Quantity": 1, "Items": [{"Id": "web", "DomainName": "%s",
                  "ConnectionAttempts": 1, "ConnectionTimeout": %d,
                  "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": %d, "OriginProtocolPolicy": "https-only",
                    "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]}}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "web", "ViewerProtocolPolicy": "https-only",
                   "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                 "Enabled": true}
                """.formatted(ALB, connectionTimeoutSeconds, port), "firewall-test.json");
    }

    private static OriginReport origin(Report report) {
        return report.distributions().getFirst().origins().getFirst();
    }
}
