package dev.cfoc.plan;

import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The loader's fixtures (real AWS CLI output shapes) planned end to end. */
class PlannerWithLoadedConfigsTest {

    private final Planner planner = new Planner();

    private static Distribution load(String fixture) throws Exception {
        Path file = Path.of(PlannerWithLoadedConfigsTest.class.getResource("/config/" + fixture).toURI());
        return new DistributionFileLoader().load(file).getFirst();
    }

    @Test
    void getDistribution_failoverGroupWithWildcardAliasMtlsAndLambdaEdge() throws Exception {
        DistributionPlan plan = planner.plan(load("get-distribution.json"), PolicyCatalog.empty());

        assertThat(plan.origins()).extracting(OriginPlan::originId).containsExactly("api-eu", "api-us");

        OriginPlan eu = plan.origins().get(0);
        String wildcardHost = "cfoc-wildcard-probe.api.example.com";
        assertThat(eu.targets()).extracting(ProbeTarget::scheme, ProbeTarget::port, ProbeTarget::sni,
                ProbeTarget::hostHeader).containsExactly(
                tuple(Scheme.HTTPS, 8443, Optional.of(wildcardHost), wildcardHost),
                tuple(Scheme.HTTP, 8080, Optional.empty(), wildcardHost));
        assertThat(eu.targets().getFirst().tlsVersions()).containsExactly(TlsVersion.TLSV1_1, TlsVersion.TLSV1_2);
        assertThat(eu.targets().getFirst().acceptedCertificateNames())
                .containsExactlyInAnyOrder(wildcardHost, "api-eu.origin.example.com");
        assertThat(eu.targets()).allSatisfy(t -> {
            assertThat(t.requestPath()).isEqualTo("/v2/");
            assertThat(t.readTimeout()).isEqualTo(Duration.ofSeconds(150));
            assertThat(t.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(t.connectionAttempts()).isEqualTo(1);
        });
        assertThat(eu.evidence()).containsKeys("originGroup api-failover", "sslv3NotTested");
        assertThat(eu.problems()).extracting(Problem::code).containsExactly(FindingCode.HOST_MAY_BE_REWRITTEN);

        OriginPlan us = plan.origins().get(1);
        assertThat(us.probed()).isFalse();
        assertThat(us.problems()).extracting(Problem::code).containsExactly(FindingCode.ORIGIN_NOT_PROBED);
    }

    @Test
    void getDistributionConfig_albWithAllViewerAndAnS3Behavior() throws Exception {
        DistributionPlan plan = planner.plan(load("get-distribution-config.json"), PolicyCatalog.empty());

        OriginPlan alb = plan.origins().get(0);
        assertThat(alb.targets()).extracting(ProbeTarget::hostHeader).containsExactly("example.com", "www.example.com");
        assertThat(alb.targets()).allSatisfy(t -> assertThat(t.customHeaders()).hasSize(1));
        OriginPlan s3 = plan.origins().get(1);
        assertThat(s3.targets()).extracting(ProbeTarget::scheme, ProbeTarget::port, ProbeTarget::requestPath,
                ProbeTarget::tlsVersions).containsExactly(tuple(Scheme.HTTPS, 443, "/static/",
                List.of(TlsVersion.TLSV1_2)), tuple(Scheme.HTTP, 80, "/static/", List.of()))
                .as("/static/* is allow-all: HTTP viewers reach S3 over HTTP");
        assertThat(s3.problems()).extracting(Problem::code).containsExactly(FindingCode.HOST_MAY_BE_REWRITTEN);
    }

    @Test
    void bareConfig_s3WebsiteEndpointIsPlainHttpOnPort80() throws Exception {
        DistributionPlan plan = planner.plan(load("bare-distribution-config.json"), PolicyCatalog.empty());

        assertThat(plan.origins().getFirst().targets()).extracting(ProbeTarget::scheme, ProbeTarget::port,
                ProbeTarget::hostHeader).containsExactly(tuple(Scheme.HTTP, 80,
                "blog-example-net.s3-website-eu-west-1.amazonaws.com"));
    }
}
