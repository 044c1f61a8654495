package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.plan.ProbeTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeListenerIT {

    @Test
    void listener_isToldTheRunThenEachProbeStartAndFinish() {
        List<String> events = new CopyOnWriteArrayList<>();
        ProbeListener listener = new ProbeListener() {
            @Override
            public void runStarted(List<ProbeTarget> targets) {
                events.add("run " + targets.size());
            }

            @Override
            public void probeStarted(ProbeTarget target) {
                events.add("start " + target.host());
            }

            @Override
            public void probeFinished(ProbeTarget target, ProbeResult result) {
                events.add("finish " + target.host() + " " + result.httpStatus().orElse(-1));
            }
        };
        var names = Map.of("a.test", "127.0.0.1", "b.test", "127.0.0.1", "c.test", "127.0.0.1");
        var runner = new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(names), (c, n) -> List.of()), listener);
        try (SampleHttpServer server = SampleHttpServer.start(200, Duration.ofMillis(50))) {
            List<ProbeTarget> targets = IntStream.range(0, 3)
                    .mapToObj(i -> Targets.http((char) ('a' + i) + ".test", server.port()).build()).toList();

            runner.probeAll(targets);
        }

        assertThat(events.getFirst()).isEqualTo("run 3");
        assertThat(events).containsAll(List.of("start a.test", "start b.test", "start c.test",
                "finish a.test 200", "finish b.test 200", "finish c.test 200"));
        for (String host : List.of("a.test", "b.test", "c.test")) {
            assertThat(events.indexOf("start " + host)).isLessThan(events.indexOf("finish " + host + " 200"));
        }
    }
}
