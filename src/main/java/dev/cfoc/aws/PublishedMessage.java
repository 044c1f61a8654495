package dev.cfoc.aws;

/** One message SNS accepted. */
public record PublishedMessage(String distributionId, int part, int parts, String messageId) {
}
