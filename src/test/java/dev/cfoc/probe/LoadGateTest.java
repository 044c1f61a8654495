package dev.cfoc.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGateTest {

    @Test
    void saturatedCpu_cutsTheStartRate_andAnIdleOneRaisesItAgain() throws Exception {
        try (LoadGate gate = new LoadGate()) {
            AtomicBoolean burn = new AtomicBoolean(true);
            List<Thread> burners = new ArrayList<>();
            for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
                burners.add(Thread.ofVirtual().start(() -> {
                    while (burn.get()) {
                        Thread.onSpinWait(); // busy: a virtual thread that never blocks keeps its carrier
                    }
                }));
            }
            Thread.sleep(400);
            double saturated = gate.startsPerSecond();
            burn.set(false);
            for (Thread burner : burners) {
                burner.join();
            }

            assertThat(saturated).isLessThan(LoadGate.INITIAL_STARTS_PER_SECOND);
            assertThat(saturated).isGreaterThanOrEqualTo(LoadGate.MIN_STARTS_PER_SECOND);
            awaitRate(gate, rate -> rate > saturated * 2);
        }
    }

    @Test
    void idleCpu_letsProbesStartAtOnce() throws Exception {
        try (LoadGate gate = new LoadGate()) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                gate.enter();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static void awaitRate(LoadGate gate, java.util.function.DoublePredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.test(gate.startsPerSecond()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gate.startsPerSecond()).matches(condition::test, "rate recovered");
    }
}
