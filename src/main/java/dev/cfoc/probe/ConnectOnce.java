package dev.cfoc.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run's TCP connections, shared by address and port: the first probe of an address:port connects; when that
 * fails (refused, timed out), every other probe planned for the same address:port — another SNI or Host of the same
 * origin, another name on the same address — fails the same way without connecting again. A tarpit behind 64 aliases
 * then costs one worst case, not 64. Probes that arrive while the first one connects wait for its answer; when it
 * connected, each opens its own connection (each needs its own TLS handshake). A failure cut short by the run's
 * deadline is not the origin's and is not shared. Thread-safe; one per run.
 */
final class ConnectOnce {

    /** What decides whether two probes make the same connection. */
    private record Key(List<InetAddress> addresses, int port, Duration timeout, int attempts) {
    }

    private final ConcurrentMap<Key, CompletableFuture<Optional<TcpConnector.NotConnected>>> first =
            new ConcurrentHashMap<>();

    /** What a probe got: a connection outcome, and whether it is another probe's failure. */
    record Result(TcpConnector.Outcome outcome, boolean shared) {
    }

    /**
     * Connects as {@link TcpConnector#connect}, unless a probe of this run already failed to connect to the same
     * addresses and port with the same settings: then returns that failure ({@link Result#shared()}).
     */
    Result connect(List<InetAddress> addresses, int port, Duration timeout, int attempts, Deadline deadline) {
        Key key = new Key(List.copyOf(addresses), port, timeout, attempts);
        CompletableFuture<Optional<TcpConnector.NotConnected>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<TcpConnector.NotConnected>> earlier = first.putIfAbsent(key, mine);
        if (earlier == null) {
            TcpConnector.Outcome outcome;
            try {
                outcome = TcpConnector.connect(addresses, port, timeout, attempts, deadline);
            } catch (RuntimeException e) {
                mine.complete(Optional.empty());
                throw e;
            }
            mine.complete(outcome instanceof TcpConnector.NotConnected failed && !failed.cutByDeadline()
                    ? Optional.of(failed) : Optional.empty());
            return new Result(outcome, false);
        }
        Optional<TcpConnector.NotConnected> failed = await(earlier, deadline);
        return failed.<Result>map(f -> new Result(f, true))
                .orElseGet(() -> new Result(TcpConnector.connect(addresses, port, timeout, attempts, deadline), false));
    }

    /** The first probe's failure; empty when it connected, or when the deadline came first (then nothing is left). */
    private static Optional<TcpConnector.NotConnected> await(
            CompletableFuture<Optional<TcpConnector.NotConnected>> earlier, Deadline deadline) {
        try {
            return deadline.remaining().isPresent()
                    ? earlier.get(Math.max(1, deadline.remaining().get().toNanos()), TimeUnit.NANOSECONDS)
                    : earlier.get();
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
