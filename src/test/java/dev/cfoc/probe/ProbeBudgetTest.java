package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.ProbeTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeBudgetTest {

    @Test
    void httpsWorstCase_isEveryConnectAttempt_plusTheHandshake_plusTheReadTimeout() {
        ProbeTarget target = Targets.https(Targets.ORIGIN, 443).connectTimeout(Duration.ofSeconds(10)).attempts(3)
                .readTimeout(Duration.ofSeconds(30)).build();

        assertThat(ProbeBudget.worstCase(target)).isEqualTo(Duration.ofSeconds(3 * 10 + 10 + 30));
    }

    @Test
    void httpWorstCase_hasNoHandshake() {
        ProbeTarget target = Targets.http(Targets.ORIGIN, 80).connectTimeout(Duration.ofSeconds(2)).attempts(2)
                .readTimeout(Duration.ofSeconds(5)).build();

        assertThat(ProbeBudget.worstCase(target)).isEqualTo(Duration.ofSeconds(2 * 2 + 5));
    }

    @Test
    void notChecked_isAWarningSayingWhatWasLeftAndWhatWasNeeded() {
        ProbeTarget target = Targets.https(Targets.ORIGIN, 443).connectTimeout(Duration.ofSeconds(1)).attempts(1)
                .readTimeout(Duration.ofSeconds(2)).build();

        ProbeResult result = ProbeBudget.notChecked(target, Duration.ofMillis(1500));

        assertThat(result.target()).isEqualTo(target);
        assertThat(result.address()).isEmpty();
        assertThat(result.timingsMs()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(FindingCode.NOT_CHECKED_DEADLINE);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("1.5 s").contains("4 s");
            assertThat(p.evidence()).containsEntry("deadlineLeft", "1.5 s").containsEntry("worstCase", "4 s")
                    .containsEntry("worstCaseFrom", "1 × ConnectionTimeout 1 s + TLS handshake 1 s + OriginReadTimeout 2 s");
        });
    }
}
