package dev.cfoc.probe;

import dev.cfoc.demo.SampleHttpServer;
import dev.cfoc.plan.ProbeTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeRunnerTest {

    @Test
    void twentySlowOrigins_finishInAboutTheTimeOfOne() {
        Map<String, String> names = new HashMap<>();
        IntStream.range(0, 20).forEach(i -> names.put("origin-" + i + ".test", "127.0.0.1"));
        ProbeRunner runner = new ProbeRunner(new OriginProber(HostResolver.fixed(names), (c, n) -> List.of()));
        try (SampleHttpServer server = SampleHttpServer.start(200, Duration.ofSeconds(1))) {
            List<ProbeTarget> targets = IntStream.range(0, 20)
                    .mapToObj(i -> Targets.http("origin-" + i + ".test", server.port()).build()).toList();

            long start = System.nanoTime();
            List<ProbeResult> results = runner.probeAll(targets);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMs).isLessThan(5_000);
            assertThat(results).extracting(ProbeResult::target).containsExactlyElementsOf(targets);
            assertThat(results).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(server.maxConcurrentRequests()).isGreaterThan(8);
        }
    }

    @Test
    void oneHost_isNeverProbedByMoreThanThePerHostLimitAtOnce() {
        ProbeRunner runner = new ProbeRunner(new OriginProber(
                HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), (c, n) -> List.of()), 256, 2);
        try (SampleHttpServer server = SampleHttpServer.start(200, Duration.ofMillis(300))) {
            List<ProbeTarget> targets = IntStream.range(0, 6)
                    .mapToObj(i -> Targets.http(Targets.ORIGIN, server.port()).build()).toList();

            List<ProbeResult> results = runner.probeAll(targets);

            assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(server.maxConcurrentRequests()).isEqualTo(2);
        }
    }

    @Test
    void limitsBelowOne_areRejectedNamingTheField() {
        OriginProber prober = new OriginProber(HostResolver.fixed(Map.of()), (c, n) -> List.of());

        assertThatThrownBy(() -> new ProbeRunner(prober, 0, 8)).hasMessageStartingWith("maxConcurrent:");
        assertThatThrownBy(() -> new ProbeRunner(prober, 8, 0)).hasMessageStartingWith("maxPerHost:");
    }
}
