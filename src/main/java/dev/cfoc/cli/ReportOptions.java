package dev.cfoc.cli;

import dev.cfoc.cert.CertificateRules;
import dev.cfoc.finding.Severity;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Options shared by {@code check} and {@code demo}: output format, failure threshold, certificate settings. */
final class ReportOptions {

    enum Format { text, json }

    enum FailOn {
        error, warning, never;

        Optional<Severity> threshold() {
            return switch (this) {
                case error -> Optional.of(Severity.ERROR);
                case warning -> Optional.of(Severity.WARNING);
                case never -> Optional.empty();
            };
        }
    }

    @Option(names = "--format", paramLabel = "text|json",
            description = "Report format (default: text on a terminal, json otherwise). Valid: ${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--trust-anchors", paramLabel = "PEM",
            description = "Add the roots in this PEM file (private PKI, staging). Labelled in the report: CloudFront does NOT trust them.")
    Path trustAnchors;

    @Option(names = "--expiry-warning-days", paramLabel = "N", defaultValue = "" + CertificateRules.DEFAULT_EXPIRY_WARNING_DAYS,
            description = "Warn (CERT_EXPIRING_SOON) when a certificate expires within N days (default: ${DEFAULT-VALUE}).")
    int expiryWarningDays;

    Format effectiveFormat() {
        return format != null ? format : Terminal.isInteractive() ? Format.text : Format.json;
    }
}
