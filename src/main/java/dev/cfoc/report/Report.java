package dev.cfoc.report;

import dev.cfoc.cert.ServerDistrustAfter;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.cert.TrustListRelease;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The result of one run: what the JSON and text renderers print and what SNS will publish.
 *
 * @param trustAnchors what certificates were checked against; says so when roots were added that CloudFront does not trust
 * @param notes        what the reader should know about the run itself (e.g. a suppression that expired and was ignored)
 * @param runFindings  findings about the run itself, not about a distribution (e.g. TRUST_STORE_STALE): they count in
 *                     the summary, for exit codes, metrics and SNS like any other; JSON {@code findings} at the top level
 */
public record Report(Instant generatedAt, TrustAnchorsNote trustAnchors, List<DistributionReport> distributions,
                     Summary summary, List<String> notes, List<Finding> runFindings) {

    public Report {
        distributions = List.copyOf(distributions);
        notes = List.copyOf(notes);
        runFindings = List.copyOf(runFindings);
    }

    /** A run without findings of its own. */
    public Report(Instant generatedAt, TrustAnchorsNote trustAnchors, List<DistributionReport> distributions,
                  Summary summary, List<String> notes) {
        this(generatedAt, trustAnchors, distributions, summary, notes, List.of());
    }

    /** A run without notes nor findings of its own. */
    public Report(Instant generatedAt, TrustAnchorsNote trustAnchors, List<DistributionReport> distributions,
                  Summary summary) {
        this(generatedAt, trustAnchors, distributions, summary, List.of(), List.of());
    }

    /**
     * Where the trust decisions came from, and the roots added with --trust-anchors (not trusted by CloudFront).
     *
     * @param list                the release of Mozilla's list (source, version, date), when the anchors are the bundled list
     * @param serverDistrustAfter the roots of that list that Mozilla distrusts for TLS certificates issued after a date
     */
    public record TrustAnchorsNote(String source, List<String> addedRoots, Optional<TrustListRelease> list,
                                   List<ServerDistrustAfter> serverDistrustAfter) {
        public TrustAnchorsNote {
            addedRoots = List.copyOf(addedRoots);
            serverDistrustAfter = List.copyOf(serverDistrustAfter);
        }

        /** A note about anchors that are not a release of Mozilla's list (tests, another trust store). */
        public TrustAnchorsNote(String source, List<String> addedRoots) {
            this(source, addedRoots, Optional.empty(), List.of());
        }

        /** What a report says about {@code anchors}. */
        public static TrustAnchorsNote of(TrustAnchors anchors) {
            return new TrustAnchorsNote(anchors.description(),
                    anchors.added().stream().map(c -> c.getSubjectX500Principal().getName()).toList(),
                    anchors.release(), anchors.serverDistrusts());
        }

        /** TRUST_STORE_STALE, as a finding about the run, when the list is too old at {@code now}. */
        public List<Finding> runFindings(Instant now) {
            return list.flatMap(release -> release.staleness(now)).map(Finding::aboutRun).stream().toList();
        }
    }

    /** Every finding of the run: those about the run itself, about whole distributions and about origins. */
    public Stream<Finding> findings() {
        return Stream.concat(runFindings.stream(), distributions.stream().flatMap(DistributionReport::allFindings));
    }

    /** The same run holding {@code replacement} as its distributions; the summary is counted again. */
    public Report withDistributions(List<DistributionReport> replacement) {
        return new Report(generatedAt, trustAnchors, replacement,
                Summary.of(runFindings, replacement, summary.durationMs()), notes, runFindings);
    }

    /** The same run holding {@code replacement} as its findings about itself; the summary is counted again. */
    public Report withRunFindings(List<Finding> replacement) {
        return new Report(generatedAt, trustAnchors, distributions,
                Summary.of(replacement, distributions, summary.durationMs()), notes, replacement);
    }

    /** The same run with {@code more} notes. */
    public Report withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Report(generatedAt, trustAnchors, distributions, summary, all, runFindings);
    }

    /** Whether an active (not suppressed) finding at or above {@code threshold} exists: what exit codes use. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings().filter(Finding::isActive).anyMatch(f -> f.severity().isAtLeast(threshold));
    }

    /** What the run planned and what it checked, counted from its distributions (JSON {@code summary.coverage}). */
    public Coverage coverage() {
        return Coverage.of(distributions);
    }

    /** Whether the run holds the distribution {@code distributionId} (read or not). */
    public boolean hasDistribution(String distributionId) {
        return distributions.stream().anyMatch(d -> d.id().filter(distributionId::equals).isPresent());
    }

    /** How many findings of the run have {@code code}, suppressed ones included. */
    public long count(FindingCode code) {
        return findings().filter(f -> f.code() == code).count();
    }
}
