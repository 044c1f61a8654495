package dev.cfoc.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The JDK's resolver SPI, used only by benchmark runs: every name under {@value Fleet#DOMAIN} resolves to 127.0.0.1,
 * anything else goes to the built-in resolver. bench/run.sh registers it for the checker process with a
 * {@code META-INF/services} file outside the test classpath, so the checker runs unchanged (its real system
 * resolver path) without touching /etc/hosts, and unit tests never see it. ({@code -Djdk.net.hosts.file} would do
 * the same, but the JDK scans that file line by line on every lookup: 21 s for 10,000 names.)
 */
public final class BenchResolverProvider extends InetAddressResolverProvider {

    private static final String SUFFIX = "." + Fleet.DOMAIN;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        InetAddress loopback;
        try {
            loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
                    return Stream.of(InetAddress.getByAddress(host, loopback.getAddress()));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "cfoc-bench";
    }
}
