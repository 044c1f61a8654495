package dev.cfoc.probe;

import java.net.InetAddress;
import java.util.List;

/**
 * Which of an origin name's addresses a probe may connect to. By default only public ones ({@link AddressScope}):
 * CloudFront's edges reach origins over the internet, and a probe of a loopback, link-local or private address would
 * let whoever edits a distribution send requests (path and headers of their choosing) into the checker's own network
 * — its runtime API, a metadata service. Labs and tests whose origins listen on loopback opt in with
 * {@link #allowPrivate()}.
 *
 * @param privateAllowed connect to every address (labs and tests only)
 * @param network      where the checker runs: inside a private network, a private answer may come from private DNS
 */
public record AddressPolicy(boolean privateAllowed, CheckerNetwork network) {

    /** Public addresses only; {@code network} decides how a private answer is worded. */
    public static AddressPolicy publicOnly(CheckerNetwork network) {
        return new AddressPolicy(false, network);
    }

    /** Every address, loopback and private included: for labs, tests and the demo. */
    public static AddressPolicy allowPrivate() {
        return new AddressPolicy(true, CheckerNetwork.notPrivate());
    }

    /**
     * @param probed    the addresses to connect to, in the resolver's order
     * @param notProbed the addresses left out because CloudFront cannot reach them
     */
    record Split(List<InetAddress> probed, List<InetAddress> notProbed) {
        Split {
            probed = List.copyOf(probed);
            notProbed = List.copyOf(notProbed);
        }
    }

    Split split(List<InetAddress> addresses) {
        if (privateAllowed) {
            return new Split(addresses, List.of());
        }
        return new Split(addresses.stream().filter(a -> AddressScope.of(a).isPublic()).toList(),
                addresses.stream().filter(a -> !AddressScope.of(a).isPublic()).toList());
    }
}
