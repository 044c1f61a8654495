package dev.cfoc.lambda;

import dev.cfoc.aws.DistributionAlert;
import dev.cfoc.aws.PublishFailedException;
import dev.cfoc.aws.PublishFailure;
import dev.cfoc.aws.PublishedMessage;
import dev.cfoc.aws.SnsFindingPublisher;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.Decision;
import dev.cfoc.state.StateStoreException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Publication: every finding of the report to the log, then SNS (when TOPIC_ARN is set), within the invocation's
 * remaining time less {@link #RESERVE_AFTER_PUBLISHING}. Without alert state, one message per distribution with
 * findings at or above MIN_SEVERITY. With it, one message per transition the alert state step decided, each claimed
 * before it is published and recorded only once SNS accepted it ({@link AlertLedger}); a failed publish releases the
 * claim, leaving the state as it was. A failure to publish is returned, not thrown: what it costs depends on the
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

    /** Without alert state. */
    Published publish(Report report, RunContext run) {
        return publish(report, AlertStateStep.Decided.off(), run);
    }

    Published publish(Report report, AlertStateStep.Decided decided, RunContext run) {
        run.runLog().findings(report);
        run.runLog().notChecked(report);
        if (decided.ledger().isPresent()) {
            return publishTransitions(report, decided, decided.ledger().get(), run);
        }
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

    private Published publishTransitions(Report report, AlertStateStep.Decided decided, AlertLedger ledger,
                                         RunContext run) {
        decided.decisions().stream().filter(d -> d.transition().isEmpty())
                .forEach(d -> record(() -> ledger.record(d), d, run));
        List<AlertBuilder.TransitionAlert> transitions = alerts.alerts(report, decided.decisions(), decided.history());
        List<PublishedMessage> published = new ArrayList<>();
        List<PublishFailure> failures = new ArrayList<>();
        for (AlertBuilder.TransitionAlert transition : transitions) {
            Decision decision = transition.decision();
            Optional<AlertLedger.Claimed> claimed;
            try {
                claimed = ledger.claim(decision);
            } catch (StateStoreException e) {
                run.runLog().notRecorded(decision, "the claim failed, published anyway: " + e.getMessage());
                sendOne(transition.alert(), published, failures, run);
                continue;
            }
            if (claimed.isEmpty()) {
                run.runLog().notRecorded(decision, "another run changed it since it was read; that run publishes");
                continue;
            }
            AlertLedger.Claimed claim = claimed.get();
            if (sendOne(transition.alert(), published, failures, run)) {
                record(() -> ledger.commit(claim), decision, run);
            } else {
                record(() -> ledger.release(claim), decision, run);
            }
        }
        List<DistributionAlert> sent = transitions.stream().map(AlertBuilder.TransitionAlert::alert).toList();
        Optional<PublishFailedException> failure = failures.isEmpty() ? Optional.empty()
                : Optional.of(new PublishFailedException(settings.topicArn().map(TopicArn::value).orElse("(none)"),
                failures, published));
        return new Published(sent, published, failure);
    }

    @FunctionalInterface
    private interface StateWrite {
        boolean write();
    }

    /** A write of the state that may lose to another run, or fail: logged, never fatal (the next run decides again). */
    private static void record(StateWrite write, Decision decision, RunContext run) {
        try {
            if (!write.write() && decision.writes()) {
                run.runLog().notRecorded(decision, "another run wrote it first");
            }
        } catch (StateStoreException e) {
            run.runLog().notRecorded(decision, e.getMessage());
        }
    }

    /** Sends one alert, adding what SNS took to {@code published} and what it refused to {@code failures}. */
    private boolean sendOne(DistributionAlert alert, List<PublishedMessage> published, List<PublishFailure> failures,
                            RunContext run) {
        try {
            published.addAll(send(List.of(alert), run));
            return true;
        } catch (PublishFailedException failed) {
            published.addAll(failed.published());
            failures.addAll(failed.failures());
            return false;
        }
    }

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
