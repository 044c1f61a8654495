package dev.cfoc.aws;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some findings could not be published. The caller logs the findings and fails the invocation, so the
 * Lambda retry and on-failure destination see it.
 */
public final class PublishFailedException extends RuntimeException {

    private final transient List<PublishFailure> failures;
    private final transient List<PublishedMessage> published;

    public PublishFailedException(String topicArn, List<PublishFailure> failures, List<PublishedMessage> published) {
        super("Could not publish " + failures.size() + " of " + (failures.size() + published.size())
                + " SNS message(s) to " + topicArn + ": "
                + failures.stream().map(PublishFailure::toString).collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
        this.published = List.copyOf(published);
    }

    public List<PublishFailure> failures() {
        return failures;
    }

    /** The messages that did go out before or after the failures. */
    public List<PublishedMessage> published() {
        return published;
    }
}
