package dev.cfoc.probe;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostResolverTest {

    @Test
    void fixedResolver_answersItsTableIgnoringCase() throws Exception {
        HostResolver resolver = HostResolver.fixed(Map.of("Origin.Test", "127.0.0.1"));

        assertThat(resolver.resolve("origin.test")).containsExactly(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void fixedResolver_failsForNamesNotInItsTable() {
        HostResolver resolver = HostResolver.fixed(Map.of("origin.test", "127.0.0.1"));

        assertThatThrownBy(() -> resolver.resolve("other.test")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("other.test");
    }

    @Test
    void fixedResolver_rejectsAValueThatIsNotAnIpLiteral() {
        assertThatThrownBy(() -> HostResolver.fixed(Map.of("origin.test", "example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameToIp[origin.test]");
    }

    @Test
    void cachedResolver_resolvesEachNameOnceIncludingFailures() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            return HostResolver.fixed(Map.of("origin.test", "127.0.0.1")).resolve(host);
        };
        HostResolver cached = HostResolver.cached(counting);

        cached.resolve("origin.test");
        cached.resolve("ORIGIN.test");
        assertThatThrownBy(() -> cached.resolve("missing.test")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> cached.resolve("missing.test")).isInstanceOf(UnknownHostException.class);

        assertThat(lookups).hasValue(2);
    }

    @Test
    void cachedResolver_sharesOneLookupBetweenConcurrentCallers() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HostResolver slow = host -> {
            lookups.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(InetAddress.getLoopbackAddress());
        };
        HostResolver cached = HostResolver.cached(slow);

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<InetAddress>>> answers = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> executor.submit(() -> cached.resolve("origin.test"))).toList();
            Thread.sleep(100);
            release.countDown();
            for (Future<List<InetAddress>> answer : answers) {
                assertThat(answer.get()).containsExactly(InetAddress.getLoopbackAddress());
            }
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void systemResolver_resolvesLocalhost() throws Exception {
        assertThat(HostResolver.system().resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void systemResolver_givesUpOnAHangingLookupAtItsTimeout() {
        SystemHostResolver resolver = new SystemHostResolver(Duration.ofMillis(200), host -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[]{InetAddress.getLoopbackAddress()};
        });

        long start = System.nanoTime();
        assertThatThrownBy(() -> resolver.resolve("slow.test")).isInstanceOf(UnknownHostException.class)
                .hasMessage("slow.test: DNS lookup timed out after 200 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }
}
