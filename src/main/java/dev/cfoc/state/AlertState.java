package dev.cfoc.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What is known about one distribution (or the run itself) between runs.
 *
 * @param key            the distribution id, or the label of the run's own findings
 * @param active         its active findings (unsuppressed, at or above the publishing threshold) as last seen
 * @param lastPublished  when the last message about it was accepted
 * @param lastTransition what that message was
 * @param claim          a run publishing a transition right now
 */
public record AlertState(String key, List<TrackedFinding> active, Optional<Instant> lastPublished,
                         Optional<Transition> lastTransition, Optional<Claim> claim) {

    public AlertState {
        active = List.copyOf(active);
    }

    /** Nothing known: no finding, never published. */
    public static AlertState empty(String key) {
        return new AlertState(key, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AlertState withClaim(Claim taken) {
        return new AlertState(key, active, lastPublished, lastTransition, Optional.of(taken));
    }

    public AlertState withoutClaim() {
        return new AlertState(key, active, lastPublished, lastTransition, Optional.empty());
    }
}
