package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.sample.LocalPorts;
import dev.cfoc.testing.FullBacklogListener;
import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeRunnerIT {

    @Test
    void twentySlowOriginsOnTwentyAddresses_finishInAboutTheTimeOfOne() throws Exception {
        Map<String, String> names = new HashMap<>();
        List<SampleHttpServer> servers = new ArrayList<>();
        List<ProbeTarget> targets = new ArrayList<>();
        InFlight inFlight = new InFlight();
        try {
            for (int i = 0; i < 20; i++) {
                String address = "127.0.0." + (i + 2);
                SampleHttpServer server = SampleHttpServer.start(200, Duration.ofSeconds(1),
                        InetAddress.getByName(address));
                servers.add(server);
                names.put("origin-" + i + ".test", address);
                targets.add(Targets.http("origin-" + i + ".test", server.port()).build());
            }
            ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(names), (c, n) -> List.of()),
                    inFlight);

            long start = System.nanoTime();
            List<ProbeResult> results = runner.probeAll(targets);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMs).isLessThan(5_000);
            assertThat(results).extracting(ProbeResult::target).containsExactlyElementsOf(targets);
            assertThat(results).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(inFlight.max()).isGreaterThan(ProbeRunner.DEFAULT_MAX_PER_ADDRESS);
        } finally {
            servers.forEach(SampleHttpServer::close);
        }
    }

    @Test
    void manyNamesOnOneAddress_areNeverProbedByMoreThanItsLimitTogether() {
        Map<String, String> names = new HashMap<>();
        IntStream.range(0, 6).forEach(i -> names.put("alias-" + i + ".test", "127.0.0.1"));
        ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(names), (c, n) -> List.of()),
                256, 2);
        try (SampleHttpServer server = SampleHttpServer.start(200, Duration.ofMillis(300))) {
            List<ProbeTarget> targets = IntStream.range(0, 6)
                    .mapToObj(i -> Targets.http("alias-" + i + ".test", server.port()).build()).toList();

            List<ProbeResult> results = runner.probeAll(targets);

            assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(server.maxConcurrentRequests()).isEqualTo(2);
        }
    }

    @Test
    void tarpitBehindManyAliases_isConnectedToOnce_andCostsOneWorstCaseNotOnePerAlias() throws Exception {
        // one origin name, 64 SNIs (forwarded aliases), one address:port that never accepts: CloudFront's worst case
        // for each is ConnectionAttempts × ConnectionTimeout; without sharing, 64 / 8 of them would follow each other
        int aliases = 64;
        ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(
                HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), (c, n) -> List.of()));
        try (FullBacklogListener tarpit = new FullBacklogListener()) {
            List<ProbeTarget> targets = IntStream.range(0, aliases).mapToObj(i -> Targets.https(Targets.ORIGIN,
                    tarpit.port()).sni("alias-" + i + ".example.com").connectTimeout(Duration.ofSeconds(2))
                    .build()).toList();
            Duration oneWorstCase = targets.getFirst().connectTimeout()
                    .multipliedBy(targets.getFirst().connectionAttempts());

            long start = System.nanoTime();
            List<ProbeResult> results = runner.probeAll(targets);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(results).allSatisfy(r -> assertThat(r.problems()).extracting(Problem::code)
                    .containsExactly(FindingCode.CONNECT_TIMEOUT));
            assertThat(results).filteredOn(r -> !r.problems().getFirst().evidence().containsKey("connectedOnce"))
                    .as("connected once, then reported for every other SNI").hasSize(1);
            assertThat(elapsed).as("about one worst case (%s), far from %d of them", oneWorstCase,
                            aliases / ProbeRunner.DEFAULT_MAX_PER_ADDRESS)
                    .isLessThan(oneWorstCase.multipliedBy(aliases / ProbeRunner.DEFAULT_MAX_PER_ADDRESS / 2));
        }
    }

    @Test
    void refusedPort_isTriedOnce_andEveryNameOnItIsPortUnreachable() {
        Map<String, String> names = new HashMap<>();
        IntStream.range(0, 5).forEach(i -> names.put("name-" + i + ".test", "127.0.0.1"));
        int closedPort = LocalPorts.closedPort();
        ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(names), (c, n) -> List.of()));

        List<ProbeResult> results = runner.probeAll(IntStream.range(0, 5)
                .mapToObj(i -> Targets.http("name-" + i + ".test", closedPort).build()).toList());

        assertThat(results).allSatisfy(r -> assertThat(r.problems()).extracting(Problem::code)
                .containsExactly(FindingCode.PORT_UNREACHABLE));
        assertThat(results).filteredOn(r -> r.problems().getFirst().evidence().containsKey("connectedOnce"))
                .hasSize(4);
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
        return new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(names), (c, n) -> List.of()),
                new ProbeListener() {
            @Override
            public void probeStarted(ProbeTarget target) {
                virtual.add(Thread.currentThread().isVirtual());
            }
        });
    }

    @Test
    void oneAddress_isNeverProbedByMoreThanThePerAddressLimitAtOnce() {
        ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(
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
    void deadlineShorterThanTheWorstCase_stillChecksAQuickOrigin_andCapsTheSlowOnesWait() {
        // worst case of each: 1 × 5 s connect + 5 s handshake + 10 s read = 20 s, far beyond the 3 s deadline;
        // the quick origin answers at once, the slow one after 8 s: it is cut at the deadline, not started-or-skipped
        SamplePki.Issued leaf = SamplePki.create("Deadline").issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN));
        ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(
                HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")), (c, n) -> List.of()));
        Duration deadline = Duration.ofSeconds(3);
        try (SampleTlsServer quick = SampleTlsServer.builder(leaf).start();
             SampleTlsServer slow = SampleTlsServer.builder(leaf).responseDelay(Duration.ofSeconds(8)).start()) {
            ProbeTarget quickTarget = Targets.https(Targets.ORIGIN, quick.port()).readTimeout(Duration.ofSeconds(10))
                    .build();
            ProbeTarget slowTarget = Targets.https(Targets.ORIGIN, slow.port()).readTimeout(Duration.ofSeconds(10))
                    .build();

            long start = System.nanoTime();
            List<ProbeResult> results = runner.probeAll(List.of(quickTarget, slowTarget), Deadline.after(deadline));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(results.get(0).problems()).isEmpty();
            assertThat(results.get(0).httpStatus()).hasValue(200);
            assertThat(results.get(1).problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.NOT_CHECKED_DEADLINE);
                assertThat(p.message()).matches("not checked: connected and handshook, no response within the "
                        + "[0-9.]+ m?s the run's deadline left \\(OriginReadTimeout 10 s\\)");
                assertThat(p.evidence()).containsEntry("progress", "connected and handshook");
            });
            assertThat(results.get(1).tlsVersion()).as("the slow one was connected and handshook").isPresent();
            assertThat(slow.requestCount()).as("its request was sent").isEqualTo(1);
            assertThat(elapsedMs).as("the run ends at its deadline").isLessThan(deadline.toMillis() + 1_500);
        }
    }

    @Test
    void deadlineAlreadyPassed_checksNothing_andConnectsNowhere() {
        try (SampleHttpServer server = SampleHttpServer.start()) {
            List<ProbeResult> results = httpRunner().probeAll(threeHttpTargets(server), Deadline.after(Duration.ZERO));

            assertThat(results).hasSize(3).allSatisfy(r -> {
                assertThat(r.problems()).extracting(Problem::code).containsExactly(FindingCode.NOT_CHECKED_DEADLINE);
                assertThat(r.problems().getFirst().message()).isEqualTo("not checked: the run's deadline had passed "
                        + "before this connection's turn came");
            });
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
        OriginProber prober = LoopbackOrigins.prober(HostResolver.fixed(Map.of()), (c, n) -> List.of());

        assertThatThrownBy(() -> new ProbeRunner(prober, 0, 8)).hasMessageStartingWith("maxConcurrent:");
        assertThatThrownBy(() -> new ProbeRunner(prober, 8, 0)).hasMessageStartingWith("maxPerAddress:");
    }

    /** A runner for plain-HTTP targets on {@link Targets#ORIGIN}, without certificate checks. */
    private static ProbeRunner httpRunner() {
        return new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1")),
                (c, n) -> List.of()));
    }

    private static List<ProbeTarget> threeHttpTargets(SampleHttpServer server) {
        return IntStream.range(0, 3).mapToObj(i -> Targets.http(Targets.ORIGIN, server.port()).build()).toList();
    }

    /** Counts probes between start and finish; keeps the most at once. */
    private static final class InFlight implements ProbeListener {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        @Override
        public void probeStarted(ProbeTarget target) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void probeFinished(ProbeTarget target, ProbeResult result) {
            now.decrementAndGet();
        }

        int max() {
            return max.get();
        }
    }
}
