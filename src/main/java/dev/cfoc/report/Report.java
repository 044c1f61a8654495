package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result of one run: what the JSON and text renderers print and what SNS will publish.
 *
 * @param trustAnchors what certificates were checked against; says so when roots were added that CloudFront does not trust
 * @param notes        what the reader should know about the run itself (e.g. a suppression that expired and was ignored)
 */
public record Report(Instant generatedAt, TrustAnchorsNote trustAnchors, List<DistributionReport> distributions,
                     Summary summary, List<String> notes) {

    public Report {
        distributions = List.copyOf(distributions);
        notes = List.copyOf(notes);
    }

    /** A run without notes. */
    public Report(Instant generatedAt, TrustAnchorsNote trustAnchors, List<DistributionReport> distributions,
                  Summary summary) {
        this(generatedAt, trustAnchors, distributions, summary, List.of());
    }

    /** Where the trust decisions came from, and the roots added with --trust-anchors (not trusted by CloudFront). */
    public record TrustAnchorsNote(String source, List<String> addedRoots) {
        public TrustAnchorsNote {
            addedRoots = List.copyOf(addedRoots);
        }
    }

    /** Every finding of the run: those about whole distributions and those about origins. */
    public Stream<Finding> findings() {
        return distributions.stream().flatMap(DistributionReport::allFindings);
    }

    /** The same run holding {@code replacement} as its distributions; the summary is counted again. */
    public Report withDistributions(List<DistributionReport> replacement) {
        return new Report(generatedAt, trustAnchors, replacement, Summary.of(replacement, summary.durationMs()), notes);
    }

    /** The same run with {@code more} notes. */
    public Report withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Report(generatedAt, trustAnchors, distributions, summary, all);
    }

    /** Whether an active (not suppressed) finding at or above {@code threshold} exists: what exit codes use. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings().filter(Finding::isActive).anyMatch(f -> f.severity().isAtLeast(threshold));
    }

    /** How many findings of the run have {@code code}, suppressed ones included. */
    public long count(FindingCode code) {
        return findings().filter(f -> f.code() == code).count();
    }
}
