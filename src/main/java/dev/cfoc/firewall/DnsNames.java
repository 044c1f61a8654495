package dev.cfoc.firewall;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the firewall check needs from DNS beyond addresses (the JDK's resolver gives only those): the CNAME chain of a
 * name, and the name behind an address (PTR). Every lookup is bounded in time; a failed lookup is an empty answer.
 */
public interface DnsNames {

    /**
     * Decision: how long one DNS query of the firewall check may wait for its answer (first try plus one retry).
     * These lookups only find the AWS resource behind an origin; the probe's own lookups are bounded separately.
     */
    Duration QUERY_TIMEOUT = Duration.ofSeconds(3);

    /** At most this many CNAMEs are followed (a loop or an absurd chain ends there). */
    int MAX_CHAIN = 8;

    /** The names {@code name}'s CNAME records lead to, in order; empty when it has none or the lookup failed. */
    List<String> cnameChain(String name);

    /** The PTR name of {@code address}, when it has one. */
    Optional<String> reverse(InetAddress address);

    /** The system's DNS servers (/etc/resolv.conf), through JNDI's DNS provider. */
    static DnsNames system() {
        return new JndiDnsNames(Optional.empty(), QUERY_TIMEOUT);
    }

    /** No lookups at all: names are taken as they are written (tests, the demo, fixed resolvers). */
    static DnsNames none() {
        return new DnsNames() {
            @Override
            public List<String> cnameChain(String name) {
                return List.of();
            }

            @Override
            public Optional<String> reverse(InetAddress address) {
                return Optional.empty();
            }
        };
    }
}
