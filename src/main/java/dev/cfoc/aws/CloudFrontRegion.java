package dev.cfoc.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The region CloudFront's API is signed for: CloudFront is global within a partition, with one endpoint signed for
 * that partition's CloudFront region (docs/cloudfront-rules.md#cloudfront-api): us-east-1 in {@code aws},
 * cn-northwest-1 in {@code aws-cn}. The partition is the function's own (AWS_REGION, which Lambda always sets), else
 * the topic's ({@code arn:aws-cn:sns:…}), else {@code aws}.
 */
public final class CloudFrontRegion {

    /** CloudFront's signing region in the {@code aws} partition; also the fallback for a partition not listed. */
    public static final Region AWS = Region.US_EAST_1;
    /** CloudFront's signing region in the {@code aws-cn} partition (China: Beijing and Ningxia). */
    public static final Region AWS_CN = Region.CN_NORTHWEST_1;

    private static final Map<String, Region> BY_PARTITION = Map.of("aws", AWS, "aws-cn", AWS_CN);

    private CloudFrontRegion() {
    }

    /** @param partition a partition id ({@code aws}, {@code aws-cn}, …) */
    public static Region forPartition(String partition) {
        return BY_PARTITION.getOrDefault(partition, AWS);
    }

    /** From {@code AWS_REGION}, else the partition of {@code TOPIC_ARN}, else {@code aws}. */
    public static Region fromEnvironment(Map<String, String> env) {
        return partition(env).map(CloudFrontRegion::forPartition).orElse(AWS);
    }

    private static Optional<String> partition(Map<String, String> env) {
        Optional<String> region = nonBlank(env.get("AWS_REGION"));
        if (region.isPresent()) {
            return Optional.of(PartitionMetadata.of(Region.of(region.get())).id());
        }
        return nonBlank(env.get("TOPIC_ARN")).filter(arn -> arn.startsWith("arn:")).map(arn -> arn.split(":")[1]);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
