package dev.cfoc.check;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.Problem;
import dev.cfoc.probe.ProbeResult;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Places a probe's problem: which origin, port and SNI, the path patterns whose requests use that connection, and the
 * command that reproduces it by hand.
 */
final class FindingPlacement {

    private FindingPlacement() {
    }

    static Finding place(ProbeResult probe, Problem problem) {
        var target = probe.target();
        return new Finding(problem.code(), target.originId(), OptionalInt.of(target.port()), target.sni(),
                problem.message(), problem.evidence(), Optional.of(ReproduceCommand.forProblem(target, problem.code())),
                Optional.empty(), target.behaviors());
    }
}
