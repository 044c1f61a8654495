package dev.cfoc.state;

import dev.cfoc.finding.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a run decided for one distribution (or the run itself), before anything is published or written.
 *
 * @param previous   the state read, with its version (the condition of every write)
 * @param transition the message to send, if any
 * @param next       the state to write once that message was accepted (or at once, without a message)
 * @param appeared   findings active now that were not before (first seen now)
 * @param cleared    findings active before that are gone (as last seen)
 * @param still      findings active before and now
 * @param busy       another run holds a live claim on this state: this run leaves it alone
 */
public record Decision(StoredState previous, Optional<Transition> transition, AlertState next,
                       List<TrackedFinding> appeared, List<TrackedFinding> cleared, List<TrackedFinding> still,
                       boolean busy) {

    public Decision {
        appeared = List.copyOf(appeared);
        cleared = List.copyOf(cleared);
        still = List.copyOf(still);
    }

    public String key() {
        return next.key();
    }

    /** Whether the state must be written: a transition, or findings seen again (their last-seen time). */
    public boolean writes() {
        return !busy && (transition.isPresent() || !next.active().isEmpty());
    }

    /** The worst severity of the active findings after this run, or of the cleared ones when nothing is left. */
    public Optional<Severity> worst() {
        List<TrackedFinding> findings = next.active().isEmpty() ? cleared : next.active();
        return findings.stream().map(TrackedFinding::severity).max(Comparator.naturalOrder());
    }
}
