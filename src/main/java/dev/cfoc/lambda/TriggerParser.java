package dev.cfoc.lambda;

import dev.cfoc.config.DistributionId;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decodes an invocation event into a {@link Trigger}: EventBridge schedules, CloudTrail change events for
 * CloudFront (docs/cloudfront-rules.md#change-events, #scheduled-events), SQS batches from the fan-out queue ({@link SqsEventParser}) and
 * manual events. Anything else is an {@link EventException}
 * that says what was expected.
 */
public final class TriggerParser {

    static final String EXPECTED = "expected an EventBridge 'Scheduled Event' (source aws.events), a CloudTrail "
            + "'AWS API Call via CloudTrail' event from aws.cloudfront, an SQS batch from the fan-out queue "
            + "(Records with eventSource aws:sqs), or a manual event {\"distributionIds\": [\"E…\"]} or {\"all\": true}";

    private static final Set<String> DISTRIBUTION_EVENTS = Set.of("CreateDistribution", "CreateDistributionWithTags",
            "UpdateDistribution", "CopyDistribution", "UpdateDistributionWithStagingConfig");
    /**
     * Decision: CloudTrail has recorded CloudFront calls with the API version appended
     * (UpdateDistribution2020_05_31) as well as without; both name the same call.
     */
    private static final Pattern API_VERSION_SUFFIX = Pattern.compile("\\d{4}_\\d{2}_\\d{2}$");
    /** Distribution tenant ids look like dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB; what CloudTrail hides is not one. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public Trigger parse(JsonNode event) throws EventException {
        if (event == null || !event.isObject()) {
            throw new EventException("event is not a JSON object; " + EXPECTED);
        }
        if (event.has("distributionIds") || event.has("all")) {
            return manual(event);
        }
        if (SqsEventParser.isSqsEvent(event)) {
            return new SqsEventParser().parse(event);
        }
        String detailType = event.path("detail-type").asText("");
        String source = event.path("source").asText("");
        if (detailType.equals("Scheduled Event") && source.equals("aws.events")) {
            return new Trigger.Scheduled();
        }
        if (detailType.equals("AWS API Call via CloudTrail") && source.equals("aws.cloudfront")) {
            return cloudTrail(event.path("detail"));
        }
        throw new EventException("unrecognised event (detail-type '" + abbreviate(detailType) + "', source '"
                + abbreviate(source) + "'); "
                + EXPECTED);
    }

    private Trigger manual(JsonNode event) throws EventException {
        JsonNode all = event.get("all");
        if (all != null && !all.isBoolean()) {
            throw new EventException("$.all: must be true or false, got " + all.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> ids = new ArrayList<>();
        JsonNode list = event.get("distributionIds");
        if (list != null) {
            if (!list.isArray()) {
                throw new EventException("$.distributionIds: must be an array of distribution ids");
            }
            for (int i = 0; i < list.size(); i++) {
                ids.add(distributionId(list.get(i), "$.distributionIds[" + i + "]"));
            }
        }
        boolean everything = all != null && all.asBoolean();
        if (!everything && ids.isEmpty()) {
            throw new EventException("$.distributionIds: give at least one distribution id, or {\"all\": true}");
        }
        return new Trigger.Manual(ids, everything);
    }

    private Trigger cloudTrail(JsonNode detail) throws EventException {
        if (!detail.isObject()) {
            throw new EventException("$.detail: missing; a CloudTrail event carries the API call in 'detail'");
        }
        String eventName = API_VERSION_SUFFIX.matcher(detail.path("eventName").asText("")).replaceFirst("");
        if (detail.hasNonNull("errorCode")) {
            return new Trigger.Ignored(abbreviate(eventName) + " failed with " + abbreviate(detail.get("errorCode").asText())
                    + ": nothing changed, nothing to check");
        }
        JsonNode request = detail.path("requestParameters");
        JsonNode response = detail.path("responseElements");
        if (DISTRIBUTION_EVENTS.contains(eventName)) {
            // Create and Copy name the new distribution only in the response; Update names it in both.
            JsonNode id = response.path("distribution").path("id");
            if (!id.isTextual()) {
                id = request.path("id");
            }
            return new Trigger.DistributionChanged(distributionId(id,
                    "$.detail.requestParameters.id or $.detail.responseElements.distribution.id"), eventName);
        }
        return switch (eventName) {
            // The distribution is a URI parameter (PUT /distribution/{TargetDistributionId}/associate-alias), which
            // CloudTrail records under the member's name, first letter lower-cased; the response is empty.
            case "AssociateAlias" -> new Trigger.DistributionChanged(distributionId(request.path("targetDistributionId"),
                    "$.detail.requestParameters.targetDistributionId"), eventName);
            case "UpdateDomainAssociation" -> domainMoved(request.path("targetResource"), eventName);
            case "CreateDistributionTenant" -> response.path("distributionTenant").path("id").isTextual()
                    ? new Trigger.TenantChanged(tenantId(response.path("distributionTenant").path("id"),
                    "$.detail.responseElements.distributionTenant.id"), eventName)
                    : new Trigger.DistributionChanged(distributionId(request.path("distributionId"),
                    "$.detail.requestParameters.distributionId"), eventName);
            case "UpdateDistributionTenant" -> new Trigger.TenantChanged(tenantId(request.path("id"),
                    "$.detail.requestParameters.id"), eventName);
            case "UpdateContinuousDeploymentPolicy" -> new Trigger.ContinuousDeploymentChanged(
                    requiredId(request.path("id"), "$.detail.requestParameters.id", "continuous deployment policy"),
                    eventName);
            case "UpdateCachePolicy" -> new Trigger.PolicyChanged(Trigger.PolicyKind.CACHE_POLICY,
                    policyId(detail), eventName);
            case "UpdateOriginRequestPolicy" -> new Trigger.PolicyChanged(Trigger.PolicyKind.ORIGIN_REQUEST_POLICY,
                    policyId(detail), eventName);
            default -> new Trigger.Ignored(abbreviate(eventName) + " does not change how CloudFront reaches origins");
        };
    }

    /** UpdateDomainAssociation: the domain now belongs to a distribution or to a distribution tenant. */
    private static Trigger domainMoved(JsonNode target, String eventName) throws EventException {
        if (target.hasNonNull("distributionTenantId")) {
            return new Trigger.TenantChanged(tenantId(target.get("distributionTenantId"),
                    "$.detail.requestParameters.targetResource.distributionTenantId"), eventName);
        }
        return new Trigger.DistributionChanged(distributionId(target.path("distributionId"),
                "$.detail.requestParameters.targetResource.distributionId (or distributionTenantId)"), eventName);
    }

    private static String policyId(JsonNode detail) throws EventException {
        return requiredId(detail.path("requestParameters").path("id"), "$.detail.requestParameters.id", "policy");
    }

    private static String requiredId(JsonNode id, String path, String what) throws EventException {
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new EventException(path + ": missing " + what + " id");
        }
        return id.asText();
    }

    private static String tenantId(JsonNode node, String path) throws EventException {
        String id = requiredId(node, path, "distribution tenant");
        if (!TENANT_ID.matcher(id).matches()) {
            throw new EventException(path + ": '" + abbreviate(id) + "' is not a distribution tenant id");
        }
        return id;
    }

    private static String distributionId(JsonNode node, String path) throws EventException {
        if (node == null || !node.isTextual()) {
            throw new EventException(path + ": missing distribution id (a string like E2QWRUHAPOMQZL)");
        }
        String id = node.asText();
        if (!DistributionId.isValid(id)) {
            throw new EventException(path + ": '" + abbreviate(id) + "' is not a CloudFront distribution id");
        }
        return id;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
