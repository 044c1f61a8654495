package dev.cfoc.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void none_leavesAnything() {
        assertThat(Deadline.none().isSet()).isFalse();
        assertThat(Deadline.none().remaining()).isEmpty();
        assertThat(Deadline.none().leaves(Duration.ofDays(365))).isTrue();
    }

    @Test
    void budget_leavesWhatIsLeft_andNoMore() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), now::get);

        now.addAndGet(Duration.ofSeconds(4).toNanos());

        assertThat(deadline.remaining()).contains(Duration.ofSeconds(6));
        assertThat(deadline.leaves(Duration.ofSeconds(6))).isTrue();
        assertThat(deadline.leaves(Duration.ofMillis(6001))).isFalse();
    }

    @Test
    void passedDeadline_leavesZero() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(1), now::get);

        now.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(deadline.remaining()).contains(Duration.ZERO);
        assertThat(deadline.leaves(Duration.ZERO)).isTrue();
        assertThat(deadline.leaves(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void negativeBudget_isRejectedNamingTheField() {
        assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(-1))).hasMessageStartingWith("budget:");
    }
}
