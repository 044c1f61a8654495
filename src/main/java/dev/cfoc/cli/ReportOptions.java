package dev.cfoc.cli;

import dev.cfoc.cert.CertificateRules;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options shared by {@code check} and {@code demo}: output format, failure threshold, certificate settings. The
 * {@code --format} label lists {@link ReportFormat}'s constants ({@link FormatLabel}).
 */
@Command(modelTransformer = ReportOptions.FormatLabel.class)
final class ReportOptions {

    static final String FORMAT = "--format";

    enum FailOn {
        error, warning, info, never;

        Optional<Severity> threshold() {
            return switch (this) {
                case error -> Optional.of(Severity.ERROR);
                case warning -> Optional.of(Severity.WARNING);
                case info -> Optional.of(Severity.INFO);
                case never -> Optional.empty();
            };
        }
    }

    @Option(names = FORMAT,
            description = "Report format (default: text on a terminal, json otherwise; markdown for tickets and chat). "
                    + "Valid: ${COMPLETION-CANDIDATES}")
    ReportFormat format;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "Acknowledged findings: a JSON list of {distributionId, originId (optional), code, until "
                    + "(YYYY-MM-DD), reason}. They stay in the report, marked, and do not count for --fail-on.")
    Path suppressions;

    @Option(names = "--trust-anchors", paramLabel = "PEM",
            description = "Add the roots in this PEM file (private PKI, staging). Labelled in the report: CloudFront does NOT trust them.")
    Path trustAnchors;

    @Option(names = "--expiry-warning-days", paramLabel = "N", defaultValue = "" + CertificateRules.DEFAULT_EXPIRY_WARNING_DAYS,
            description = "Warn (CERT_EXPIRING_SOON) when a certificate expires within N days (default: ${DEFAULT-VALUE}).")
    int expiryWarningDays;

    @Option(names = "--allow-incomplete",
            description = "Exit 0 rather than 4 when some distribution could not be read or some connection was not "
                    + "checked (the report and the summary still say what was not checked).")
    boolean allowIncomplete;

    /** Decision: stdout as a terminal (then also stderr, in practice) is what "interactive" means for colour and progress. */
    boolean interactive() {
        return Terminal.isInteractive();
    }

    ReportFormat effectiveFormat() {
        return format != null ? format : Terminal.isInteractive() ? ReportFormat.text : ReportFormat.json;
    }

    /** Labels {@code --format} with the formats there are (an annotation can only hold a constant). */
    static final class FormatLabel implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec option = spec.findOption(FORMAT);
            spec.remove(option);
            spec.addOption(OptionSpec.builder(option).paramLabel(ReportFormat.label()).build());
            return spec;
        }
    }
}
