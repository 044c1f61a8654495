package dev.cfoc.report;

import java.util.List;
import java.util.Optional;

/** The origins of one distribution, as checked. */
public record DistributionReport(Optional<String> id, String source, Optional<String> domainName, List<String> aliases,
                                 List<OriginReport> origins) {

    public DistributionReport {
        aliases = List.copyOf(aliases);
        origins = List.copyOf(origins);
    }
}
