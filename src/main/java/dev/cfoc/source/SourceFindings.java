package dev.cfoc.source;

import dev.cfoc.aws.PolicyKind;
import dev.cfoc.aws.Unavailable;
import dev.cfoc.aws.UnavailablePolicy;
import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.Distribution;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Findings about whole distributions that come from reading them, not from probing: pure. */
final class SourceFindings {

    private SourceFindings() {
    }

    /** The API did not give the distribution (or listing stopped): SOURCE_UNAVAILABLE. */
    static Finding unavailable(Unavailable unavailable) {
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("reason", unavailable.reason());
        String what = unavailable.isListingFailure()
                ? "Some distributions could not be listed from the CloudFront API, so they were not checked: "
                : "Distribution " + unavailable.id() + " could not be read from the CloudFront API, so it was not checked: ";
        return Finding.aboutDistribution(new Problem(FindingCode.SOURCE_UNAVAILABLE, what + unavailable.reason(), evidence));
    }

    /** The API gave the distribution but its configuration failed the loader's validation: SOURCE_UNAVAILABLE. */
    static Finding invalid(String distributionId, String validationError) {
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("validationError", validationError);
        return Finding.aboutDistribution(new Problem(FindingCode.SOURCE_UNAVAILABLE, "Distribution " + distributionId
                + " was read from the CloudFront API but its configuration could not be used, so it was not checked: "
                + validationError, evidence));
    }

    /** POLICY_UNRESOLVED for each unreadable policy that a behavior of {@code distribution} uses. */
    static List<Finding> unresolvedPolicies(Distribution distribution, List<UnavailablePolicy> unavailable) {
        return unavailable.stream()
                .map(policy -> unresolved(distribution, policy))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<Finding> unresolved(Distribution distribution, UnavailablePolicy policy) {
        List<String> behaviors = distribution.allBehaviors().stream()
                .filter(b -> policyId(b, policy.kind()).filter(policy.id()::equals).isPresent())
                .map(b -> b.isDefault() ? "default behavior (*)" : b.pathPattern())
                .toList();
        if (behaviors.isEmpty()) {
            return Optional.empty();
        }
        String type = switch (policy.kind()) {
            case CACHE -> "cache policy";
            case ORIGIN_REQUEST -> "origin request policy";
        };
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("policyType", type);
        evidence.put("policyId", policy.id());
        evidence.put("behaviors", String.join(", ", behaviors));
        evidence.put("reason", policy.reason());
        evidence.put(FindingCode.POLICY_SOURCE, FindingCode.POLICY_SOURCE_API);
        return Optional.of(Finding.aboutDistribution(new Problem(FindingCode.POLICY_UNRESOLVED, "The " + type + " "
                + policy.id() + " (used by " + String.join(", ", behaviors) + ") could not be read from the CloudFront "
                + "API: " + policy.reason() + ". The origins behind it were checked both with and without a "
                + "forwarded Host.", evidence)));
    }

    private static Optional<String> policyId(CacheBehavior behavior, PolicyKind kind) {
        return switch (kind) {
            case CACHE -> behavior.cachePolicyId();
            case ORIGIN_REQUEST -> behavior.originRequestPolicyId();
        };
    }
}
