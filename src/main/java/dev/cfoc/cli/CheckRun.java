package dev.cfoc.cli;

import dev.cfoc.aws.Unavailable;
import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.check.Engine;
import dev.cfoc.config.Distribution;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.firewall.Firewall;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.ProbeListener;
import dev.cfoc.report.Counts;
import dev.cfoc.report.FindingHistory;
import dev.cfoc.report.Report;
import dev.cfoc.report.ReportWriter;
import dev.cfoc.report.SummaryLine;
import dev.cfoc.state.AlertHistory;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.Decision;
import dev.cfoc.state.FileStateStore;
import dev.cfoc.state.ReportObservations;
import dev.cfoc.state.StateStoreException;
import dev.cfoc.state.Transition;
import dev.cfoc.state.Transitions;
import dev.cfoc.suppression.SuppressionException;
import dev.cfoc.suppression.SuppressionReader;
import dev.cfoc.suppression.Suppressions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

/** What check and demo share: build the engine from options, run it, print the report, choose the exit code. */
final class CheckRun {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Optional<Path> stateFile;

    CheckRun(PrintWriter out, PrintWriter err) {
        this(out, err, Optional.empty());
    }

    /** @param stateFile {@code --state}: keep the alert state in this JSON file and mark what changed */
    CheckRun(PrintWriter out, PrintWriter err, Optional<Path> stateFile) {
        this.out = out;
        this.err = err;
        this.stateFile = stateFile;
    }

    /**
     * Decision: with {@code --state}, findings at or above WARNING are tracked (as the Lambda's default MIN_SEVERITY),
     * and a finding unchanged for a day is a REMINDER.
     */
    static final Severity STATE_THRESHOLD = Severity.WARNING;

    /**
     * The distributions of a run and what completes its report (findings about what could not be read).
     *
     * @param firewall whether the origins' security groups are checked (off for the demo)
     */
    record Input(List<Distribution> distributions, PolicyCatalog policies, UnaryOperator<Report> completion,
                 Firewall firewall) {
        Input(List<Distribution> distributions, PolicyCatalog policies, UnaryOperator<Report> completion) {
            this(distributions, policies, completion, Firewall.off());
        }

        static Input of(List<Distribution> distributions) {
            return new Input(distributions, PolicyCatalog.empty(), UnaryOperator.identity());
        }

        /** The same input, its report carrying {@code notes} (e.g. what was skipped) after its own. */
        Input withNotes(List<String> notes) {
            return notes.isEmpty() ? this
                    : new Input(distributions, policies, report -> completion.apply(report).withNotes(notes), firewall);
        }

        Input withFirewall(Firewall setting) {
            return new Input(distributions, policies, completion, setting);
        }
    }

    /**
     * The demo's run: its origins listen on loopback, so private addresses are allowed.
     *
     * @param addedAnchors roots to trust on top of Mozilla's and --trust-anchors (the demo's own root)
     */
    int run(List<Distribution> distributions, ReportOptions options, Optional<Severity> failOn, HostResolver resolver,
            List<X509Certificate> addedAnchors) {
        return run(Input.of(distributions), options, failOn, resolver, addedAnchors, Deadline.none(), true);
    }

    /**
     * As above; every wait of a probe is capped to what {@code deadline} leaves.
     *
     * @param allowPrivateOrigins also probe loopback and private addresses (--allow-private-origins: labs only)
     */
    int run(Input input, ReportOptions options, Optional<Severity> failOn, HostResolver resolver,
            List<X509Certificate> addedAnchors, Deadline deadline, boolean allowPrivateOrigins) {
        Engine.Builder settings = Engine.builder().addRoots(addedAnchors).allowPrivateOrigins(allowPrivateOrigins);
        try {
            if (options.trustAnchors != null) {
                settings.addRootsFrom(options.trustAnchors);
            }
        } catch (TrustAnchorException e) {
            err.println("error: --trust-anchors: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (options.expiryWarningDays < 0) {
            err.println("error: --expiry-warning-days must be 0 or more, got " + options.expiryWarningDays);
            return ExitCodes.BAD_INPUT;
        }
        Suppressions suppressions;
        try {
            suppressions = options.suppressions == null ? Suppressions.none()
                    : new Suppressions(new SuppressionReader().read(options.suppressions));
        } catch (SuppressionException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Optional<FileStateStore> state = stateFile.map(FileStateStore::new);
        try {
            state.ifPresent(s -> s.read(List.of()));
        } catch (StateStoreException e) {
            err.println("error: --state: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        boolean interactive = options.interactive();
        Clock clock = Clock.systemUTC();
        Engine engine = settings.expiryWarning(Duration.ofDays(options.expiryWarningDays)).resolver(resolver)
                .clock(clock).listener(interactive ? new ProgressReporter(err, clock) : ProbeListener.NONE)
                .firewall(input.firewall()).build();

        if (!input.distributions().isEmpty()) {
            err.printf("checking %s…%n", Counts.of(input.distributions().size(), "distribution"));
            err.flush();
        }
        Report checked = input.completion().apply(engine.check(input.distributions(), input.policies(), deadline));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Report report = suppressions.apply(checked, today);
        suppressions.expiredOn(today).forEach(s -> err.println("warning: suppression of " + s.describe()
                + " expired on " + s.until() + "; ignored"));
        FindingHistory history = FindingHistory.NONE;
        if (state.isPresent()) {
            try {
                history = recordState(state.get(), report, clock);
            } catch (StateStoreException e) {
                err.println("error: --state: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        if (!print(report, options.effectiveFormat().writer(ColourChoice.useColour(interactive, System.getenv()),
                history))) {
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println((report.coverage().checkedNothing() ? "error: " : "done: ") + SummaryLine.of(report));
        if (report.hasDistribution(Unavailable.UNLISTED)) {
            err.println("error: the account's distributions could not be listed (no credentials, or no permission for "
                    + "cloudfront:ListDistributions: see the warning above), so they were not checked");
        }
        long notChecked = report.count(FindingCode.NOT_CHECKED_DEADLINE);
        if (notChecked > 0) {
            err.printf("deadline: %d connection(s) not checked (NOT_CHECKED_DEADLINE)%n", notChecked);
        }
        suppressions.unmatched(checked, today).forEach(s -> err.println("warning: suppression of " + s.describe()
                + " matches no finding of this run (" + (checked.hasDistribution(s.distributionId())
                ? "fixed, or a typo in originId or code?" : "no distribution " + s.distributionId() + " was checked")
                + ")"));
        err.flush();
        return ExitCodes.of(report, failOn, options.allowIncomplete, err);
    }

    /** Compares the run with the state file, writes the new state, and says on stderr what changed. */
    private FindingHistory recordState(FileStateStore store, Report report, Clock clock) {
        var ledger = new AlertLedger(store, new Transitions(Transitions.DEFAULT_REMIND_AFTER), clock);
        List<Decision> decisions = ledger.decide(ReportObservations.of(report, STATE_THRESHOLD, report.generatedAt()));
        Map<Transition, Long> counts = new EnumMap<>(Transition.class);
        for (Decision decision : decisions) {
            if (!ledger.record(decision) && decision.writes()) {
                err.println("warning: --state: another run changed the state of " + decision.key()
                        + " meanwhile; kept its version");
            }
            decision.transition().ifPresent(t -> counts.merge(t, 1L, Long::sum));
        }
        err.println("state: " + (counts.isEmpty() ? "no change" : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))) + " (" + stateFile
                .orElseThrow() + ")");
        return new AlertHistory(decisions);
    }

    /**
     * @return false, having said so on stderr, when the report could not be written (disk full, closed pipe)
     * @throws UncheckedIOException when the writer itself failed (a PrintWriter never throws: its own failures are
     *                              kept for checkError()), so a half-written report is an internal error, never a
     *                              success
     */
    boolean print(Report report, ReportWriter writer) {
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report", e);
        }
        return ExitCodes.written(out, err, "the report");
    }
}
