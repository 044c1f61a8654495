package dev.cfoc.report;

import dev.cfoc.finding.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The origins of one distribution, as checked.
 *
 * @param findings findings about the distribution as a whole, not one origin: it could not be read
 *                 (SOURCE_UNAVAILABLE), a custom policy it uses could not be read (POLICY_UNRESOLVED)
 * @param enabled  whether the distribution is enabled (a disabled one serves no traffic); empty when unknown (it
 *                 could not be read)
 */
public record DistributionReport(Optional<String> id, String source, Optional<String> domainName, List<String> aliases,
                                 List<OriginReport> origins, List<Finding> findings, Optional<Boolean> enabled) {

    public DistributionReport {
        aliases = List.copyOf(aliases);
        origins = List.copyOf(origins);
        findings = List.copyOf(findings);
    }

    /** A distribution whose state (enabled or not) is not known. */
    public DistributionReport(Optional<String> id, String source, Optional<String> domainName, List<String> aliases,
                              List<OriginReport> origins, List<Finding> findings) {
        this(id, source, domainName, aliases, origins, findings, Optional.empty());
    }

    /** A distribution with no findings of its own. */
    public DistributionReport(Optional<String> id, String source, Optional<String> domainName, List<String> aliases,
                              List<OriginReport> origins) {
        this(id, source, domainName, aliases, origins, List.of());
    }

    /** A distribution that could not be read or checked: only its id, where it came from and why. */
    public static DistributionReport unread(String id, String source, Finding finding) {
        return new DistributionReport(Optional.of(id), source, Optional.empty(), List.of(), List.of(), List.of(finding));
    }

    /** The same distribution with {@code more} findings about it as a whole. */
    public DistributionReport withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new DistributionReport(id, source, domainName, aliases, origins, all, enabled);
    }

    /** The same distribution with {@code replacementFindings} about it and {@code replacementOrigins}. */
    public DistributionReport with(List<OriginReport> replacementOrigins, List<Finding> replacementFindings) {
        return new DistributionReport(id, source, domainName, aliases, replacementOrigins, replacementFindings, enabled);
    }

    /** Its own findings, then every origin's. */
    public Stream<Finding> allFindings() {
        return Stream.concat(findings.stream(), origins.stream().flatMap(o -> o.findings().stream()));
    }

    /** Known to be disabled: it serves no traffic, so its findings cannot reach viewers until it is enabled. */
    public boolean isDisabled() {
        return enabled.filter(e -> !e).isPresent();
    }

    /** A label for messages: the id, else the source. */
    public String label() {
        return id.orElse(source);
    }
}
