package dev.cfoc.plan;

import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.config.OriginType;
import dev.cfoc.finding.FindingCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.cfoc.plan.Configs.distribution;
import static dev.cfoc.plan.Configs.origin;
import static org.assertj.core.api.Assertions.assertThat;

/** VPC origins: probed at their private endpoint from inside the VPC, with the origin's names; else not probed. */
class PlannerVpcOriginsTest {

    private static final String VPC_ORIGIN = "vo_0a1b2c3d4e5f6a7b8";
    private static final String DOMAIN = "app.internal.example.com";
    private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/app/50dc6c";
    private static final String PRIVATE = "internal-app-1234567890.us-east-1.elb.amazonaws.com";

    private static OriginPlan plan(VpcOrigins vpcOrigins) {
        var d = distribution(origin("app", DOMAIN, new OriginType.Vpc(VPC_ORIGIN, 45))).aliases("www.example.com")
                .build();
        return new Planner().plan(d, PolicyCatalog.empty(), vpcOrigins).origins().getFirst();
    }

    @Test
    void insideTheVpc_theEndpointIsProbed_withTheOriginsNamesAndTheEndpointsSettings() {
        var endpoint = new VpcOrigins.Endpoint(VPC_ORIGIN, ARN, PRIVATE, 80, 8443, OriginProtocolPolicy.HTTPS_ONLY,
                List.of("TLSv1.2"));

        OriginPlan plan = plan(new VpcOrigins(true, Map.of(VPC_ORIGIN, endpoint), Map.of()));

        assertThat(plan.probed()).isTrue();
        assertThat(plan.targets()).singleElement().satisfies(t -> {
            assertThat(t.host()).isEqualTo(PRIVATE);
            assertThat(t.port()).isEqualTo(8443);
            assertThat(t.scheme()).isEqualTo(Scheme.HTTPS);
            assertThat(t.sni()).hasValue(DOMAIN);
            assertThat(t.hostHeader()).isEqualTo(DOMAIN);
            assertThat(t.acceptedCertificateNames()).containsExactly(DOMAIN);
            assertThat(t.tlsVersions()).containsExactly(TlsVersion.TLSV1_2);
            assertThat(t.readTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(t.vpcOriginId()).hasValue(VPC_ORIGIN);
        });
        assertThat(plan.evidence().get("vpcOrigin")).contains(ARN).contains("private addresses expected");
    }

    @Test
    void outsideAVpc_itIsNotProbed_andTheReasonSaysHowToProbeIt() {
        OriginPlan plan = plan(VpcOrigins.outsideVpc());

        assertThat(plan.probed()).isFalse();
        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FindingCode.ORIGIN_NOT_PROBED);
            assertThat(p.message()).contains("does not run inside a VPC").contains("VpcSubnetIds");
        });
    }

    @Test
    void insideTheVpc_anEndpointThatCouldNotBeResolved_isNotProbed_withWhy() {
        OriginPlan plan = plan(new VpcOrigins(true, Map.of(),
                Map.of(VPC_ORIGIN, "cloudfront:GetVpcOrigin failed: AccessDenied")));

        assertThat(plan.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("could not be resolved: cloudfront:GetVpcOrigin failed: AccessDenied"));
    }

    @Test
    void publicOrigins_haveNoVpcOriginId() {
        var d = distribution(Configs.httpsOnly("web", "www.example.org")).build();

        assertThat(new Planner().plan(d, PolicyCatalog.empty()).origins().getFirst().targets())
                .allSatisfy(t -> assertThat(t.vpcOriginId()).isEqualTo(Optional.empty()));
    }
}
