package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.aws.SnsFindingPublisher;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Publication: every finding of the report to the log, then one SNS message per distribution with findings at or
 * above MIN_SEVERITY (when TOPIC_ARN is set), within the invocation's remaining time less
 * {@link #RESERVE_AFTER_PUBLISHING}. A failure to publish is returned, not thrown: what it costs depends on the
 * trigger ({@link CheckService}).
 */
final class PublicationStep {

    /**
     * @param failure SNS refused some messages; {@code messages} holds those it took
     */
    record Published(List<DistributionAlert> alerts, List<PublishedMessage> messages,
                     Optional<PublishFailedException> failure) {
        Published {
            alerts = List.copyOf(alerts);
            messages = List.copyOf(messages);
        }
    }

    private final LambdaSettings settings;
    private final AwsClientProvider clients;
    private final AlertBuilder alerts;

    PublicationStep(LambdaSettings settings, AwsClientProvider clients) {
        this.settings = settings;
        this.clients = clients;
        this.alerts = new AlertBuilder(settings.minSeverity());
    }

    Published publish(Report report, RunContext run) {
        run.runLog().findings(report);
        run.runLog().notChecked(report);
        List<DistributionAlert> alerting = alerts.alerts(report);
        try {
            return new Published(alerting, send(alerting, run), Optional.empty());
        } catch (PublishFailedException e) {
            return new Published(alerting, e.published(), Optional.of(e));
        }
    }

    /**
     * So that no finding is lost when SNS failed: what was published, the failure, and each alerting finding of the
     * {@code affected} distributions, logged with its fix and reproduce command.
     */
    void logUnpublished(Report report, PublishFailedException e, Predicate<DistributionReport> affected,
                        String consequence, RunContext run) {
        run.runLog().unpublished(report, e, alerts, affected, consequence);
    }

    /**
     * Decision: publishing stops this long before the invocation ends, so that the findings it could not publish are
     * still logged and the invocation fails on its own terms instead of being killed.
     */
    static final Duration RESERVE_AFTER_PUBLISHING = Duration.ofSeconds(5);

    /** @throws PublishFailedException when some alerts could not be published (the rest were) */
    private List<PublishedMessage> send(List<DistributionAlert> alerting, RunContext run) {
        if (alerting.isEmpty()) {
            return List.of();
        }
        if (settings.topicArn().isEmpty()) {
            run.log().info(alerting.size() + " distribution(s) have findings at or above " + settings.minSeverity()
                    + "; TOPIC_ARN is not set, nothing published");
            return List.of();
        }
        TopicArn topic = settings.topicArn().get();
        Optional<Duration> budget = run.invocationDeadline().remaining()
                .map(left -> left.compareTo(RESERVE_AFTER_PUBLISHING) > 0 ? left.minus(RESERVE_AFTER_PUBLISHING)
                        : Duration.ZERO);
        List<PublishedMessage> published = new SnsFindingPublisher(clients.sns(topic.region()), topic)
                .publish(alerting, budget);
        run.runLog().published(published);
        return published;
    }
}
