package dev.cfoc.cli;

import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.check.CheckOptions;
import dev.cfoc.check.Checker;
import dev.cfoc.config.Distribution;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.report.JsonReportWriter;
import dev.cfoc.report.Report;
import dev.cfoc.report.TextReportWriter;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What check and demo share: build the engine from options, run it, print the report, choose the exit code. */
final class CheckRun {

    private final PrintWriter out;
    private final PrintWriter err;

    CheckRun(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(List<Distribution> distributions, ReportOptions options, Optional<Severity> failOn, HostResolver resolver) {
        TrustAnchors anchors;
        try {
            anchors = options.trustAnchors == null ? TrustAnchors.mozilla()
                    : TrustAnchors.mozilla().plus(TrustAnchors.readPem(options.trustAnchors));
        } catch (TrustAnchorException e) {
            err.println("error: --trust-anchors: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (options.expiryWarningDays < 0) {
            err.println("error: --expiry-warning-days must be 0 or more, got " + options.expiryWarningDays);
            return ExitCodes.BAD_INPUT;
        }
        Clock clock = Clock.systemUTC();
        var rules = new CertificateRules(anchors, Duration.ofDays(options.expiryWarningDays), clock);
        var runner = new ProbeRunner(new OriginProber(HostResolver.cached(resolver), rules),
                CheckOptions.DEFAULT_MAX_CONCURRENT_CONNECTIONS);
        var checker = new Checker(new Planner(), runner, clock);

        long targets = distributions.size();
        err.printf("checking %d distribution(s)…%n", targets);
        err.flush();
        Report report = checker.check(distributions, PolicyCatalog.empty(), trustNote(anchors));
        out.print(options.effectiveFormat() == ReportOptions.Format.json
                ? new JsonReportWriter().write(report) + "\n"
                : new TextReportWriter().write(report));
        out.flush();
        err.printf("done: %d origin(s), %d error(s), %d warning(s) in %d ms%n", report.summary().origins(),
                report.summary().errors(), report.summary().warnings(), report.summary().durationMs());
        err.flush();
        return failOn.filter(report::hasFindingsAtLeast).isPresent() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    private static Report.TrustAnchorsNote trustNote(TrustAnchors anchors) {
        return new Report.TrustAnchorsNote(anchors.description(),
                anchors.added().stream().map(c -> c.getSubjectX500Principal().getName()).toList());
    }
}
