package dev.cfoc.aws;

/** One message SNS did not accept after the SDK's retries. */
public record PublishFailure(String distributionId, int part, int parts, String reason) {

    @Override
    public String toString() {
        return distributionId + (parts > 1 ? " (part " + part + "/" + parts + ")" : "") + ": " + reason;
    }
}
