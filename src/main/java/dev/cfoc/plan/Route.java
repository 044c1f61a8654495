package dev.cfoc.plan;

import dev.cfoc.config.CacheBehavior;

/** One way traffic reaches an origin: a cache behavior (directly or through an origin group) and its Host rule. */
record Route(CacheBehavior behavior, HostForwarding.Decision host) {
}
