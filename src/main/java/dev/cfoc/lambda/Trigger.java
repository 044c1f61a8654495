package dev.cfoc.lambda;

import java.util.List;

/** What an invocation was asked to do, decoded from its event. */
public sealed interface Trigger {

    /** EventBridge schedule: check every distribution (or those in DISTRIBUTION_IDS). */
    record Scheduled() implements Trigger {
    }

    /**
     * A CloudTrail event for a distribution that was created, updated or copied, got an alias (AssociateAlias) or a
     * domain (UpdateDomainAssociation): check it.
     */
    record DistributionChanged(String distributionId, String eventName) implements Trigger {
    }

    /**
     * A distribution tenant was created or updated, or got a domain: check its parent distribution, with the tenant's
     * domains as Host values (a tenant has no origins of its own).
     */
    record TenantChanged(String tenantId, String eventName) implements Trigger {
    }

    /** A continuous deployment policy changed: check the staging distributions it routes traffic to. */
    record ContinuousDeploymentChanged(String policyId, String eventName) implements Trigger {
    }

    /** A cache or origin request policy changed: check every distribution that uses it. */
    record PolicyChanged(PolicyKind kind, String policyId, String eventName) implements Trigger {
    }

    /** A hand-made event: {"distributionIds": [...]} or {"all": true}. */
    record Manual(List<String> distributionIds, boolean all) implements Trigger {
        public Manual {
            distributionIds = List.copyOf(distributionIds);
        }
    }

    /**
     * A batch of SQS messages from the fan-out queue (Lambda's event source mapping): check the distributions of
     * every readable message in one run and answer per message.
     *
     * @param foreignRecords records of the event that are not SQS messages (described, for the log); when there are
     *                       any, every message is {@link QueueMessage.Rejected}: Lambda never mixes sources
     */
    record QueueBatch(List<QueueMessage> messages, List<String> foreignRecords) implements Trigger {
        public QueueBatch {
            messages = List.copyOf(messages);
            foreignRecords = List.copyOf(foreignRecords);
        }
    }

    /** An event that needs no check (the API call it records failed); logged, not an error. */
    record Ignored(String reason) implements Trigger {
    }

    enum PolicyKind { CACHE_POLICY, ORIGIN_REQUEST_POLICY }
}
