package dev.cfoc.source;

import dev.cfoc.aws.PolicyFetcher;
import dev.cfoc.aws.PolicyResult;
import dev.cfoc.aws.SourceResult;
import dev.cfoc.aws.SourcedDistribution;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.ManagedPolicies;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.Report;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps between the CloudFront API and the engine, the same for every caller: {@link #load} (each distribution
 * through the file loader's mapping and validation), {@link #policies} (each custom policy once; managed ones from the
 * built-in table), {@link #withSourceFindings} (the checked report plus what could not be read).
 */
public final class ApiDistributions {

    /** {@link Distribution#source()} of everything read from the API. */
    public static final String SOURCE = "cloudfront-api";

    private ApiDistributions() {
    }

    /**
     * What the API gave, loaded.
     *
     * @param unread the distributions that could not be read or whose configuration failed validation, each as a
     *               report holding one SOURCE_UNAVAILABLE finding (its message says why)
     */
    public record Loaded(List<Distribution> distributions, List<DistributionReport> unread) {
        public Loaded {
            distributions = List.copyOf(distributions);
            unread = List.copyOf(unread);
        }
    }

    public static Loaded load(SourceResult source) {
        var loader = new DistributionFileLoader();
        List<Distribution> distributions = new ArrayList<>();
        List<DistributionReport> unread = new ArrayList<>();
        for (SourcedDistribution sourced : source.distributions()) {
            try {
                loader.load(sourced.awsCliShape(), SOURCE).forEach(d -> distributions.add(
                        sourced.viewerNames().map(d::withViewerNames).orElse(d)));
            } catch (ConfigException e) {
                unread.add(DistributionReport.unread(sourced.id(), SOURCE, SourceFindings.invalid(sourced.id(),
                        e.getMessage())));
            }
        }
        for (Unavailable unavailable : source.unavailable()) {
            unread.add(DistributionReport.unread(unavailable.id(), SOURCE, SourceFindings.unavailable(unavailable)));
        }
        return new Loaded(distributions, unread);
    }

    /** The custom cache and origin request policies the distributions use, each read once. */
    public static PolicyResult policies(CloudFrontClient cloudFront, List<Distribution> distributions) {
        return new PolicyFetcher(cloudFront, ApiDistributions::isManagedPolicy).fetchFor(distributions);
    }

    public static PolicyCatalog catalog(PolicyResult policies) {
        return new PolicyCatalog(policies.cachePolicies(), policies.originRequestPolicies());
    }

    /**
     * The checked distributions (the engine keeps the order of {@code distributions}) with their POLICY_UNRESOLVED
     * findings, then the unread ones.
     */
    public static Report withSourceFindings(Report checked, List<Distribution> distributions, PolicyResult policies,
                                            List<DistributionReport> unread) {
        List<DistributionReport> all = new ArrayList<>();
        for (int i = 0; i < checked.distributions().size(); i++) {
            DistributionReport d = checked.distributions().get(i);
            List<Finding> fromApi = SourceFindings.unresolvedPolicies(distributions.get(i), policies.unavailable());
            // the API's POLICY_UNRESOLVED (with its reason and fix) replaces the planner's for the same policy
            Set<String> ids = fromApi.stream().map(f -> f.evidence().get("policyId")).collect(Collectors.toSet());
            List<Finding> findings = new ArrayList<>(d.findings().stream()
                    .filter(f -> f.code() != FindingCode.POLICY_UNRESOLVED || !ids.contains(f.evidence().get("policyId")))
                    .toList());
            findings.addAll(fromApi);
            all.add(d.with(d.origins(), findings));
        }
        all.addAll(unread);
        return checked.withDistributions(all);
    }

    private static boolean isManagedPolicy(String id) {
        return ManagedPolicies.cachePolicy(id).isPresent() || ManagedPolicies.originRequestPolicy(id).isPresent();
    }
}
