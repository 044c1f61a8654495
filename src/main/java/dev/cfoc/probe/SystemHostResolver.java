package dev.cfoc.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link InetAddress#getAllByName} with a timeout. A Java lookup cannot be interrupted, so it runs on a daemon
 * platform thread of its own pool and the caller stops waiting at the timeout; the lookup thread finishes (or not)
 * on its own. Daemon platform threads, so that an abandoned lookup never keeps the JVM alive nor occupies a carrier
 * thread of the virtual-thread scheduler the probes run on.
 */
final class SystemHostResolver implements HostResolver {

    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dns-lookup");
        thread.setDaemon(true);
        return thread;
    });

    /** A blocking lookup; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final Duration timeout;
    private final Lookup lookup;

    SystemHostResolver(Duration timeout) {
        this(timeout, InetAddress::getAllByName);
    }

    SystemHostResolver(Duration timeout, Lookup lookup) {
        this.lookup = lookup;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    /** RFC 6761 §6.4: names under .invalid never resolve; answered without asking DNS. */
    static final String INVALID_TLD = ".invalid";

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(INVALID_TLD)) {
            throw new UnknownHostException(host + ": names under .invalid never resolve (RFC 6761)");
        }
        Future<InetAddress[]> pending = LOOKUPS.submit(() -> lookup.lookup(host));
        try {
            return List.of(pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new UnknownHostException(host + ": DNS lookup timed out after " + Durations.human(timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + ": DNS lookup interrupted");
        }
    }
}
