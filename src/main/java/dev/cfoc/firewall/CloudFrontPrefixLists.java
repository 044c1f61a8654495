package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFront's origin-facing managed prefix lists as one region knows them: their names are global, their ids differ
 * per region (docs/cloudfront-rules.md#origin-facing-addresses).
 */
public record CloudFrontPrefixLists(Map<AddressFamily, PrefixList> byFamily) {

    /** The IPv4 list of CloudFront's origin-facing servers. */
    public static final String IPV4_NAME = "com.amazonaws.global.cloudfront.origin-facing";
    /** The IPv6 list of CloudFront's origin-facing servers. */
    public static final String IPV6_NAME = "com.amazonaws.global.ipv6.cloudfront.origin-facing";
    public static final List<String> NAMES = List.of(IPV4_NAME, IPV6_NAME);

    public CloudFrontPrefixLists {
        byFamily = byFamily.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byFamily));
    }

    /** Keeps the lists among {@code lists} that are CloudFront's, by name. */
    public static CloudFrontPrefixLists of(List<PrefixList> lists) {
        Map<AddressFamily, PrefixList> found = new EnumMap<>(AddressFamily.class);
        for (PrefixList list : lists) {
            if (IPV4_NAME.equals(list.name())) {
                found.put(AddressFamily.IPV4, list);
            } else if (IPV6_NAME.equals(list.name())) {
                found.put(AddressFamily.IPV6, list);
            }
        }
        return new CloudFrontPrefixLists(found);
    }

    public Optional<PrefixList> forFamily(AddressFamily family) {
        return Optional.ofNullable(byFamily.get(family));
    }

    /** The list's name for {@code family}, whether or not this region's id is known. */
    public static String name(AddressFamily family) {
        return family == AddressFamily.IPV4 ? IPV4_NAME : IPV6_NAME;
    }

    /** Whether {@code prefixListId} is one of CloudFront's lists, of any family. */
    public boolean isCloudFront(String prefixListId) {
        return byFamily.values().stream().anyMatch(l -> l.id().equals(prefixListId));
    }
}
