package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.HashMap;
import java.util.Map;

/** The Ids of one list (origins, origin groups), each remembered where first seen, so a repeat names both places. */
final class UniqueIds {

    private final JsonFields json;
    private final String what;
    private final Map<String, String> firstSeenAt = new HashMap<>();

    /** @param what the kind of item, for messages: "origin", "origin group" */
    UniqueIds(JsonFields json, String what) {
        this.json = json;
        this.what = what;
    }

    /** Rejects {@code id} of {@code item} if an earlier item of the list had it. */
    void add(Located item, String id) throws ConfigException {
        String earlier = firstSeenAt.putIfAbsent(id, item.path());
        if (earlier != null) {
            throw json.error(item.child("Id"),
                    "duplicate " + what + " Id " + JsonFields.echo(id) + " (also at " + earlier + ")");
        }
    }
}
