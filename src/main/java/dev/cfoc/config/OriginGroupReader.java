package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a DistributionConfig's OriginGroups: Ids unique and none an origin's Id, every member an origin of the
 * distribution.
 */
final class OriginGroupReader {

    private final JsonFields json;

    OriginGroupReader(JsonFields json) {
        this.json = json;
    }

    List<OriginGroup> read(Located config, IdReferences references) throws ConfigException {
        var groups = new ArrayList<OriginGroup>();
        var ids = new UniqueIds(json, "origin group");
        for (Located group : json.objectItems(config, "OriginGroups")) {
            String id = json.requiredText(group, "Id");
            ids.add(group, id);
            references.requireNotAnOrigin(group, id);
            var members = new ArrayList<String>();
            json.requiredObject(group, "Members");
            for (Located member : json.objectItems(group, "Members")) {
                String originId = json.requiredText(member, "OriginId");
                references.requireOrigin(member, originId);
                members.add(originId);
            }
            if (members.isEmpty()) {
                throw json.error(group.child("Members"), "must list at least one member");
            }
            groups.add(new OriginGroup(id, members, failoverStatusCodes(group)));
        }
        return groups;
    }

    private List<Integer> failoverStatusCodes(Located group) throws ConfigException {
        var statusCodes = new ArrayList<Integer>();
        Optional<Located> criteria = json.optionalObject(group, "FailoverCriteria");
        if (criteria.isPresent()) {
            for (Located code : json.items(criteria.get(), "StatusCodes")) {
                if (!code.node().isIntegralNumber() || !code.node().canConvertToInt()) {
                    throw json.error(code.path(), "must be an integer, got " + JsonFields.describe(code.node()));
                }
                statusCodes.add(code.node().intValue());
            }
        }
        return statusCodes;
    }
}
