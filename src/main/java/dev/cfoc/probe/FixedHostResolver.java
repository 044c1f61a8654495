package dev.cfoc.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A fixed name → IP table; anything else does not resolve. Never touches DNS. */
final class FixedHostResolver implements HostResolver {

    private final Map<String, InetAddress> table;

    FixedHostResolver(Map<String, String> nameToIp) {
        Map<String, InetAddress> parsed = new HashMap<>();
        nameToIp.forEach((name, ip) -> parsed.put(name.toLowerCase(Locale.ROOT), literal(name, ip)));
        this.table = Map.copyOf(parsed);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        InetAddress address = table.get(host.toLowerCase(Locale.ROOT));
        if (address == null) {
            throw new UnknownHostException(host + ": not in the fixed resolver's table");
        }
        return List.of(address);
    }

    private static InetAddress literal(String name, String ip) {
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("nameToIp[" + name + "]: not an IP address literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("nameToIp[" + name + "]: not an IP address literal: " + ip, e);
        }
    }
}
