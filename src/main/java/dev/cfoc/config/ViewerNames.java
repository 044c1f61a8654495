package dev.cfoc.config;

import java.util.List;
import java.util.Objects;

/**
 * Host values viewers send to a distribution besides its own aliases, learnt from elsewhere than its configuration:
 * the domains of a distribution tenant (they are Host values of its parent distribution), or the names of a staging
 * distribution's primary (viewers reach a staging distribution only through its primary:
 * docs/cloudfront-rules.md#staging-distributions).
 *
 * @param hosts  the names, in a stable order
 * @param reason where they come from, for the report (e.g. "staging distribution of primary E2QWRUHAPOMQZL")
 */
public record ViewerNames(List<String> hosts, String reason) {

    public ViewerNames {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(reason, "reason");
    }
}
