package dev.cfoc.lambda;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.testing.LocalAws;
import dev.cfoc.testing.LocalWorld;
import dev.cfoc.testing.PerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.cfoc.testing.LocalWorld.CHANGED_POLICY_ID;
import static dev.cfoc.testing.LocalWorld.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The whole function when SNS accepts connections and never answers: metrics and the run's summary are written
 * before publishing starts (so a run Lambda kills still has them), publishing fails within the SNS client's call
 * timeout, and the invocation fails loudly. (A class of its own: the silent server answers the abandoned requests a
 * minute later, which would show up in other tests' request journals.)
 */
class SilentSnsRunIT {

    @RegisterExtension
    static final WireMockExtension api = LocalWorld.wireMock();

    @RegisterExtension
    static final PerClass<LocalWorld> world = PerClass.of(LocalWorld::start);

    private final RecordingContext context = new RecordingContext();

    @Test
    void metricsAreWrittenBeforePublishing_andTheInvocationFailsWithinTheCallTimeout() {
        world.get().stubGetDistribution(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        LocalWorld.stubSnsPublishHanging(api);
        var options = LocalAws.options(api.baseUrl());
        var clients = new AwsClientProvider(options, options.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)),
                AwsClientOptions.defaults());
        List<String> metrics = new CopyOnWriteArrayList<>();
        List<Integer> publishRequestsWhenMetricsWereWritten = new CopyOnWriteArrayList<>();
        var service = new CheckService(LambdaSettings.fromEnvironment(Map.of(LambdaSettings.TOPIC_ARN, TOPIC.value(),
                LambdaSettings.TRUST_ANCHORS, world.get().rootPem.toString())), clients,
                HostResolver.fixed(Map.of("localhost", "127.0.0.1")), Clock.systemUTC(), line -> {
                    publishRequestsWhenMetricsWereWritten.add(LocalWorld.publishRequests(api).size());
                    metrics.add(line);
                });
        var handler = new CheckHandler(service, Clock.systemUTC());

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> handler.handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("events/manual.json"))),
                new ByteArrayOutputStream(), context)).isInstanceOf(PublishFailedException.class));

        assertThat(metrics).isNotEmpty();
        assertThat(publishRequestsWhenMetricsWereWritten).containsOnly(0);
        String log = context.log();
        assertThat(log.indexOf("\"run checked\"")).as(log).isNotNegative()
                .isLessThan(log.indexOf("findings could not be published to SNS"));
        assertThat(log).contains("invocation failed: PublishFailedException: Could not publish 1 of 1 SNS message(s)");
    }
}
