package dev.cfoc.aws;

/**
 * A message SQS did not take after every attempt.
 *
 * @param index  its position in the list given to {@link SqsBatchSender#send}
 * @param reason what SQS (or the network) said the last time, one bounded line
 */
public record UnsentMessage(int index, String reason) {
}
