package dev.cfoc.probe;

import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The one place where a connection's resolved addresses are narrowed to its address family
 * ({@link ProbeTarget#addressFamily()}, planned from IpAddressType): only those are connected to, as CloudFront
 * does. Says when the family has no address, and when the checker itself cannot route to it.
 */
final class AddressFamilies {

    /** What a connection may use: the family's addresses, or why there are none. */
    sealed interface Selection {
        record Usable(List<InetAddress> addresses) implements Selection {
        }

        /** Nothing to connect to; {@code problem} says why, when it is worth a finding. */
        record Unusable(Optional<Problem> problem) implements Selection {
        }
    }

    private AddressFamilies() {
    }

    static Selection select(ProbeTarget target, List<InetAddress> resolved, RouteCheck routes) {
        List<InetAddress> inFamily = target.addressFamily().of(resolved);
        if (inFamily.isEmpty()) {
            // dualstack: CloudFront uses the other family, which is a connection of its own
            return new Selection.Unusable(target.onlyFamily()
                    ? Optional.of(ProbeFindings.noAddressInFamily(target, resolved)) : Optional.empty());
        }
        if (inFamily.stream().noneMatch(routes::routable)) {
            return new Selection.Unusable(Optional.of(ProbeFindings.familyNotRoutedFromChecker(target, inFamily)));
        }
        return new Selection.Usable(inFamily);
    }
}
