package dev.cfoc.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves each name once per run and remembers the answer, failures included: every probe of a run sees the same
 * addresses, and concurrent probes of one name wait for the one lookup in flight.
 */
final class CachingHostResolver implements HostResolver {

    private final HostResolver delegate;
    private final ConcurrentMap<String, CompletableFuture<List<InetAddress>>> answers = new ConcurrentHashMap<>();

    CachingHostResolver(HostResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String key = host.toLowerCase(Locale.ROOT);
        CompletableFuture<List<InetAddress>> mine = new CompletableFuture<>();
        CompletableFuture<List<InetAddress>> answer = answers.putIfAbsent(key, mine);
        if (answer == null) {
            answer = mine;
            try {
                mine.complete(List.copyOf(delegate.resolve(host)));
            } catch (UnknownHostException | RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                UnknownHostException copy = new UnknownHostException(unknown.getMessage());
                copy.initCause(unknown);
                throw copy;
            }
            throw e;
        }
    }
}
