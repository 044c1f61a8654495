package dev.cfoc.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The protocol around a {@link StateStore} that sends each transition once, however many runs overlap (a retried
 * schedule, an SQS redelivery, two change events):
 * <ol>
 *   <li>{@link #decide}: read the states, apply the {@link Transitions};</li>
 *   <li>with a transition to send: {@link #claim} (a conditional write of the state as it was plus a claim: only one
 *       run wins it; the others see a live claim and leave the state alone), publish, then {@link #commit} the new
 *       state, or {@link #release} the claim when publishing failed (the state stays as it was, so the next run
 *       retries);</li>
 *   <li>without one: {@link #record} the new last-seen times (skipped when another run wrote first).</li>
 * </ol>
 * A run that dies holding a claim blocks that state for {@link #CLAIM_LEASE}; the next run after that decides again.
 */
public final class AlertLedger {

    /**
     * Decision: a claim lasts 20 minutes, longer than a Lambda invocation can (15) so that a live run never loses its
     * claim, short enough that the next hourly run retries after a run that died between claiming and committing.
     */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(20);

    /** A claim taken for {@code decision}: the store now holds {@code version} of that state. */
    public record Claimed(Decision decision, long version) {
    }

    private final StateStore store;
    private final Transitions transitions;
    private final Clock clock;

    public AlertLedger(StateStore store, Transitions transitions, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** @throws StateStoreException when the states cannot be read */
    public List<Decision> decide(List<Observation> observations) {
        Instant now = clock.instant();
        Map<String, StoredState> stored = store.read(observations.stream().map(Observation::key).toList());
        return observations.stream().map(o -> transitions.decide(
                stored.getOrDefault(o.key(), StoredState.absent(o.key())), o, now)).toList();
    }

    /**
     * Before publishing {@code decision}'s transition.
     *
     * @return empty when another run wrote the state since it was read (that run sends what there is to send)
     */
    public Optional<Claimed> claim(Decision decision) {
        Claim claim = new Claim(UUID.randomUUID().toString(), clock.instant().plus(CLAIM_LEASE));
        StoredState previous = decision.previous();
        if (!store.write(previous.state().withClaim(claim), previous.version())) {
            return Optional.empty();
        }
        return Optional.of(new Claimed(decision, previous.version() + 1));
    }

    /** After the transition was published: the decided state replaces the claim. */
    public boolean commit(Claimed claimed) {
        return store.write(claimed.decision().next(), claimed.version());
    }

    /** After publishing failed: the state as it was before the claim. */
    public boolean release(Claimed claimed) {
        return store.write(claimed.decision().previous().state().withoutClaim(), claimed.version());
    }

    /** A decision without a message to send: its state written at once, unless another run wrote first. */
    public boolean record(Decision decision) {
        return decision.writes() && store.write(decision.next(), decision.previous().version());
    }
}
