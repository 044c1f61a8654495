package dev.cfoc.cli;

import dev.cfoc.aws.CloudFrontDistributionSource;
import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.aws.PolicyResult;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.SourcedDistribution;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.config.Distribution;
import dev.cfoc.report.Counts;
import dev.cfoc.source.ApiDistributions;
import dev.cfoc.source.StagingPrimaries;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code check --distribution-id / --all-distributions}: the distributions read from the CloudFront API with the
 * default AWS credentials chain, through the same steps as the Lambda ({@link ApiDistributions}), joined to those
 * read from --config files.
 */
final class ApiInput {

    /**
     * Decision: ids named with --distribution-id are checked even when disabled (as the Lambda's manual event does:
     * whoever names one wants it checked); --all-distributions skips disabled ones, which serve no traffic.
     */
    static final boolean NAMED_IDS_INCLUDE_DISABLED = true;

    private ApiInput() {
    }

    static CheckRun.Input read(CloudFrontClient cloudFront, List<Distribution> fromFiles, List<String> ids,
                               boolean all, boolean includeDisabled, PrintWriter err) {
        var source = new CloudFrontDistributionSource(cloudFront);
        SourceResult listed = all ? source.all(includeDisabled) : new SourceResult(List.of(), List.of(), List.of());
        Set<String> seen = new LinkedHashSet<>(listed.distributions().stream().map(SourcedDistribution::id).toList());
        List<String> more = ids.stream().filter(id -> !seen.contains(id)).toList();
        SourceResult named = more.isEmpty() ? new SourceResult(List.of(), List.of(), List.of())
                : source.byIds(more, NAMED_IDS_INCLUDE_DISABLED);

        List<SourcedDistribution> sourced = new ArrayList<>(listed.distributions());
        sourced.addAll(named.distributions());
        List<Unavailable> unavailable = new ArrayList<>(listed.unavailable());
        unavailable.addAll(named.unavailable());
        listed.skippedDisabled().forEach(id -> err.println("skipped " + id + ": disabled (--include-disabled, or "
                + "naming it with --distribution-id, checks it)"));
        unavailable.forEach(u -> err.println("warning: " + u.reason()));

        ApiDistributions.Loaded loaded = ApiDistributions.load(new SourceResult(sourced, unavailable, List.of()));
        List<Distribution> distributions = new ArrayList<>(fromFiles);
        StagingPrimaries.Resolved staging = StagingPrimaries.attach(new ContinuousDeployments(cloudFront),
                loaded.distributions());
        staging.unresolved().forEach(why -> err.println("warning: staging distribution " + why));
        distributions.addAll(staging.distributions());
        PolicyResult policies = ApiDistributions.policies(cloudFront, distributions);
        policies.unavailable().forEach(p -> err.println("warning: " + p.kind() + " policy " + p.id()
                + " could not be read: " + p.reason()));
        List<Distribution> checkedDistributions = List.copyOf(distributions);
        List<String> notes = listed.skippedDisabled().isEmpty() ? List.of()
                : List.of("skipped " + Counts.of(listed.skippedDisabled().size(), "disabled distribution") + " of the "
                + "account: " + String.join(", ", listed.skippedDisabled()) + "; --include-disabled checks them");
        return new CheckRun.Input(checkedDistributions, ApiDistributions.catalog(policies),
                checked -> ApiDistributions.withSourceFindings(checked, checkedDistributions, policies, loaded.unread()))
                .withNotes(notes);
    }
}
