package dev.cfoc.firewall;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

/**
 * {@link DnsNames} over the JDK's JNDI DNS provider ({@code com.sun.jndi.dns}, module jdk.naming.dns): the JDK's
 * resolver does not expose CNAME records, this one queries record types directly. Each query gets one first try and
 * one retry at twice the wait ({@code com.sun.jndi.dns.timeout.initial} / {@code .retries}), together the timeout.
 */
final class JndiDnsNames implements DnsNames {

    private static final String FACTORY = "com.sun.jndi.dns.DnsContextFactory";
    private static final int TRIES = 2;

    private final Hashtable<String, String> environment = new Hashtable<>();

    /**
     * @param server  {@code host:port} of the DNS server to ask; empty: the system's (/etc/resolv.conf)
     * @param timeout how long one query may wait in all
     */
    JndiDnsNames(Optional<String> server, Duration timeout) {
        environment.put(Context.INITIAL_CONTEXT_FACTORY, FACTORY);
        environment.put(Context.PROVIDER_URL, server.map(s -> "dns://" + s).orElse("dns:"));
        // tries wait initial, then 2 x initial: 3 x initial in all
        environment.put("com.sun.jndi.dns.timeout.initial", String.valueOf(Math.max(1, timeout.toMillis() / 3)));
        environment.put("com.sun.jndi.dns.timeout.retries", String.valueOf(TRIES));
    }

    @Override
    public List<String> cnameChain(String name) {
        List<String> chain = new ArrayList<>();
        String current = name;
        for (int i = 0; i < MAX_CHAIN; i++) {
            Optional<String> next = record(current, "CNAME");
            if (next.isEmpty() || chain.contains(next.get())) {
                break;
            }
            chain.add(next.get());
            current = next.get();
        }
        return List.copyOf(chain);
    }

    @Override
    public Optional<String> reverse(InetAddress address) {
        return record(reverseName(address), "PTR");
    }

    static String reverseName(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append('.');
            }
            return name.append("in-addr.arpa").toString();
        }
        for (int i = bytes.length - 1; i >= 0; i--) {
            name.append(Character.forDigit(bytes[i] & 0xf, 16)).append('.')
                    .append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append('.');
        }
        return name.append("ip6.arpa").toString();
    }

    /** The first value of one record type of {@code name}, without its final dot; empty when none or on failure. */
    private Optional<String> record(String name, String type) {
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            Attribute attribute = context.getAttributes(name, new String[] {type}).get(type);
            if (attribute == null || attribute.size() == 0) {
                return Optional.empty();
            }
            NamingEnumeration<?> values = attribute.getAll();
            return values.hasMore() ? Optional.of(AwsHostNames.normalise(String.valueOf(values.next()))).filter(n -> !n.isEmpty())
                    : Optional.empty();
        } catch (NamingException | RuntimeException e) {
            return Optional.empty(); // no such name, no such record, timeout, refused: nothing learnt
        } finally {
            close(context);
        }
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                // nothing held
            }
        }
    }
}
