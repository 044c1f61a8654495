package dev.cfoc.aws;

/**
 * A distribution that could not be read from the CloudFront API after the SDK's retries (throttling, 5xx,
 * NoSuchDistribution, AccessDenied, network). It becomes a SOURCE_UNAVAILABLE finding: never a crash, never a gap.
 *
 * @param id     the distribution id, or {@link #UNLISTED} when listing itself stopped part-way
 * @param reason what the API (or the network) said, e.g. "Throttling: Rate exceeded (HTTP 400, 3 attempts)"
 */
public record Unavailable(String id, String reason) {

    /**
     * Decision: when ListDistributions fails on some page, the distributions after it are unknown, so there is
     * no id to name; this placeholder stands for "every distribution not listed" and the reason says where
     * listing stopped.
     */
    public static final String UNLISTED = "(not listed)";

    public boolean isListingFailure() {
        return UNLISTED.equals(id);
    }
}
