package dev.cfoc.check;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.firewall.FirewallFindings;
import dev.cfoc.finding.Problem;
import dev.cfoc.probe.ProbeResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Places a probe's problem: which origin, port and SNI, the path patterns whose requests use that connection, and the
 * command that reproduces it by hand.
 */
final class FindingPlacement {

    private FindingPlacement() {
    }

    static Finding place(ProbeResult probe, Problem problem) {
        var target = probe.target();
        Optional<String> reproduce = problem.code() == FindingCode.ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT
                ? FirewallFindings.reproduce(problem) : Optional.of(ReproduceCommand.forProblem(target, problem.code()));
        return new Finding(problem.code(), target.originId(), OptionalInt.of(target.port()), target.sni(),
                problem.message(), problem.evidence(), reproduce, Optional.empty(), target.behaviors());
    }

    /**
     * Decision: a name that does not resolve is one DNS_UNRESOLVABLE finding per origin, not one per connection (SNI,
     * port) that tried it: DNS fails before any connection differs. The finding keeps no port or SNI, and its evidence
     * lists the connections that needed the name. Other findings are kept as they are, in order.
     */
    static List<Finding> oneDnsFindingPerName(List<Finding> findings) {
        Map<String, List<Finding>> byName = new LinkedHashMap<>();
        findings.stream().filter(f -> f.code() == FindingCode.DNS_UNRESOLVABLE)
                .forEach(f -> byName.computeIfAbsent(f.evidence().getOrDefault("host", f.message()),
                        name -> new ArrayList<>()).add(f));
        Set<String> placed = new HashSet<>();
        List<Finding> result = new ArrayList<>();
        for (Finding f : findings) {
            if (f.code() != FindingCode.DNS_UNRESOLVABLE) {
                result.add(f);
                continue;
            }
            String name = f.evidence().getOrDefault("host", f.message());
            List<Finding> same = byName.get(name);
            if (same.size() == 1) {
                result.add(f);
            } else if (placed.add(name)) {
                Map<String, String> evidence = new LinkedHashMap<>(f.evidence());
                evidence.put("connections", same.stream().map(FindingPlacement::connection)
                        .collect(Collectors.joining("; ")));
                result.add(new Finding(f.code(), f.originId(), OptionalInt.empty(), Optional.empty(), f.message(),
                        evidence, f.reproduce(), f.suppressed(),
                        same.stream().flatMap(s -> s.paths().stream()).distinct().toList()));
            }
        }
        return result;
    }

    /** E.g. {@code port 443 sni www.example.com}. */
    private static String connection(Finding f) {
        return (f.port().isPresent() ? "port " + f.port().getAsInt() : "") + f.sni().map(s -> " sni " + s).orElse("");
    }
}
