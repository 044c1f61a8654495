package dev.cfoc.probe;

import dev.cfoc.plan.ProbeTarget;

import java.util.List;

/**
 * Told what a {@link ProbeRunner} is doing, e.g. to show progress. Called from the probing threads: implementations
 * must be thread-safe, quick, and must not throw.
 */
public interface ProbeListener {

    /** Listens to nothing. */
    ProbeListener NONE = new ProbeListener() {
    };

    /** Before any probe starts: every target of the run. */
    default void runStarted(List<ProbeTarget> targets) {
    }

    /** A probe got its slots and starts connecting. */
    default void probeStarted(ProbeTarget target) {
    }

    default void probeFinished(ProbeTarget target, ProbeResult result) {
    }
}
