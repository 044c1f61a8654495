package dev.cfoc.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void none_capsNothing_andNeverPasses() {
        assertThat(Deadline.none().isSet()).isFalse();
        assertThat(Deadline.none().remaining()).isEmpty();
        assertThat(Deadline.none().cap(Duration.ofDays(365))).isEqualTo(Duration.ofDays(365));
        assertThat(Deadline.none().passed()).isFalse();
    }

    @Test
    void waits_areCappedToWhatIsLeft_andNoMore() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), now::get);

        now.addAndGet(Duration.ofSeconds(4).toNanos());

        assertThat(deadline.remaining()).contains(Duration.ofSeconds(6));
        assertThat(deadline.cap(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(deadline.cap(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(6));
        assertThat(deadline.passed()).isFalse();
    }

    @Test
    void passedDeadline_leavesZero() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(1), now::get);

        now.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(deadline.remaining()).contains(Duration.ZERO);
        assertThat(deadline.cap(Duration.ofMillis(1))).isEqualTo(Duration.ZERO);
        assertThat(deadline.passed()).isTrue();
    }

    @Test
    void negativeBudget_isRejectedNamingTheField() {
        assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(-1))).hasMessageStartingWith("budget:");
    }
}
