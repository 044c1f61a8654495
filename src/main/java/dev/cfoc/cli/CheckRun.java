package dev.cfoc.cli;

import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.check.Engine;
import dev.cfoc.config.Distribution;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.ProbeListener;
import dev.cfoc.report.Report;
import dev.cfoc.report.ReportFormat;
import dev.cfoc.suppression.SuppressionException;
import dev.cfoc.suppression.SuppressionReader;
import dev.cfoc.suppression.Suppressions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What check and demo share: build the engine from options, run it, print the report, choose the exit code. */
final class CheckRun {

    private final PrintWriter out;
    private final PrintWriter err;

    CheckRun(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** The distributions of a run and what completes its report (findings about what could not be read). */
    record Input(List<Distribution> distributions, PolicyCatalog policies, UnaryOperator<Report> completion) {
        static Input of(List<Distribution> distributions) {
            return new Input(distributions, PolicyCatalog.empty(), UnaryOperator.identity());
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
        boolean interactive = options.interactive();
        Clock clock = Clock.systemUTC();
        Engine engine = settings.expiryWarning(Duration.ofDays(options.expiryWarningDays)).resolver(resolver)
                .clock(clock).listener(interactive ? new ProgressReporter(err, clock) : ProbeListener.NONE).build();

        err.printf("checking %d distribution(s)…%n", input.distributions().size());
        err.flush();
        Report checked = input.completion().apply(engine.check(input.distributions(), input.policies(), deadline));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Report report = suppressions.apply(checked, today);
        suppressions.expiredOn(today).forEach(s -> err.println("warning: suppression of " + s.describe()
                + " expired on " + s.until() + "; ignored"));
        print(report, options.effectiveFormat(), ColourChoice.useColour(interactive, System.getenv()));
        err.printf("done: %d origin(s), %d error(s), %d warning(s)%s in %d ms%n", report.summary().origins(),
                report.summary().errors(), report.summary().warnings(),
                report.summary().suppressed() > 0 ? ", " + report.summary().suppressed() + " suppressed" : "",
                report.summary().durationMs());
        long notChecked = report.count(FindingCode.NOT_CHECKED_DEADLINE);
        if (notChecked > 0) {
            err.printf("deadline: %d connection(s) not checked (NOT_CHECKED_DEADLINE)%n", notChecked);
        }
        err.flush();
        return failOn.filter(report::hasFindingsAtLeast).isPresent() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    private void print(Report report, ReportFormat format, boolean colour) {
        try {
            format.writer(colour).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report to stdout", e);
        }
        out.flush();
    }
}
