package dev.cfoc.state;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.report.FindingHistory;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A run's decisions seen by the report renderers: first-seen times, new findings, transitions and cleared findings. */
public final class AlertHistory implements FindingHistory {

    private final Map<String, Decision> decisions = new LinkedHashMap<>();

    public AlertHistory(List<Decision> decisions) {
        decisions.forEach(d -> this.decisions.put(d.key(), d));
    }

    @Override
    public boolean isOn() {
        return true;
    }

    @Override
    public Optional<Instant> firstSeen(String key, Finding finding) {
        String fingerprint = TrackedFinding.fingerprint(key, finding);
        return decision(key).stream().flatMap(d -> Stream.concat(d.next().active().stream(), d.cleared().stream()))
                .filter(t -> t.fingerprint().equals(fingerprint)).findFirst().map(TrackedFinding::firstSeen);
    }

    @Override
    public boolean isNew(String key, Finding finding) {
        String fingerprint = TrackedFinding.fingerprint(key, finding);
        return decision(key).stream().flatMap(d -> d.appeared().stream())
                .anyMatch(t -> t.fingerprint().equals(fingerprint));
    }

    @Override
    public Optional<String> transition(String key) {
        return decision(key).flatMap(Decision::transition).map(Enum::name);
    }

    /** Cleared findings whose code this version still knows, as findings that name their code's title. */
    @Override
    public List<Finding> resolved(String key) {
        return decision(key).stream().flatMap(d -> d.cleared().stream()).flatMap(t -> asFinding(t).stream()).toList();
    }

    public Optional<Decision> decision(String key) {
        return Optional.ofNullable(decisions.get(key));
    }

    static Optional<Finding> asFinding(TrackedFinding tracked) {
        return Arrays.stream(FindingCode.values()).filter(c -> c.name().equals(tracked.code())).findFirst()
                .map(code -> new Finding(code, tracked.originId(), tracked.port(), tracked.sni(), code.title(),
                        Map.of(), Optional.empty(), Optional.empty(), tracked.paths()));
    }
}
