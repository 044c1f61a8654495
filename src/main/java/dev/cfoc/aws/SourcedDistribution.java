package dev.cfoc.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One distribution read from the CloudFront API, in the JSON shape the AWS CLI prints for the call that read it
 * ({@code {"ETag", "Distribution": {...}}} from GetDistribution, or {@code {"DistributionList": {"Items": [one
 * summary]}}} from ListDistributions), ready for the file loader.
 * The tree holds origin custom header values in clear: never log or print it ({@link #toString()} does not).
 */
public record SourcedDistribution(String id, JsonNode awsCliShape) {

    public SourcedDistribution {
        awsCliShape = awsCliShape.deepCopy();
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
