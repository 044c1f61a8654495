package dev.cfoc.state;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim → publish → commit protocol over the file store (the same code runs over DynamoDB: DynamoDbStateStoreIT). */
class AlertLedgerTest {

    private static final String KEY = "E2QWRUHAPOMQZL";
    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    @TempDir
    Path dir;

    private AlertLedger ledger(Instant now) {
        return new AlertLedger(new FileStateStore(dir.resolve("state.json")), new Transitions(Duration.ofDays(1)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<Observation> failing(Instant now) {
        return List.of(Observation.of(KEY, List.of(SampleReports.finding("legacy", FindingCode.CERT_EXPIRED, "x")),
                Severity.WARNING, now));
    }

    @Test
    void twoRunsDecidingTheSameTransition_onlyOneClaimsIt() {
        Decision first = ledger(T0).decide(failing(T0)).getFirst();
        Decision second = ledger(T0).decide(failing(T0)).getFirst();

        var claimed = ledger(T0).claim(first);
        var lost = ledger(T0).claim(second);

        assertThat(claimed).isPresent();
        assertThat(lost).as("the other run sends nothing").isEmpty();
        assertThat(ledger(T0).commit(claimed.orElseThrow())).isTrue();
        assertThat(ledger(T0.plusSeconds(60)).decide(failing(T0.plusSeconds(60))).getFirst().transition())
                .as("committed: the next run has nothing to send").isEmpty();
    }

    @Test
    void aReleasedClaim_leavesTheStateAsItWas_soTheNextRunSendsTheTransitionAgain() {
        Decision decision = ledger(T0).decide(failing(T0)).getFirst();
        var claimed = ledger(T0).claim(decision).orElseThrow();

        assertThat(ledger(T0).decide(failing(T0)).getFirst().busy()).as("claimed while publishing").isTrue();
        assertThat(ledger(T0).release(claimed)).isTrue();

        Decision retried = ledger(T0.plusSeconds(60)).decide(failing(T0.plusSeconds(60))).getFirst();
        assertThat(retried.transition()).contains(Transition.NEW);
        assertThat(retried.previous().state().active()).isEmpty();
    }

    @Test
    void aClaimOfARunThatDied_expires_andTheNextRunTakesOver() {
        Decision decision = ledger(T0).decide(failing(T0)).getFirst();
        ledger(T0).claim(decision).orElseThrow();

        Instant afterLease = T0.plus(AlertLedger.CLAIM_LEASE).plusSeconds(1);
        Decision next = ledger(afterLease).decide(failing(afterLease)).getFirst();

        assertThat(next.busy()).isFalse();
        assertThat(next.transition()).contains(Transition.NEW);
        assertThat(ledger(afterLease).claim(next)).isPresent();
    }
}
