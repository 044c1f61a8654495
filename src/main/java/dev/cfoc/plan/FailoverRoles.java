package dev.cfoc.plan;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.config.OriginGroup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects, behavior by behavior, how each origin is reached, and gives the {@link Failover} of the origins that are
 * reached only as the primary member of origin groups (a behavior targeting the origin itself has no failover).
 */
final class FailoverRoles {

    private final Set<String> reachedDirectly = new HashSet<>();
    private final Map<String, List<String>> secondaries = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> statusCodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> otherMethods = new LinkedHashMap<>();

    void reachedDirectly(String originId) {
        reachedDirectly.add(originId);
    }

    void reachedThrough(OriginGroup group, CacheBehavior behavior) {
        List<String> members = group.memberOriginIds();
        if (members.size() < 2) {
            return;
        }
        String primary = members.getFirst();
        List<String> groupSecondaries = secondaries.computeIfAbsent(primary, id -> new ArrayList<>());
        if (!groupSecondaries.contains(members.get(1))) {
            groupSecondaries.add(members.get(1));
        }
        statusCodes.merge(primary, new LinkedHashSet<>(group.failoverStatusCodes()), (a, b) -> {
            a.retainAll(b);
            return a;
        });
        var notFailingOver = new TreeSet<>(behavior.allowedMethods());
        notFailingOver.removeAll(Failover.FAILOVER_METHODS);
        if (!notFailingOver.isEmpty()) {
            otherMethods.computeIfAbsent(primary, id -> new LinkedHashSet<>())
                    .add(behavior.pathPattern() + " (" + String.join(", ", notFailingOver) + ")");
        }
    }

    Optional<Failover> of(String originId) {
        if (reachedDirectly.contains(originId) || !secondaries.containsKey(originId)) {
            return Optional.empty();
        }
        return Optional.of(new Failover(secondaries.get(originId), statusCodes.get(originId),
                List.copyOf(otherMethods.getOrDefault(originId, Set.of()))));
    }
}
