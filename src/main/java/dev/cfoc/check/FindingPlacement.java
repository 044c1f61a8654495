package dev.cfoc.check;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.firewall.FirewallFindings;
import dev.cfoc.finding.Problem;
import dev.cfoc.probe.ProbeResult;

import java.util.Optional;
import java.util.OptionalInt;

/** Places a probe's problem: which origin, port and SNI, and the command that reproduces it by hand. */
final class FindingPlacement {

    private FindingPlacement() {
    }

    static Finding place(ProbeResult probe, Problem problem) {
        var target = probe.target();
        Optional<String> reproduce = problem.code() == FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT
                ? FirewallFindings.reproduce(problem) : Optional.of(ReproduceCommand.forProblem(target, problem.code()));
        return new Finding(problem.code(), target.originId(), OptionalInt.of(target.port()), target.sni(),
                problem.message(), problem.evidence(), reproduce);
    }
}
