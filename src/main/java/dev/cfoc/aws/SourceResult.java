package dev.cfoc.aws;

import java.util.List;

/**
 * What the CloudFront API source read: the distributions, those it could not read, and the disabled ones it
 * skipped on purpose (so a skip is visible, not a gap).
 */
public record SourceResult(List<SourcedDistribution> distributions, List<Unavailable> unavailable,
                           List<String> skippedDisabled) {

    public SourceResult {
        distributions = List.copyOf(distributions);
        unavailable = List.copyOf(unavailable);
        skippedDisabled = List.copyOf(skippedDisabled);
    }
}
