package dev.cfoc.lambda;

import dev.cfoc.aws.DynamoDbStateStore;
import dev.cfoc.report.FindingHistory;
import dev.cfoc.report.Report;
import dev.cfoc.state.AlertHistory;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.Decision;
import dev.cfoc.state.ReportObservations;
import dev.cfoc.state.StateStoreException;
import dev.cfoc.state.Transitions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Alert state (with STATE_TABLE): each distribution's findings compared with what the table remembers, deciding which
 * transition (NEW, CHANGED, REMINDER, RESOLVED) publication sends. Nothing is written here. Decision: when the table
 * cannot be read, the run publishes as without state (a repeated message rather than a lost one), and logs why.
 */
final class AlertStateStep {

    /**
     * What the run decided.
     *
     * @param ledger    how publication claims and records each decision; empty without alert state
     * @param decisions one per distribution of the report, and one for the findings about the run
     * @param history   what the renderers mark (first seen, new, resolved)
     */
    record Decided(Optional<AlertLedger> ledger, List<Decision> decisions, FindingHistory history) {
        Decided {
            decisions = List.copyOf(decisions);
        }

        static Decided off() {
            return new Decided(Optional.empty(), List.of(), FindingHistory.NONE);
        }
    }

    private final LambdaSettings settings;
    private final AwsClientProvider clients;
    private final Clock clock;

    AlertStateStep(LambdaSettings settings, AwsClientProvider clients, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
    }

    Decided decide(Report report, RunContext run) {
        if (settings.alertState().isEmpty()) {
            return Decided.off();
        }
        AlertStateSettings state = settings.alertState().get();
        var ledger = new AlertLedger(new DynamoDbStateStore(clients.dynamoDb(), state.table(), clock),
                new Transitions(state.remindAfter()), clock);
        List<Decision> decisions;
        try {
            decisions = ledger.decide(ReportObservations.of(report, settings.minSeverity(), report.generatedAt()));
        } catch (StateStoreException e) {
            run.log().error("alert state could not be read; this run publishes every distribution with findings, as "
                    + "without STATE_TABLE", "reason", e.getMessage());
            return Decided.off();
        }
        run.runLog().decisions(decisions);
        return new Decided(Optional.of(ledger), decisions, new AlertHistory(decisions));
    }
}
