package dev.cfoc.state;

import dev.cfoc.finding.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transition rules, pure: from what the state remembers and what this run saw, which message (if any) to send
 * and what to remember next.
 * <ul>
 *   <li>NEW: no active finding before, some now;</li>
 *   <li>CHANGED: findings appeared or cleared, or the worst severity changed;</li>
 *   <li>REMINDER: nothing changed, and the last message is at least {@code remindAfter} old ({@code P0D}: every run);</li>
 *   <li>RESOLVED: every active finding cleared.</li>
 * </ul>
 * What the run could not check keeps its earlier findings ({@link Observation#couldNotCheck}): unknown never resolves.
 */
public final class Transitions {

    /** Decision: REMINDER after a day unless REMIND_AFTER / the state's settings say otherwise. */
    public static final Duration DEFAULT_REMIND_AFTER = Duration.ofDays(1);

    private final Duration remindAfter;

    public Transitions(Duration remindAfter) {
        if (remindAfter.isNegative()) {
            throw new IllegalArgumentException("the reminder interval must not be negative: " + remindAfter);
        }
        this.remindAfter = remindAfter;
    }

    public Decision decide(StoredState stored, Observation seen, Instant now) {
        AlertState before = stored.state();
        if (before.claim().filter(c -> c.isLiveAt(now)).isPresent()) {
            return new Decision(stored, Optional.empty(), before, List.of(), List.of(), List.of(), true);
        }
        Map<String, TrackedFinding> earlier = new LinkedHashMap<>();
        before.active().forEach(f -> earlier.put(f.fingerprint(), f));

        Map<String, TrackedFinding> active = new LinkedHashMap<>();
        List<TrackedFinding> appeared = new ArrayList<>();
        List<TrackedFinding> still = new ArrayList<>();
        for (TrackedFinding f : seen.alerting()) {
            TrackedFinding known = earlier.get(f.fingerprint());
            TrackedFinding current = known == null ? f : known.seenAgain(f, now);
            active.put(f.fingerprint(), current);
            (known == null ? appeared : still).add(current);
        }
        List<TrackedFinding> cleared = new ArrayList<>();
        for (TrackedFinding f : earlier.values()) {
            if (active.containsKey(f.fingerprint())) {
                continue;
            }
            if (seen.couldNotCheck(f)) {
                active.put(f.fingerprint(), f);
                still.add(f);
            } else {
                cleared.add(f);
            }
        }

        Optional<Transition> transition = transition(before, List.copyOf(active.values()), appeared, cleared, now);
        AlertState next = new AlertState(before.key(), List.copyOf(active.values()),
                transition.isPresent() ? Optional.of(now) : before.lastPublished(),
                transition.or(before::lastTransition), Optional.empty());
        return new Decision(stored, transition, next, appeared, cleared, still, false);
    }

    private Optional<Transition> transition(AlertState before, List<TrackedFinding> active,
                                            List<TrackedFinding> appeared, List<TrackedFinding> cleared, Instant now) {
        if (before.active().isEmpty()) {
            return active.isEmpty() ? Optional.empty() : Optional.of(Transition.NEW);
        }
        if (active.isEmpty()) {
            return Optional.of(Transition.RESOLVED);
        }
        if (!appeared.isEmpty() || !cleared.isEmpty() || worst(before.active()) != worst(active)) {
            return Optional.of(Transition.CHANGED);
        }
        boolean due = before.lastPublished().map(last -> !now.isBefore(last.plus(remindAfter))).orElse(true);
        return due ? Optional.of(Transition.REMINDER) : Optional.empty();
    }

    private static Severity worst(List<TrackedFinding> findings) {
        return findings.stream().map(TrackedFinding::severity).max(Comparator.naturalOrder()).orElseThrow();
    }
}
