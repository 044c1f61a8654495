package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfoc.testing.LocalWorld;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.Report;
import dev.cfoc.state.AlertHistory;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.Decision;
import dev.cfoc.state.FileStateStore;
import dev.cfoc.state.ReportObservations;
import dev.cfoc.state.Transitions;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

/** The publication step alone: a hand-built report, SNS's Query API on WireMock. */
class PublicationStepIT {

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    private final RecordedRun run = new RecordedRun();
    private final Report report = SampleReports.threeOrigins();

    private PublicationStep step(LambdaSettings settings) {
        return new PublicationStep(settings, LocalWorld.clients(api));
    }

    @Test
    void everyFindingIsLogged_andTheDistributionIsPublishedOnce() {
        LocalWorld.stubSnsPublishAccepted(api);

        PublicationStep.Published published = step(LambdaSettings.defaults().withTopicArn(TOPIC))
                .publish(report, run.context());

        assertThat(published.failure()).isEmpty();
        assertThat(published.alerts()).singleElement().satisfies(a -> assertThat(a.codes())
                .containsExactly("CERT_EXPIRED", "CERT_EXPIRING_SOON"));
        assertThat(published.messages()).hasSize(1);
        List<Map<String, String>> requests = LocalWorld.publishRequests(api);
        assertThat(requests).singleElement().satisfies(m -> assertThat(LocalWorld.attributes(m))
                .containsEntry("distributionId", SampleReports.DISTRIBUTION_ID).containsEntry("severity", "ERROR"));
        assertThat(run.messages()).containsExactly("finding: leaf expires in 9 days",
                "finding: leaf expired 3 days ago", "findings published");
        assertThat(run.line("finding: leaf expired 3 days ago").get("level").asText()).isEqualTo("ERROR");
    }

    @Test
    void findingsBelowMinSeverity_areLoggedButNotPublished() {
        var settings = LambdaSettings.fromEnvironment(Map.of(LambdaSettings.TOPIC_ARN, TOPIC.value(),
                LambdaSettings.MIN_SEVERITY, Severity.ERROR.name()));
        LocalWorld.stubSnsPublishAccepted(api);

        PublicationStep.Published published = step(settings).publish(report, run.context());

        assertThat(published.alerts()).singleElement().satisfies(a -> assertThat(a.codes())
                .containsExactly("CERT_EXPIRED"));
        assertThat(run.messages()).contains("finding: leaf expires in 9 days");
    }

    @Test
    void withAlertState_aTransitionWhoseClaimTheStoreRefuses_isPublishedAnyway_andTheLogSaysSo(@TempDir Path dir)
            throws Exception {
        // given: the NEW transition decided on a readable store, then a store that cannot be written (its directory
        // is a file), as a table that answers reads and fails writes
        LocalWorld.stubSnsPublishAccepted(api);
        Clock clock = Clock.fixed(report.generatedAt(), ZoneOffset.UTC);
        var transitions = new Transitions(Transitions.DEFAULT_REMIND_AFTER);
        List<Decision> decisions = new AlertLedger(new FileStateStore(dir.resolve("state.json")), transitions, clock)
                .decide(ReportObservations.of(report, LambdaSettings.DEFAULT_MIN_SEVERITY, report.generatedAt()));
        Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");
        var unwritable = new AlertLedger(new FileStateStore(notADirectory.resolve("state.json")), transitions, clock);

        PublicationStep.Published published = step(LambdaSettings.defaults().withTopicArn(TOPIC)).publish(report,
                new AlertStateStep.Decided(Optional.of(unwritable), decisions, new AlertHistory(decisions)),
                run.context());

        // then: a repeated message rather than a lost one
        assertThat(published.failure()).isEmpty();
        assertThat(published.messages()).singleElement()
                .satisfies(m -> assertThat(m.distributionId()).isEqualTo(SampleReports.DISTRIBUTION_ID));
        assertThat(LocalWorld.publishRequests(api)).singleElement().satisfies(m -> assertThat(LocalWorld.attributes(m))
                .containsEntry("distributionId", SampleReports.DISTRIBUTION_ID).containsEntry("transition", "NEW"));
        JsonNode notRecorded = run.line("alert state not recorded: the claim failed, published anyway");
        assertThat(notRecorded.get("distributionId").asText()).isEqualTo(SampleReports.DISTRIBUTION_ID);
        assertThat(notRecorded.get("transition").asText()).isEqualTo("NEW");
    }

    @Test
    void withoutATopic_nothingIsPublished_andTheLogSaysWhy() {
        PublicationStep.Published published = step(LambdaSettings.defaults()).publish(report, run.context());

        assertThat(published.alerts()).hasSize(1);
        assertThat(published.messages()).isEmpty();
        assertThat(published.failure()).isEmpty();
        assertThat(run.messages()).contains("1 distribution(s) have findings at or above WARNING; TOPIC_ARN is not "
                + "set, nothing published");
        assertThat(LocalWorld.publishRequests(api)).isEmpty();
    }

    @Test
    void snsRefusing_isReturnedNotThrown_andTheUnpublishedFindingsCanBeLogged() {
        LocalWorld.stubSnsPublishDenied(api);
        PublicationStep step = step(LambdaSettings.defaults().withTopicArn(TOPIC));

        PublicationStep.Published published = step.publish(report, run.context());

        assertThat(published.messages()).isEmpty();
        assertThat(published.failure()).hasValueSatisfying(e -> assertThat(e.getMessage())
                .contains("AuthorizationError"));
        step.logUnpublished(report, published.failure().orElseThrow(), d -> true, "what it costs", run.context());
        assertThat(run.line("findings could not be published to SNS; what it costs").get("level").asText())
                .isEqualTo("ERROR");
        assertThat(run.messages()).contains("unpublished finding: leaf expired 3 days ago",
                "unpublished finding: leaf expires in 9 days");
    }
}
