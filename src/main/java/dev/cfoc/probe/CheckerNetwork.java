package dev.cfoc.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Whether the checker itself runs inside a private network (a VPC, an office network), where DNS may answer from a
 * private zone (a Route 53 private hosted zone, split-horizon DNS) that CloudFront's edges do not see. There, a name
 * that resolves to private addresses may still resolve to public ones for CloudFront, so the checker cannot claim
 * that CloudFront fails.
 *
 * @param evidence what showed the private network ("interface eth0 has 10.0.3.17"); empty: none seen
 */
public record CheckerNetwork(Optional<String> evidence) {

    /** Where the system's resolvers are listed (glibc, musl; Lambda's runtimes and EC2 Linux images). */
    static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    private static final CheckerNetwork NOT_PRIVATE = new CheckerNetwork(Optional.empty());

    public static CheckerNetwork notPrivate() {
        return NOT_PRIVATE;
    }

    public static CheckerNetwork privateNetwork(String evidence) {
        return new CheckerNetwork(Optional.of(evidence));
    }

    public boolean isPrivate() {
        return evidence.isPresent();
    }

    /**
     * Decision: the checker is in a private network when one of its up, non-loopback network interfaces has a
     * private address (RFC 1918, CGNAT 100.64/10 or unique-local fc00::/7), or when a resolver it uses
     * ({@code nameserver} in /etc/resolv.conf) has one (a VPC's resolver is at its CIDR base + 2). AWS documents no
     * way for code to learn that it runs in a VPC; a Lambda function attached to one reaches it through Hyperplane
     * ENIs whose addresses its own interfaces may not show, hence the resolver too. Link-local addresses (Lambda's own
     * sandbox network, 169.254.x.x) do not count. Read once, when the engine is built.
     */
    public static CheckerNetwork detect() {
        return detect(interfaceAddresses(), nameservers(RESOLV_CONF));
    }

    /**
     * As {@link #detect()}, unless the checker is known to be attached to a VPC (the Lambda's VpcSubnetIds, the CLI's
     * {@code --probe-vpc-origins}): then it is in a private network whatever its interfaces show (a Lambda function
     * reaches its VPC through Hyperplane ENIs its own interfaces need not show).
     */
    public static CheckerNetwork detect(boolean attachedToVpc) {
        return attachedToVpc ? ATTACHED_TO_VPC : detect();
    }

    static final CheckerNetwork ATTACHED_TO_VPC = privateNetwork("the checker is attached to a VPC (VpcSubnetIds, "
            + "VPC_SUBNET_IDS or --probe-vpc-origins), where DNS may answer from a private hosted zone");

    /** @param interfaceAddresses interface name → address, of the up, non-loopback interfaces */
    static CheckerNetwork detect(List<InterfaceAddress> interfaceAddresses, List<InetAddress> nameservers) {
        for (InterfaceAddress address : interfaceAddresses) {
            if (AddressScope.of(address.address()).isPrivateNetwork()) {
                return privateNetwork("interface " + address.interfaceName() + " has "
                        + address.address().getHostAddress());
            }
        }
        for (InetAddress nameserver : nameservers) {
            if (AddressScope.of(nameserver).isPrivateNetwork()) {
                return privateNetwork("the resolver " + nameserver.getHostAddress() + " (" + RESOLV_CONF
                        + ") is private");
            }
        }
        return NOT_PRIVATE;
    }

    /** One address of one network interface. */
    record InterfaceAddress(String interfaceName, InetAddress address) {
    }

    private static List<InterfaceAddress> interfaceAddresses() {
        List<InterfaceAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    Collections.list(nic.getInetAddresses())
                            .forEach(address -> found.add(new InterfaceAddress(nic.getName(), address)));
                }
            }
        } catch (SocketException e) {
            // no interface list: judged on the resolvers alone
        }
        return found;
    }

    /** The {@code nameserver} addresses of a resolv.conf; none when it cannot be read. */
    static List<InetAddress> nameservers(Path resolvConf) {
        List<String> lines;
        try {
            lines = Files.readAllLines(resolvConf);
        } catch (IOException | RuntimeException e) {
            return List.of(); // unreadable: judged on the interfaces alone
        }
        List<InetAddress> found = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            // only address literals, which InetAddress parses without asking DNS
            if (words.length >= 2 && words[0].equals("nameserver")
                    && (words[1].matches("[0-9.]+") || words[1].contains(":"))) {
                try {
                    found.add(InetAddress.getByName(words[1]));
                } catch (UnknownHostException e) {
                    // not an address: ignored
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return evidence.map(e -> "CheckerNetwork[private: " + e + "]").orElse("CheckerNetwork[not private]");
    }
}
