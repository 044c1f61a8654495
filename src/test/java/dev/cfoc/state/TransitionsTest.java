package dev.cfoc.state;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.finding.Severity;
import dev.cfoc.finding.Suppressed;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionsTest {

    private static final String KEY = "E2QWRUHAPOMQZL";
    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    private final Transitions transitions = new Transitions(Duration.ofDays(1));

    private static Finding expired(String originId) {
        return SampleReports.finding(originId, FindingCode.CERT_EXPIRED, "leaf expired 3 days ago");
    }

    private static Observation seen(Finding... findings) {
        return Observation.of(KEY, List.of(findings), Severity.WARNING, T0);
    }

    private static Observation seenAt(Instant now, Finding... findings) {
        return Observation.of(KEY, List.of(findings), Severity.WARNING, now);
    }

    /** The state after {@code decision} was committed. */
    private static StoredState after(Decision decision) {
        return new StoredState(decision.next(), decision.previous().version() + 1);
    }

    @Test
    void firstRunWithFindings_isNew_andEveryFindingIsFirstSeenNow() {
        Decision decision = transitions.decide(StoredState.absent(KEY), seen(expired("legacy")), T0);

        assertThat(decision.transition()).contains(Transition.NEW);
        assertThat(decision.appeared()).singleElement().satisfies(f -> {
            assertThat(f.fingerprint()).isEqualTo(KEY + "|legacy|CERT_EXPIRED|443|legacy.example.com");
            assertThat(f.firstSeen()).isEqualTo(T0);
        });
        assertThat(decision.next().lastPublished()).contains(T0);
        assertThat(decision.worst()).contains(Severity.ERROR);
        assertThat(decision.writes()).isTrue();
    }

    @Test
    void cleanDistributionWithoutState_decidesNothing_andWritesNothing() {
        Decision decision = transitions.decide(StoredState.absent(KEY), seen(), T0);

        assertThat(decision.transition()).isEmpty();
        assertThat(decision.writes()).isFalse();
    }

    @Test
    void sameFindingsAgain_sendNothing_butMoveLastSeen_evenWhenTheMessageTextChanged() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY), seen(expired("legacy")), T0));
        Instant later = T0.plus(Duration.ofHours(1));
        Finding sameButWorded = SampleReports.finding("legacy", FindingCode.CERT_EXPIRED, "leaf expired 4 days ago");

        Decision decision = transitions.decide(first, seenAt(later, sameButWorded), later);

        assertThat(decision.transition()).isEmpty();
        assertThat(decision.writes()).isTrue();
        assertThat(decision.next().active()).singleElement().satisfies(f -> {
            assertThat(f.firstSeen()).isEqualTo(T0);
            assertThat(f.lastSeen()).isEqualTo(later);
        });
        assertThat(decision.next().lastPublished()).contains(T0);
    }

    @Test
    void unchangedForTheReminderInterval_isAReminder_andP0dRemindsEveryRun() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY), seen(expired("legacy")), T0));
        Instant almost = T0.plus(Duration.ofHours(23));
        Instant aDayLater = T0.plus(Duration.ofDays(1));

        assertThat(transitions.decide(first, seenAt(almost, expired("legacy")), almost).transition()).isEmpty();
        assertThat(transitions.decide(first, seenAt(aDayLater, expired("legacy")), aDayLater).transition())
                .contains(Transition.REMINDER);
        Instant aMinuteLater = T0.plus(Duration.ofMinutes(1));
        assertThat(new Transitions(Duration.ZERO).decide(first, seenAt(aMinuteLater, expired("legacy")), aMinuteLater)
                .transition()).contains(Transition.REMINDER);
    }

    @Test
    void aFindingAppearingOrClearing_isAChange_sayingWhatAppearedClearedAndStays() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY),
                seen(expired("legacy"), expired("api")), T0));
        Instant later = T0.plus(Duration.ofHours(1));
        Finding soon = SampleReports.finding("web", FindingCode.CERT_EXPIRING_SOON, "leaf expires in 9 days");

        Decision decision = transitions.decide(first, seenAt(later, expired("legacy"), soon), later);

        assertThat(decision.transition()).contains(Transition.CHANGED);
        assertThat(decision.appeared()).extracting(TrackedFinding::originId).containsExactly("web");
        assertThat(decision.cleared()).extracting(TrackedFinding::originId).containsExactly("api");
        assertThat(decision.still()).extracting(TrackedFinding::originId).containsExactly("legacy");
        assertThat(decision.next().lastPublished()).contains(later);
    }

    @Test
    void everythingCleared_isResolved_rememberingSinceWhenItFailed() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY), seen(expired("legacy")), T0));
        Instant later = T0.plus(Duration.ofDays(3));

        Decision decision = transitions.decide(first, seenAt(later), later);

        assertThat(decision.transition()).contains(Transition.RESOLVED);
        assertThat(decision.cleared()).singleElement().satisfies(f -> assertThat(f.firstSeen()).isEqualTo(T0));
        assertThat(decision.next().active()).isEmpty();
        assertThat(decision.worst()).as("the severity of what resolved").contains(Severity.ERROR);
        assertThat(decision.writes()).isTrue();

        StoredState resolved = after(decision);
        assertThat(transitions.decide(resolved, seenAt(later), later.plus(Duration.ofDays(2))).writes())
                .as("a resolved distribution that stays clean is not written again").isFalse();
    }

    @Test
    void suppressedAndBelowThreshold_findingsAreNotActive() {
        Finding suppressed = expired("legacy").suppressedBy(new Suppressed(LocalDate.of(2026, 12, 31), "OPS-42"));
        Finding info = SampleReports.finding("web", FindingCode.HOST_MAY_BE_REWRITTEN, "edge function");

        assertThat(transitions.decide(StoredState.absent(KEY), seen(suppressed, info), T0).transition()).isEmpty();
    }

    @Test
    void aDistributionThatCouldNotBeRead_keepsItsFindings_andNeverResolves() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY), seen(expired("legacy")), T0));
        Instant later = T0.plus(Duration.ofHours(1));
        Finding unreadable = Finding.aboutDistribution(new Problem(FindingCode.SOURCE_UNAVAILABLE,
                "GetDistribution: Throttling", Map.of()));

        Decision decision = transitions.decide(first, seenAt(later, unreadable), later);

        assertThat(decision.transition()).isNotEqualTo(Optional.of(Transition.RESOLVED));
        assertThat(decision.cleared()).isEmpty();
        assertThat(decision.next().active()).extracting(TrackedFinding::code)
                .containsExactlyInAnyOrder("CERT_EXPIRED", "SOURCE_UNAVAILABLE");
        assertThat(decision.next().active()).filteredOn(f -> f.code().equals("CERT_EXPIRED")).singleElement()
                .satisfies(f -> assertThat(f.firstSeen()).isEqualTo(T0));
    }

    @Test
    void anOriginNotCheckedBeforeTheDeadline_keepsItsFindings_whileCheckedOriginsClear() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY),
                seen(expired("legacy"), expired("api")), T0));
        Instant later = T0.plus(Duration.ofHours(1));
        Finding deadline = SampleReports.finding("legacy", FindingCode.NOT_CHECKED_DEADLINE, "not checked");

        Decision decision = transitions.decide(first, seenAt(later, deadline), later);

        assertThat(decision.cleared()).extracting(TrackedFinding::originId).containsExactly("api");
        assertThat(decision.next().active()).extracting(TrackedFinding::code)
                .containsExactlyInAnyOrder("CERT_EXPIRED", "NOT_CHECKED_DEADLINE");
    }

    @Test
    void anotherRunsLiveClaim_leavesTheStateAlone_untilItExpires() {
        StoredState first = after(transitions.decide(StoredState.absent(KEY), seen(expired("legacy")), T0));
        StoredState claimed = new StoredState(first.state().withClaim(new Claim("other-run",
                T0.plus(Duration.ofMinutes(20)))), first.version() + 1);

        Decision whileClaimed = transitions.decide(claimed, seen(), T0.plus(Duration.ofMinutes(5)));
        Decision afterExpiry = transitions.decide(claimed, seen(), T0.plus(Duration.ofMinutes(21)));

        assertThat(whileClaimed.busy()).isTrue();
        assertThat(whileClaimed.transition()).isEmpty();
        assertThat(whileClaimed.writes()).isFalse();
        assertThat(afterExpiry.transition()).contains(Transition.RESOLVED);
        assertThat(afterExpiry.next().claim()).isEmpty();
    }
}
