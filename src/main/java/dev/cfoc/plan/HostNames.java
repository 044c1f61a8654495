package dev.cfoc.plan;

import dev.cfoc.config.Distribution;
import dev.cfoc.config.Origin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Host values (and so SNI names) CloudFront uses towards an origin for one route: the origin's domain name
 * when Host is not forwarded, every viewer Host when it is, both when unknown.
 */
final class HostNames {

    /**
     * Decision: a wildcard alias "*.example.com" stands for "some name under it"; we probe it with this fixed
     * first label, which any certificate covering the wildcard also covers.
     */
    static final String WILDCARD_PROBE_LABEL = "cfoc-wildcard-probe";

    static final String EVIDENCE_VIEWER_HOST_FALLBACK = "viewerHostFallback";
    static final String EVIDENCE_VIEWER_NAMES = "viewerNames";

    private HostNames() {
    }

    /** The names to use as Host (and SNI) for a route, in a stable order. Notes substitutions in {@code evidence}. */
    static List<String> forRoute(Route route, Distribution distribution, Origin origin, Map<String, String> evidence) {
        var names = new LinkedHashSet<String>();
        switch (route.host().outcome()) {
            case NOT_FORWARDED -> names.add(origin.domainName());
            case FORWARDED -> names.addAll(viewerHosts(distribution, origin, evidence));
            case UNKNOWN -> {
                names.add(origin.domainName());
                names.addAll(viewerHosts(distribution, origin, evidence));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Every alias is a Host a viewer can send, and so is every name the source learnt elsewhere (a tenant's domains, a
     * staging distribution's primary's names: {@link Distribution#viewerNames()}). Decision: with such names we do not
     * also probe the *.cloudfront.net name (viewers of an aliased distribution use the aliases); without them viewers
     * must use it, except for a staging distribution, which viewers never address (they reach it through its
     * primary). When no name is known (a bare DistributionConfig file, or a staging distribution whose primary is
     * unknown) we fall back to the origin domain and say so in the evidence.
     */
    static List<String> viewerHosts(Distribution distribution, Origin origin, Map<String, String> evidence) {
        var names = new LinkedHashSet<String>(distribution.aliases());
        distribution.viewerNames().ifPresent(learnt -> {
            names.addAll(learnt.hosts());
            evidence.put(EVIDENCE_VIEWER_NAMES, learnt.reason() + ": " + String.join(", ", learnt.hosts()));
        });
        if (!names.isEmpty()) {
            return names.stream().map(HostNames::representative).distinct().toList();
        }
        if (distribution.staging()) {
            evidence.put(EVIDENCE_VIEWER_HOST_FALLBACK, "Host is forwarded, but this staging distribution's primary "
                    + "is unknown, and with it the Host values viewers send: probed with the origin domain name "
                    + origin.domainName() + " as Host and SNI instead");
            return List.of(origin.domainName());
        }
        if (distribution.domainName().isPresent()) {
            return List.of(distribution.domainName().get());
        }
        evidence.put(EVIDENCE_VIEWER_HOST_FALLBACK, "Host is forwarded, but the distribution has no aliases and its "
                + "*.cloudfront.net domain name is unknown (the file is a bare DistributionConfig): probed with the "
                + "origin domain name " + origin.domainName() + " as Host and SNI instead");
        return List.of(origin.domainName());
    }

    /** A concrete name for an alias: wildcard aliases get the probe label as first label. */
    static String representative(String alias) {
        String name = alias.toLowerCase(Locale.ROOT);
        return name.startsWith("*.") ? WILDCARD_PROBE_LABEL + name.substring(1) : name;
    }
}
