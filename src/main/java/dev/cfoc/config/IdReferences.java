package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cross-reference checks of one distribution: origin group members must name origins, group Ids must not repeat
 * origin Ids, and a behavior's TargetOriginId must name an origin or a group.
 */
final class IdReferences {

    private final JsonFields json;
    private final Set<String> originIds;
    private final Set<String> targetIds;

    private IdReferences(JsonFields json, Set<String> originIds, Set<String> targetIds) {
        this.json = json;
        this.originIds = Set.copyOf(originIds);
        this.targetIds = Set.copyOf(targetIds);
    }

    /** References to {@code origins}; {@link #withGroups} adds the groups behaviors may also target. */
    static IdReferences toOrigins(JsonFields json, List<Origin> origins) {
        Set<String> ids = new HashSet<>();
        origins.forEach(origin -> ids.add(origin.id()));
        return new IdReferences(json, ids, ids);
    }

    /** These references plus the Ids of {@code groups}, which behaviors may also target. */
    IdReferences withGroups(List<OriginGroup> groups) {
        Set<String> targets = new HashSet<>(originIds);
        groups.forEach(group -> targets.add(group.id()));
        return new IdReferences(json, originIds, targets);
    }

    /** @param group an origin group, whose Id is {@code groupId}: it must not be an origin's Id too */
    void requireNotAnOrigin(Located group, String groupId) throws ConfigException {
        if (originIds.contains(groupId)) {
            throw json.error(group.child("Id"),
                    "duplicate Id " + JsonFields.echo(groupId) + ": an origin has the same Id");
        }
    }

    /** @param member an origin group member, whose OriginId is {@code originId} */
    void requireOrigin(Located member, String originId) throws ConfigException {
        if (!originIds.contains(originId)) {
            throw json.error(member.child("OriginId"),
                    "names no origin of this distribution: " + JsonFields.echo(originId));
        }
    }

    /** @param behavior a cache behavior, whose TargetOriginId is {@code targetId} */
    void requireTarget(Located behavior, String targetId) throws ConfigException {
        if (!targetIds.contains(targetId)) {
            throw json.error(behavior.child("TargetOriginId"),
                    "names neither an origin nor an origin group: " + JsonFields.echo(targetId));
        }
    }
}
