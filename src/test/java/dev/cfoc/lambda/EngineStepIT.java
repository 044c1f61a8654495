package dev.cfoc.lambda;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.LocalWorld;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.PolicyKind;
import dev.cfoc.aws.PolicyResult;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.aws.UnavailablePolicy;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;
import dev.cfoc.source.ApiDistributions;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.DISTRIBUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine step alone: the distribution of the CloudFront stub (WireMock) probed on its real TLS origins, the
 * findings about what could not be read added, the run's probe deadline obeyed.
 */
class EngineStepIT {

    private static final String MISSING_ID = "E3MISSING00001";

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    private static EngineStep step() throws Exception {
        return new EngineStep(LoopbackOrigins.engine().addRootsFrom(world.get().rootPem)
                .resolver(HostResolver.fixed(Map.of("localhost", "127.0.0.1"))).build());
    }

    /** The main distribution (its origin request policy unreadable) and one the API could not give. */
    private static SourcesStep.Sourced sourced() {
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        SourceResult read = new CloudFrontDistributionSource(LocalWorld.clients(api).cloudFront())
                .byIds(List.of(DISTRIBUTION_ID), false);
        ApiDistributions.Loaded loaded = ApiDistributions.load(new SourceResult(read.distributions(),
                List.of(new Unavailable(MISSING_ID, "NoSuchDistribution")), List.of()));
        PolicyResult policies = new PolicyResult(Map.of(), Map.of(), List.of(new UnavailablePolicy(
                PolicyKind.ORIGIN_REQUEST, CHANGED_POLICY_ID, "AccessDenied")));
        return new SourcesStep.Sourced(loaded.distributions(), policies, loaded.unread(), List.of(), Optional.empty());
    }

    private static List<FindingCode> codes(DistributionReport distribution) {
        return distribution.allFindings().map(Finding::code).toList();
    }

    @Test
    void checksTheSourcedDistributions_thenAddsWhatCouldNotBeRead() throws Exception {
        Report report = step().check(sourced(), new RecordedRun().context());

        assertThat(report.distributions()).extracting(DistributionReport::label).containsExactly(DISTRIBUTION_ID,
                MISSING_ID);
        DistributionReport checked = report.distributions().getFirst();
        assertThat(checked.findings()).extracting(Finding::code).containsExactly(FindingCode.POLICY_UNRESOLVED);
        assertThat(codes(checked)).contains(FindingCode.CERT_EXPIRED);
        assertThat(codes(report.distributions().get(1))).containsExactly(FindingCode.SOURCE_UNAVAILABLE);
        assertThat(report.summary().distributions()).isEqualTo(2);
        assertThat(report.trustAnchors().addedRoots()).hasSize(1);
    }

    @Test
    void probesThatCannotFinishBeforeTheRunsDeadline_areNotStarted() throws Exception {
        var run = new RecordedRun(Instant.now(), Deadline.after(Duration.ZERO));

        Report report = step().check(sourced(), run.context());

        DistributionReport checked = report.distributions().getFirst();
        assertThat(codes(checked)).contains(FindingCode.NOT_CHECKED_DEADLINE).doesNotContain(FindingCode.CERT_EXPIRED);
    }
}
