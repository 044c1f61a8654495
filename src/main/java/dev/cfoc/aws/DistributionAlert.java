package dev.cfoc.aws;

import dev.cfoc.finding.Severity;
import dev.cfoc.state.Transition;
import java.util.List;
import java.util.Optional;

/**
 * What is published about one distribution: built by the caller from the report (so this package does not
 * depend on the report classes). Must not contain custom header values.
 *
 * @param worst           the highest severity among the findings published
 * @param originsAffected how many origins have such findings (0 for findings about the distribution itself)
 * @param codes           the distinct finding codes, most severe first (for the subject and the filterable attribute)
 * @param humanText       the email-readable part: what is wrong, where, the fix, how to reproduce
 * @param findingsJson    the JSON of this distribution's findings
 * @param name            what people call the distribution (its first alias, or its domain name), for the subject
 * @param transition      with alert state: NEW, CHANGED, REMINDER or RESOLVED (the {@code transition} attribute); for
 *                        RESOLVED, {@code worst}, {@code originsAffected} and {@code codes} are those of what cleared
 */
public record DistributionAlert(String distributionId, Severity worst, int originsAffected, List<String> codes,
                                String humanText, String findingsJson, Optional<String> name,
                                Optional<Transition> transition) {

    /** An alert without alert state, named by its id alone. */
    public DistributionAlert(String distributionId, Severity worst, int originsAffected, List<String> codes,
                             String humanText, String findingsJson) {
        this(distributionId, worst, originsAffected, codes, humanText, findingsJson, Optional.empty(), Optional.empty());
    }

    public DistributionAlert {
        require(distributionId != null && !distributionId.isBlank(), "distributionId must not be blank");
        require(worst != null, "worst must be set");
        require(originsAffected >= 0, "originsAffected must not be negative: " + originsAffected);
        require(codes != null && !codes.isEmpty() && codes.stream().noneMatch(c -> c == null || c.isBlank()),
                "codes must list at least one finding code, none blank");
        require(humanText != null, "humanText must be set");
        require(findingsJson != null, "findingsJson must be set");
        require(name != null && name.stream().noneMatch(String::isBlank), "name must not be blank");
        require(transition != null, "transition must be set (empty without alert state)");
        codes = List.copyOf(codes);
    }

    public boolean isResolved() {
        return transition.filter(t -> t == Transition.RESOLVED).isPresent();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("DistributionAlert: " + message);
        }
    }
}
