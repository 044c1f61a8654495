package dev.cfoc.lambda;

import dev.cfoc.testing.LocalWorld;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.SourcedDistribution;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.OTHER_DISTRIBUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** Intake alone: the trigger's distributions from the CloudFront API (WireMock), and the skips it logs. */
class IntakeStepIT {

    private static final String DISABLED_ID = "E1DISABLED0001";

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    private final RecordedRun run = new RecordedRun();

    private SourceResult select(LambdaSettings settings, Trigger trigger) {
        var clients = LocalWorld.clients(api);
        return new IntakeStep(settings, clients).select(trigger, new ContinuousDeployments(clients.cloudFront()),
                run.context());
    }

    private static List<String> ids(SourceResult selected) {
        return selected.distributions().stream().map(SourcedDistribution::id).toList();
    }

    @Test
    void schedule_selectsEveryDistributionOfTheAccount() {
        world.get().stubListDistributions(api);

        SourceResult selected = select(LambdaSettings.defaults(), new Trigger.Scheduled());

        assertThat(ids(selected)).containsExactly(DISTRIBUTION_ID, OTHER_DISTRIBUTION_ID);
        assertThat(selected.unavailable()).isEmpty();
        assertThat(run.messages()).isEmpty();
    }

    @Test
    void changedDistribution_isReadAlone() {
        world.get().stubGetDistribution(api, LocalWorld.CHANGED_POLICY_ID);

        SourceResult selected = select(LambdaSettings.defaults(),
                new Trigger.DistributionChanged(DISTRIBUTION_ID, "UpdateDistribution"));

        assertThat(ids(selected)).containsExactly(DISTRIBUTION_ID);
        api.verify(0, getRequestedFor(urlPathEqualTo("/2020-05-31/distribution")));
    }

    @Test
    void disabledDistribution_isSkipped_andTheSkipIsLoggedWithHowToIncludeIt() {
        api.stubFor(get(urlEqualTo("/2020-05-31/distribution/" + DISABLED_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withHeader("ETag", "E2DISABLEDETAG")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution "
                        + "xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>" + DISABLED_ID + "</Id>"
                        + "<Status>Deployed</Status><DomainName>d2disabled.cloudfront.net</DomainName>"
                        + "<DistributionConfig><CallerReference>old</CallerReference><Comment></Comment>"
                        + "<Enabled>false</Enabled></DistributionConfig></Distribution>")));

        SourceResult selected = select(LambdaSettings.defaults(),
                new Trigger.DistributionChanged(DISABLED_ID, "UpdateDistribution"));

        assertThat(selected.distributions()).isEmpty();
        assertThat(selected.skippedDisabled()).containsExactly(DISABLED_ID);
        assertThat(run.line("distribution skipped: disabled").get("message").asText())
                .contains("set INCLUDE_DISABLED=true");
        assertThat(run.line("distribution skipped: disabled").get("distributionId").asText()).isEqualTo(DISABLED_ID);
    }
}
