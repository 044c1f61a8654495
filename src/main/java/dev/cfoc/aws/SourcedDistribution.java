package dev.cfoc.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cfoc.config.ViewerNames;
import java.util.Optional;

/**
 * One distribution read from the CloudFront API, in the JSON shape the AWS CLI prints for the call that read it
 * ({@code {"ETag", "Distribution": {...}}} from GetDistribution, or {@code {"DistributionList": {"Items": [one
 * summary]}}} from ListDistributions), ready for the file loader.
 * The tree holds origin custom header values in clear: never log or print it ({@link #toString()} does not).
 *
 * @param viewerNames Host values viewers send besides the distribution's aliases, learnt from another API call (a
 *                    distribution tenant's domains)
 */
public record SourcedDistribution(String id, JsonNode awsCliShape, Optional<ViewerNames> viewerNames) {

    public SourcedDistribution {
        awsCliShape = awsCliShape.deepCopy();
    }

    public SourcedDistribution(String id, JsonNode awsCliShape) {
        this(id, awsCliShape, Optional.empty());
    }

    /** The same distribution, reached by viewers also with {@code names}. */
    public SourcedDistribution withViewerNames(ViewerNames names) {
        return new SourcedDistribution(id, awsCliShape, Optional.of(names));
    }

    /** A copy: the tree stays as read. */
    @Override
    public JsonNode awsCliShape() {
        return awsCliShape.deepCopy();
    }

    @Override
    public String toString() {
        return "SourcedDistribution[id=" + id + "]";
    }
}
