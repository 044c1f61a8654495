package dev.cfoc.cli;

import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressReporterTest {

    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-27T03:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void status_countsDoneOverTotal_andNamesTheSlowestPendingOrigin_thenClearsTheLine() {
        StepClock clock = new StepClock();
        StringWriter err = new StringWriter();
        var progress = new ProgressReporter(new PrintWriter(err), clock);
        var slow = SampleReports.probe("slow", "slow.example.com");
        var fast = SampleReports.probe("fast", "fast.example.com");

        progress.runStarted(List.of(slow.target(), fast.target()));
        progress.probeStarted(slow.target());
        clock.now = clock.now.plus(Duration.ofSeconds(3));
        progress.probeStarted(fast.target());
        clock.now = clock.now.plus(Duration.ofSeconds(4));
        progress.probeFinished(fast.target(), fast);

        assertThat(progress.status())
                .isEqualTo("probing 1/2 connections; slowest pending: origin slow (slow.example.com:443) for 7 s");
        assertThat(err.toString()).contains(ProgressReporter.REWRITE_LINE + "probing 0/2 connections")
                .endsWith(ProgressReporter.REWRITE_LINE + progress.status());

        progress.probeFinished(slow.target(), slow);
        assertThat(err.toString()).endsWith(ProgressReporter.REWRITE_LINE);
        assertThat(progress.status()).isEqualTo("probing 2/2 connections");
    }

    @Test
    void status_showsAnOriginIdsControlCharactersAsEscapes() {
        var progress = new ProgressReporter(new PrintWriter(new StringWriter()), new StepClock());
        var hostile = SampleReports.probe("api\u001b]0;pwned\u0007", "api.example.com");

        progress.runStarted(List.of(hostile.target()));
        progress.probeStarted(hostile.target());

        assertThat(progress.status()).contains("origin api\\x1b]0;pwned\\x07 (api.example.com:443)")
                .doesNotContain("\u001b", "\u0007");
    }
}
