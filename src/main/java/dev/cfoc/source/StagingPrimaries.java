package dev.cfoc.source;

import dev.cfoc.aws.ContinuousDeployments;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.Origin;
import dev.cfoc.config.ViewerNames;

import java.util.ArrayList;
import java.util.List;

/**
 * Staging distributions get their primary's names (docs/cloudfront-rules.md#staging-distributions): viewers reach a
 * staging distribution only through its primary, so the Host values its origins see are the primary's aliases (or its
 * *.cloudfront.net name when it has none). A staging distribution whose primary cannot be found is left as it is: the
 * planner reports STAGING_PRIMARY_UNKNOWN where that matters.
 */
public final class StagingPrimaries {

    /**
     * @param unresolved one line per staging distribution whose primary was not found, with the reason (for the log)
     */
    public record Resolved(List<Distribution> distributions, List<String> unresolved) {
        public Resolved {
            distributions = List.copyOf(distributions);
            unresolved = List.copyOf(unresolved);
        }
    }

    private StagingPrimaries() {
    }

    public static Resolved attach(ContinuousDeployments deployments, List<Distribution> distributions) {
        var attached = new ArrayList<Distribution>(distributions.size());
        var unresolved = new ArrayList<String>();
        for (Distribution distribution : distributions) {
            if (!distribution.staging() || distribution.viewerNames().isPresent()
                    || distribution.domainName().isEmpty()) {
                attached.add(distribution);
                continue;
            }
            List<String> origins = distribution.origins().stream().map(Origin::domainName).toList();
            switch (deployments.primaryOf(distribution.domainName().get(), origins)) {
                case ContinuousDeployments.Found.Value<ContinuousDeployments.Primary> found -> {
                    ContinuousDeployments.Primary primary = found.value();
                    List<String> names = primary.aliases().isEmpty() ? List.of(primary.domainName()) : primary.aliases();
                    attached.add(distribution.withViewerNames(new ViewerNames(names,
                            "staging distribution of primary " + primary.id() + ", whose names viewers use")));
                }
                case ContinuousDeployments.Found.Missing<ContinuousDeployments.Primary> missing -> {
                    unresolved.add(distribution.label() + ": " + missing.reason());
                    attached.add(distribution);
                }
            }
        }
        return new Resolved(attached, unresolved);
    }
}
