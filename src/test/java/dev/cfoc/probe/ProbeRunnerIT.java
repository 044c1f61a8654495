package dev.cfoc.probe;

import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeRunnerIT {

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
    void aSmallRunWhereNoProbeWaitsForASlot_probesOnPlatformThreads_andALargerRunOnVirtualThreads() {
        Map<String, String> names = new HashMap<>();
        IntStream.range(0, 17).forEach(i -> names.put("origin-" + i + ".test", "127.0.0.1"));
        Set<Boolean> virtualInSmallRun = ConcurrentHashMap.newKeySet();
        Set<Boolean> virtualInLargeRun = ConcurrentHashMap.newKeySet();
        try (SampleHttpServer server = SampleHttpServer.start(200, Duration.ZERO)) {
            List<ProbeTarget> targets = IntStream.range(0, 17)
                    .mapToObj(i -> Targets.http("origin-" + i + ".test", server.port()).build()).toList();

            List<ProbeResult> small = runnerNotingThreadKind(names, virtualInSmallRun)
                    .probeAll(targets.subList(0, ProbeRunner.PLATFORM_THREADS_UP_TO));
            List<ProbeResult> large = runnerNotingThreadKind(names, virtualInLargeRun).probeAll(targets);

            assertThat(small).hasSize(16).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(large).hasSize(17).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(virtualInSmallRun).containsExactly(false);
            assertThat(virtualInLargeRun).containsExactly(true);
        }
    }

    private static ProbeRunner runnerNotingThreadKind(Map<String, String> names, Set<Boolean> virtual) {
        return new ProbeRunner(new OriginProber(HostResolver.fixed(names), (c, n) -> List.of()), new ProbeListener() {
            @Override
            public void probeStarted(ProbeTarget target) {
                virtual.add(Thread.currentThread().isVirtual());
            }
        });
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
    void slowOrigins_withAShortDeadline_finishByTheDeadline_andTheRestAreNotChecked() {
        // worst case of each probe: 1 attempt x 2 s connect + 2 s handshake + 2 s read = 6 s; each answers in 1.5 s.
        // Two at a time (per-host limit): pairs start at 0 s (8.5 s left) and ~1.6 s (6.9 s left); at ~3.2 s only
        // 5.3 s are left, so the last pair is not started (0.7–0.9 s of slack either way). (2 s, not 1 s, handshakes: a cold JVM under load can take
        // over a second for one.)
        SamplePki.Issued leaf = SamplePki.create("Deadline").issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        ProbeRunner runner = new ProbeRunner(new OriginProber(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                (c, n) -> List.of()), 256, 2);
        try (SampleTlsServer server = SampleTlsServer.builder(leaf).responseDelay(Duration.ofMillis(1500)).start()) {
            List<ProbeTarget> targets = IntStream.range(0, 6).mapToObj(i -> Targets.https(Targets.ORIGIN, server.port())
                    .connectTimeout(Duration.ofSeconds(2)).attempts(1).readTimeout(Duration.ofSeconds(2)).build()).toList();

            long start = System.nanoTime();
            List<ProbeResult> results = runner.probeAll(targets, Deadline.after(Duration.ofMillis(8_500)));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMs).isLessThan(8_500 + 500);
            assertThat(results).extracting(ProbeResult::target).containsExactlyElementsOf(targets);
            assertThat(results.subList(0, 4)).allSatisfy(r -> {
                assertThat(r.httpStatus()).hasValue(200);
                assertThat(r.problems()).isEmpty();
            });
            assertThat(results.subList(4, 6)).allSatisfy(r -> assertThat(r.problems()).extracting(Problem::code)
                    .containsExactly(FindingCode.NOT_CHECKED_DEADLINE));
            assertThat(server.connections()).isEqualTo(4);
        }
    }

    @Test
    void deadlineShorterThanAnyProbe_checksNothing_andConnectsNowhere() {
        try (SampleHttpServer server = SampleHttpServer.start()) {
            List<ProbeResult> results = httpRunner().probeAll(threeHttpTargets(server),
                    Deadline.after(Duration.ofMillis(500)));

            assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.problems()).extracting(Problem::code)
                    .containsExactly(FindingCode.NOT_CHECKED_DEADLINE));
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void deadlineThatLeavesEnough_changesNothing() {
        try (SampleHttpServer server = SampleHttpServer.start()) {
            List<ProbeResult> results = httpRunner().probeAll(threeHttpTargets(server),
                    Deadline.after(Duration.ofMinutes(5)));

            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.httpStatus()).hasValue(200);
                assertThat(r.problems()).isEmpty();
            });
        }
    }

    @Test
    void limitsBelowOne_areRejectedNamingTheField() {
        OriginProber prober = new OriginProber(HostResolver.fixed(Map.of()), (c, n) -> List.of());

        assertThatThrownBy(() -> new ProbeRunner(prober, 0, 8)).hasMessageStartingWith("maxConcurrent:");
        assertThatThrownBy(() -> new ProbeRunner(prober, 8, 0)).hasMessageStartingWith("maxPerHost:");
    }

    /** A runner for plain-HTTP targets on {@link Targets#ORIGIN}, without certificate checks. */
    private static ProbeRunner httpRunner() {
        return new ProbeRunner(new OriginProber(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                (c, n) -> List.of()));
    }

    private static List<ProbeTarget> threeHttpTargets(SampleHttpServer server) {
        return IntStream.range(0, 3).mapToObj(i -> Targets.http(Targets.ORIGIN, server.port()).build()).toList();
    }
}
