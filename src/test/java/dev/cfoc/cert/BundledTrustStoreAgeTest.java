package dev.cfoc.cert;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own bundle, judged today: once it is more than {@link TrustListRelease#MAX_AGE_DAYS} days old,
 * every run reports TRUST_STORE_STALE, and tests that count a run's findings fail with it. This test says why, first.
 */
class BundledTrustStoreAgeTest {

    @Test
    void bundledList_isYoungEnough_elseRunTheRefreshScript() {
        TrustAnchors mozilla = TrustAnchors.mozilla();

        assertThat(mozilla.staleness(Instant.now()))
                .as("the bundled Mozilla list (%s) is older than %d days: run scripts/refresh-trust-store.sh and "
                        + "commit the result", mozilla.description(), TrustListRelease.MAX_AGE_DAYS)
                .isEmpty();
    }
}
