package dev.cfoc.config;

import java.util.List;

/** An origin group: CloudFront fails over from the first member to the second. */
public record OriginGroup(String id, List<String> memberOriginIds, List<Integer> failoverStatusCodes) {

    public OriginGroup {
        memberOriginIds = List.copyOf(memberOriginIds);
        failoverStatusCodes = List.copyOf(failoverStatusCodes);
    }
}
