package dev.cfoc.aws;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.testing.CloudFrontXml;
import dev.cfoc.testing.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudFront calls behind change events, against WireMock serving CloudFront's REST-XML: who uses a policy
 * (paged), a tenant's parent and domains, a continuous deployment policy's staging names and a staging
 * distribution's primary.
 */
class ChangeEventLookupsIT {

    private static final String API = "/2020-05-31";
    private static final String POLICY = "1d3c5e7a-9b2f-4d6e-8a0c-2e4f6a8b0c1d";
    private static final String CD_POLICY = "2e4b6d8f-0a1c-4e3f-9b5d-7c9e1f3a5b7d";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(LocalAws.loopbackServer()).build();

    private CloudFrontClient client;

    @BeforeEach
    void createClient() {
        client = LocalAws.cloudFront(api.baseUrl());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static ResponseDefinitionBuilder distribution(String id, String extraConfig) {
        return xml(CloudFrontXml.distribution(id, "ref-" + id, CloudFrontXml.aliases("www.example.com")
                + CloudFrontXml.origins(CloudFrontXml.httpsOrigin("web", "origin.example.net", 443, false))
                + CloudFrontXml.defaultCacheBehavior("web", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", POLICY)
                + "<Comment></Comment><Enabled>true</Enabled>" + extraConfig)).withHeader("ETag", "E1" + id);
    }

    @Test
    void byPolicy_followsTheIdListsPages_andReadsOnlyThoseDistributions() {
        String path = API + "/distributionsByOriginRequestPolicyId/" + POLICY;
        api.stubFor(get(urlPathEqualTo(path)).withQueryParam("Marker", absent()).willReturn(xml(
                CloudFrontXml.distributionIdList("E1FIRST").replace("<IsTruncated>false</IsTruncated>",
                        "<NextMarker>E1FIRST</NextMarker><IsTruncated>true</IsTruncated>"))));
        api.stubFor(get(urlPathEqualTo(path)).withQueryParam("Marker", equalTo("E1FIRST"))
                .willReturn(xml(CloudFrontXml.distributionIdList("E2SECOND"))));
        api.stubFor(get(urlEqualTo(API + "/distribution/E1FIRST")).willReturn(distribution("E1FIRST", "")));
        api.stubFor(get(urlEqualTo(API + "/distribution/E2SECOND")).willReturn(distribution("E2SECOND", "")));

        SourceResult users = new CloudFrontDistributionSource(client).byPolicy(PolicyKind.ORIGIN_REQUEST, POLICY, false);

        assertThat(users.distributions()).extracting(SourcedDistribution::id).containsExactly("E1FIRST", "E2SECOND");
        assertThat(users.unavailable()).isEmpty();
        api.verify(0, getRequestedFor(urlPathEqualTo(API + "/distribution")));
    }

    @Test
    void byPolicy_whenTheListingFails_saysWhereItStopped() {
        api.stubFor(get(urlPathEqualTo(API + "/distributionsByCachePolicyId/" + POLICY)).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "text/xml").withBody(CloudFrontXml.error("Sender",
                        "AccessDenied", "not authorized to perform: cloudfront:ListDistributionsByCachePolicyId"))));

        SourceResult users = new CloudFrontDistributionSource(client).byPolicy(PolicyKind.CACHE, POLICY, false);

        assertThat(users.distributions()).isEmpty();
        assertThat(users.unavailable()).singleElement().satisfies(u -> {
            assertThat(u.isListingFailure()).isTrue();
            assertThat(u.reason()).contains("ListDistributionsByCachePolicyId", "page 1", "AccessDenied");
        });
    }

    @Test
    void tenant_givesItsParentAndDomains() {
        api.stubFor(get(urlEqualTo(API + "/distribution-tenant/dt_1")).willReturn(xml(
                CloudFrontXml.distributionTenant("dt_1", "E2QWRUHAPOMQZL", "tenant-a.example.net", "b.example.net"))));

        assertThat(new DistributionTenants(client).read("dt_1")).isEqualTo(new DistributionTenants.Lookup.Found(
                new DistributionTenants.Tenant("dt_1", "E2QWRUHAPOMQZL", List.of("tenant-a.example.net",
                        "b.example.net"))));
    }

    @Test
    void tenantThatCannotBeRead_isAFailureWithTheApisReason() {
        api.stubFor(get(urlEqualTo(API + "/distribution-tenant/dt_gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/xml").withBody(CloudFrontXml.error("Sender", "EntityNotFound",
                        "The distribution tenant does not exist."))));

        assertThat(new DistributionTenants(client).read("dt_gone")).isInstanceOfSatisfying(
                DistributionTenants.Lookup.Failed.class, f -> assertThat(f.reason()).contains("EntityNotFound"));
    }

    @Test
    void stagingPrimary_isTheDistributionWhosePolicyNamesIt_readingTheLikeliestCandidateFirst() {
        String stagingOrigin = "origin.example.net";
        api.stubFor(get(urlPathEqualTo(API + "/distribution")).willReturn(xml(CloudFrontXml.distributionList("", null,
                false,
                CloudFrontXml.summary("E3UNRELATED", "d3.cloudfront.net", CloudFrontXml.aliases("other.example.com")
                        + CloudFrontXml.origins(CloudFrontXml.httpsOrigin("x", "elsewhere.example.net", 443, false))
                        + CloudFrontXml.summaryTail()),
                CloudFrontXml.summary("E2PRIMARY", "d2.cloudfront.net", CloudFrontXml.aliases("www.example.com")
                        + CloudFrontXml.origins(CloudFrontXml.httpsOrigin("web", stagingOrigin, 443, false))
                        + CloudFrontXml.summaryTail())))));
        api.stubFor(get(urlEqualTo(API + "/distribution/E2PRIMARY")).willReturn(distribution("E2PRIMARY",
                "<ContinuousDeploymentPolicyId>" + CD_POLICY + "</ContinuousDeploymentPolicyId>")));
        api.stubFor(get(urlEqualTo(API + "/continuous-deployment-policy/" + CD_POLICY))
                .willReturn(xml(CloudFrontXml.continuousDeploymentPolicy(CD_POLICY, "d4staging.cloudfront.net"))));
        var deployments = new ContinuousDeployments(client);

        var primary = deployments.primaryOf("d4staging.cloudfront.net", List.of(stagingOrigin));

        assertThat(primary).isEqualTo(new ContinuousDeployments.Found.Value<>(new ContinuousDeployments.Primary(
                "E2PRIMARY", "d2.cloudfront.net", List.of("www.example.com"))));
        assertThat(deployments.stagingDomainNames(CD_POLICY))
                .isEqualTo(new ContinuousDeployments.Found.Value<>(Set.of("d4staging.cloudfront.net")));
        api.verify(0, getRequestedFor(urlEqualTo(API + "/distribution/E3UNRELATED")));
        api.verify(1, getRequestedFor(urlEqualTo(API + "/continuous-deployment-policy/" + CD_POLICY)));
    }

    @Test
    void stagingWithoutAPrimary_saysSo() {
        api.stubFor(get(urlPathEqualTo(API + "/distribution")).willReturn(xml(CloudFrontXml.distributionList("", null,
                false))));

        assertThat(new ContinuousDeployments(client).primaryOf("d4staging.cloudfront.net", List.of()))
                .isInstanceOfSatisfying(ContinuousDeployments.Found.Missing.class,
                        m -> assertThat(m.reason()).contains("d4staging.cloudfront.net"));
    }
}
