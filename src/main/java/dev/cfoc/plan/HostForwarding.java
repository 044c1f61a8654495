package dev.cfoc.plan;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.HeadersConfig;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for one cache behavior, whether CloudFront forwards the viewer's Host header to the origin (and so
 * sends it as SNI). Host is forwarded when the legacy ForwardedValues headers list Host or "*", when the cache
 * policy whitelists Host, or when the origin request policy is allViewer, allViewerAndWhitelistCloudFront,
 * a whitelist with Host, or allExcept without Host.
 */
public final class HostForwarding {

    /** FORWARDED: viewer Host values; NOT_FORWARDED: the origin domain; UNKNOWN: a policy could not be read. */
    public enum Outcome { FORWARDED, NOT_FORWARDED, UNKNOWN }

    /**
     * @param reason     why, in words, for evidence
     * @param unresolved each policy that decided nothing because it could not be read
     */
    public record Decision(Outcome outcome, String reason, List<UnresolvedPolicy> unresolved) {

        public Decision {
            unresolved = List.copyOf(unresolved);
        }

        /** POLICY_UNRESOLVED for each policy of this behavior that could not be read. */
        public List<Problem> problems() {
            return oncePerPolicy(unresolved);
        }
    }

    /**
     * A policy that a behavior names and the catalog does not hold.
     *
     * @param type     "cache policy" or "origin request policy"
     * @param behavior the behavior's path pattern
     */
    public record UnresolvedPolicy(String type, String id, String behavior) {
    }

    static final String HOST = "Host";
    private static final String ANY_HEADER = "*";

    /**
     * Decision: when a policy cannot be resolved we probe both ways (origin domain and every viewer Host) rather
     * than guess one, so that no 502 is missed; the extra cases cost a few connections.
     */
    static final String UNRESOLVED_ASSUMPTION = "Host may or may not be forwarded: the origin is probed both with "
            + "its own domain name and with every viewer Host (alias) as SNI and Host, so no 502 is missed";

    private final PolicyCatalog catalog;

    public HostForwarding(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    public Decision decide(CacheBehavior behavior) {
        var forwardedBy = new ArrayList<String>();
        var unresolved = new ArrayList<UnresolvedPolicy>();

        behavior.legacyForwardedHeaders().ifPresent(headers -> {
            if (headers.contains(ANY_HEADER)) {
                forwardedBy.add("legacy ForwardedValues.Headers lists *");
            } else if (headers.stream().anyMatch(HOST::equalsIgnoreCase)) {
                forwardedBy.add("legacy ForwardedValues.Headers lists Host");
            }
        });
        behavior.cachePolicyId().ifPresent(id -> {
            Optional<HeadersConfig> headers = catalog.cachePolicy(id);
            if (headers.isEmpty()) {
                unresolved.add(new UnresolvedPolicy("cache policy", id, behavior.pathPattern()));
            } else if (cachePolicyForwardsHost(headers.get())) {
                forwardedBy.add(describeCachePolicy(id) + " includes Host in the cache key");
            }
        });
        behavior.originRequestPolicyId().ifPresent(id -> {
            Optional<HeadersConfig> headers = catalog.originRequestPolicy(id);
            if (headers.isEmpty()) {
                unresolved.add(new UnresolvedPolicy("origin request policy", id, behavior.pathPattern()));
            } else if (originRequestPolicyForwardsHost(headers.get())) {
                forwardedBy.add(describeOriginRequestPolicy(id) + " forwards Host (HeaderBehavior "
                        + headers.get().behavior() + ")");
            }
        });

        if (!forwardedBy.isEmpty()) {
            return new Decision(Outcome.FORWARDED, String.join("; ", forwardedBy), List.of());
        }
        if (!unresolved.isEmpty()) {
            return new Decision(Outcome.UNKNOWN, "unresolved policy: " + UNRESOLVED_ASSUMPTION, unresolved);
        }
        return new Decision(Outcome.NOT_FORWARDED,
                "no legacy header setting, cache policy or origin request policy forwards Host", List.of());
    }

    /** Cache policies know only none and whitelist. */
    public static boolean cachePolicyForwardsHost(HeadersConfig headers) {
        return ManagedPolicies.WHITELIST.equals(headers.behavior()) && headers.lists(HOST);
    }

    public static boolean originRequestPolicyForwardsHost(HeadersConfig headers) {
        return switch (headers.behavior()) {
            case ManagedPolicies.ALL_VIEWER, ManagedPolicies.ALL_VIEWER_AND_WHITELIST_CLOUDFRONT -> true;
            case ManagedPolicies.WHITELIST -> headers.lists(HOST);
            case ManagedPolicies.ALL_EXCEPT -> !headers.lists(HOST);
            default -> false;
        };
    }

    /**
     * Decision: one POLICY_UNRESOLVED per policy and distribution, naming every behavior that uses it (each origin's
     * {@code hostForwarding} note says it was probed both ways), rather than one per behavior or origin.
     */
    static List<Problem> oncePerPolicy(List<UnresolvedPolicy> references) {
        var behaviorsByPolicy = new LinkedHashMap<List<String>, Set<String>>();
        for (UnresolvedPolicy reference : references) {
            behaviorsByPolicy.computeIfAbsent(List.of(reference.type(), reference.id()), p -> new LinkedHashSet<>())
                    .add(reference.behavior());
        }
        return behaviorsByPolicy.entrySet().stream()
                .map(e -> unresolved(e.getValue(), e.getKey().get(0), e.getKey().get(1)))
                .toList();
    }

    private static Problem unresolved(Set<String> behaviors, String policyType, String id) {
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("behavior", String.join(", ", behaviors));
        evidence.put("policyType", policyType);
        evidence.put("policyId", id);
        evidence.put(FindingCode.POLICY_SOURCE, FindingCode.POLICY_SOURCE_FILE);
        evidence.put("assumption", UNRESOLVED_ASSUMPTION);
        String message = "The " + policyType + " " + id + " of behavior" + (behaviors.size() == 1 ? " " : "s ")
                + String.join(", ", behaviors) + " is not a managed policy and its definition is not in the "
                + "configuration, so whether it forwards Host is unknown. Assumed: " + UNRESOLVED_ASSUMPTION + ".";
        return new Problem(FindingCode.POLICY_UNRESOLVED, message, evidence);
    }

    private static String describeCachePolicy(String id) {
        return ManagedPolicies.cachePolicy(id).map(p -> "managed cache policy " + p.name() + " (" + p.id() + ")")
                .orElse("cache policy " + id);
    }

    private static String describeOriginRequestPolicy(String id) {
        return ManagedPolicies.originRequestPolicy(id)
                .map(p -> "managed origin request policy " + p.name() + " (" + p.id() + ")")
                .orElse("origin request policy " + id);
    }
}
