package dev.cfoc.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns an origin domain name into the addresses to connect to. */
@FunctionalInterface
public interface HostResolver {

    /**
     * Decision: how long a system DNS lookup may take. CloudFront documents no DNS timeout; 5 s keeps a run from
     * hanging on a dead resolver while being generous for a healthy one.
     */
    Duration SYSTEM_LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @return at least one address, in the resolver's order
     * @throws UnknownHostException when the name does not resolve (or the lookup timed out)
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The operating system's resolver ({@link InetAddress#getAllByName}), bounded by {@link #SYSTEM_LOOKUP_TIMEOUT}. */
    static HostResolver system() {
        return new SystemHostResolver(SYSTEM_LOOKUP_TIMEOUT);
    }

    /** The operating system's resolver bounded by the given timeout. */
    static HostResolver system(Duration timeout) {
        return new SystemHostResolver(timeout);
    }

    /**
     * A fixed table name → IP literal (for tests and the demo); names not in it do not resolve.
     * Names match case-insensitively.
     */
    static HostResolver fixed(Map<String, String> nameToIp) {
        return new FixedHostResolver(nameToIp);
    }

    /** Resolves each name at most once (failures included) and shares the answer: use one per run. */
    static HostResolver cached(HostResolver delegate) {
        return new CachingHostResolver(delegate);
    }
}
