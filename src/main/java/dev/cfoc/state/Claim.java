package dev.cfoc.state;

import java.time.Instant;

/**
 * A run's claim on a distribution's state while it publishes a transition: other runs leave that state alone until
 * the claim is committed, released or expired (a run that died holding it).
 *
 * @param id      the claiming run's own random id
 * @param expires when other runs may ignore it
 */
public record Claim(String id, Instant expires) {

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expires);
    }
}
