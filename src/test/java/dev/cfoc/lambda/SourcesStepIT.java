package dev.cfoc.lambda;

import dev.cfoc.testing.LocalWorld;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.testing.LocalSqs;
import dev.cfoc.aws.PolicyKind;
import dev.cfoc.aws.QueueUrl;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.config.Distribution;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static dev.cfoc.testing.LocalWorld.OTHER_DISTRIBUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sources alone, given what intake read from WireMock: loading, the changed-policy filter, custom policies read once,
 * and a fan-out run queueing to ElasticMQ instead of checking.
 */
class SourcesStepIT {

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    @RegisterExtension
    static final PerClass<LocalSqs> sqs = PerClass.of(dir -> LocalSqs.start());

    private final RecordedRun run = new RecordedRun();

    /** Both distributions of the account, as intake reads them for a schedule or a policy change. */
    private SourceResult listed() {
        world.get().stubListDistributions(api);
        return new CloudFrontDistributionSource(LocalWorld.clients(api).cloudFront()).all(false);
    }

    private SourcesStep sources(LambdaSettings settings) {
        return new SourcesStep(settings, LocalWorld.clients(api, sqs.get().options()));
    }

    /** The run's continuous deployment lookups, as the pipeline gives them to intake and sources. */
    private static ContinuousDeployments deployments() {
        return new ContinuousDeployments(LocalWorld.clients(api).cloudFront());
    }

    private static List<String> ids(SourcesStep.Sourced sourced) {
        return sourced.distributions().stream().map(d -> d.id().orElseThrow()).toList();
    }

    @Test
    void changedPolicy_keepsTheDistributionsThatUseIt_andReadsThePolicyOnce() {
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        var change = new Trigger.PolicyChanged(Trigger.PolicyKind.ORIGIN_REQUEST_POLICY, CHANGED_POLICY_ID,
                "UpdateOriginRequestPolicy");

        SourcesStep.Sourced sourced = sources(LambdaSettings.defaults()).load(change, listed(), deployments(),
                run.context());

        assertThat(ids(sourced)).containsExactly(DISTRIBUTION_ID);
        assertThat(sourced.policies().originRequestPolicies()).containsOnlyKeys(CHANGED_POLICY_ID);
        api.verify(1, getRequestedFor(urlEqualTo("/2020-05-31/origin-request-policy/" + CHANGED_POLICY_ID)));
        assertThat(run.line("1 distribution(s) use the changed policy").get("policyId").asText())
                .isEqualTo(CHANGED_POLICY_ID);
        assertThat(sourced.unread()).isEmpty();
        assertThat(sourced.notes()).isEmpty();
        assertThat(sourced.fanOut()).isEmpty();
    }

    @Test
    void changedPolicy_withFanOutOn_queuesItsDistributionsLikeASchedule() {
        QueueUrl queue = sqs.get().createQueue("policy-" + System.nanoTime(), Map.of());
        var settings = LambdaSettings.defaults().withFanOut(new FanOutSettings(queue, 1));
        var change = new Trigger.PolicyChanged(Trigger.PolicyKind.ORIGIN_REQUEST_POLICY, CHANGED_POLICY_ID,
                "UpdateOriginRequestPolicy");

        SourcesStep.Sourced sourced = sources(settings).load(change, listed(), deployments(), run.context());

        assertThat(sourced.distributions()).as("checked when SQS delivers them").isEmpty();
        assertThat(sourced.fanOut()).hasValueSatisfying(f -> assertThat(f.distributions()).isEqualTo(1));
        assertThat(sqs.get().client().receiveMessage(r -> r.queueUrl(queue.value()).maxNumberOfMessages(10))
                .messages()).extracting(Message::body).containsExactly("{\"distributionIds\":[\"" + DISTRIBUTION_ID
                + "\"]}");
    }

    @Test
    void stagingDistribution_getsItsPrimarysNames_foundThroughTheContinuousDeploymentPolicy() {
        world.get().stubStaging(api);
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        SourceResult listed = new CloudFrontDistributionSource(LocalWorld.clients(api).cloudFront()).all(false);

        SourcesStep.Sourced sourced = sources(LambdaSettings.defaults()).load(new Trigger.Scheduled(), listed,
                deployments(), run.context());

        var staging = sourced.distributions().stream().filter(d -> d.id().orElseThrow().equals(LocalWorld.STAGING_ID))
                .findFirst().orElseThrow();
        assertThat(staging.staging()).isTrue();
        assertThat(staging.viewerNames()).hasValueSatisfying(names -> {
            assertThat(names.hosts()).containsExactly("www.example.com");
            assertThat(names.reason()).contains(DISTRIBUTION_ID);
        });
        assertThat(sourced.distributions()).filteredOn(d -> !d.staging())
                .allSatisfy(d -> assertThat(d.viewerNames()).isEmpty());
    }

    @Test
    void unreadableDistributionsAndPolicies_areLogged_andKeptForTheReport() {
        LocalWorld.stubCloudFrontError(api, "/origin-request-policy/" + CHANGED_POLICY_ID, 403,
                "AccessDenied", "User is not authorized to perform: cloudfront:GetOriginRequestPolicy");
        SourceResult listed = listed();
        SourceResult withAMissingOne = new SourceResult(listed.distributions(),
                List.of(new Unavailable("E3MISSING00001", "NoSuchDistribution: The specified distribution does not exist.")),
                List.of());

        SourcesStep.Sourced sourced = sources(LambdaSettings.defaults())
                .load(new Trigger.Manual(List.of(), true), withAMissingOne, deployments(), run.context());

        assertThat(ids(sourced)).containsExactly(DISTRIBUTION_ID, OTHER_DISTRIBUTION_ID);
        assertThat(sourced.unread()).singleElement().satisfies(d -> assertThat(d.label()).isEqualTo("E3MISSING00001"));
        assertThat(run.line("distribution could not be checked").get("code").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(sourced.policies().unavailable()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PolicyKind.ORIGIN_REQUEST);
            assertThat(p.id()).isEqualTo(CHANGED_POLICY_ID);
        });
        assertThat(run.line("policy could not be read").get("reason").asText()).contains("AccessDenied");
    }

    @Test
    void fanOutRun_queuesTheDistributionsInsteadOfCheckingThem_andSaysSoInANote() {
        QueueUrl queue = sqs.get().createQueue("sources-" + System.nanoTime(), Map.of());
        var settings = LambdaSettings.defaults().withFanOut(new FanOutSettings(queue, 2));

        SourcesStep.Sourced sourced = sources(settings).load(new Trigger.Scheduled(), listed(), deployments(),
                run.context());

        assertThat(sourced.distributions()).as("checked when SQS delivers them").isEmpty();
        assertThat(sourced.fanOut()).hasValueSatisfying(f -> {
            assertThat(f.complete()).isTrue();
            assertThat(f.messages()).isEqualTo(1);
        });
        assertThat(sourced.notes()).containsExactly("fan-out: 2 of 2 distribution(s) queued in 1 message(s) to "
                + queue.name() + "; each is checked and published when SQS delivers it");
        List<Message> received = new ArrayList<>(sqs.get().client()
                .receiveMessage(r -> r.queueUrl(queue.value()).maxNumberOfMessages(10)).messages());
        assertThat(received).extracting(Message::body).containsExactly(
                "{\"distributionIds\":[\"" + DISTRIBUTION_ID + "\",\"" + OTHER_DISTRIBUTION_ID + "\"]}");
        assertThat(run.line("fan-out: distributions queued").get("messages").asText()).isEqualTo("1");
    }

    @Test
    void distributionChange_withFanOutOn_isCheckedHere() {
        QueueUrl queue = sqs.get().createQueue("sources-" + System.nanoTime(), Map.of());
        world.get().stubGetDistribution(api, LocalWorld.MANAGED_CORS_CUSTOM_ORIGIN);
        SourceResult one = new CloudFrontDistributionSource(LocalWorld.clients(api).cloudFront())
                .byIds(List.of(DISTRIBUTION_ID), false);

        SourcesStep.Sourced sourced = sources(LambdaSettings.defaults().withFanOut(new FanOutSettings(queue, 1)))
                .load(new Trigger.DistributionChanged(DISTRIBUTION_ID, "UpdateDistribution"), one, deployments(),
                        run.context());

        assertThat(ids(sourced)).containsExactly(DISTRIBUTION_ID);
        assertThat(sourced.fanOut()).isEqualTo(Optional.empty());
        assertThat(sqs.get().depth(queue)).isZero();
        assertThat(sourced.distributions()).extracting(Distribution::source).containsOnly(CheckService.SOURCE);
    }
}
