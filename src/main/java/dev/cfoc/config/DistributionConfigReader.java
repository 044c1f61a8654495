package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.List;
import java.util.Optional;

/**
 * Maps one DistributionConfig (or a DistributionSummary, which carries the same fields) to a {@link Distribution},
 * validating what the checker relies on. Unknown fields are ignored. The parts are read in order, each by its reader
 * ({@link OriginReader}, {@link OriginGroupReader}, {@link CacheBehaviorReader}); {@link IdReferences} checks that
 * what one part names exists in another.
 */
final class DistributionConfigReader {

    private final JsonFields json;
    private final String source;
    private final OriginReader origins;
    private final OriginGroupReader originGroups;
    private final CacheBehaviorReader behaviors;

    DistributionConfigReader(String source) {
        this.json = new JsonFields(source);
        this.source = source;
        this.origins = new OriginReader(json);
        this.originGroups = new OriginGroupReader(json);
        this.behaviors = new CacheBehaviorReader(json);
    }

    /** @param id and domainName come from the wrapper (get-distribution) or the summary itself (list-distributions) */
    Distribution read(Located config, Optional<String> id, Optional<String> domainName) throws ConfigException {
        List<String> aliases = readAliases(config);
        boolean enabled = json.optionalBoolean(config, "Enabled", true);
        List<Origin> originList = origins.read(config);
        IdReferences toOrigins = IdReferences.toOrigins(json, originList);
        List<OriginGroup> groups = originGroups.read(config, toOrigins);
        IdReferences toTargets = toOrigins.withGroups(groups);
        CacheBehavior defaultBehavior = behaviors.readDefault(config, toTargets);
        List<CacheBehavior> pathBehaviors = behaviors.readPathBehaviors(config, toTargets);
        boolean staging = json.optionalBoolean(config, "Staging", false);
        Optional<String> continuousDeploymentPolicyId = json.optionalNonBlankText(config, "ContinuousDeploymentPolicyId");
        return new Distribution(id, source, domainName, aliases, enabled, originList, groups, defaultBehavior,
                pathBehaviors, staging, continuousDeploymentPolicyId, Optional.empty());
    }

    private List<String> readAliases(Located config) throws ConfigException {
        List<String> aliases = json.textItems(config, "Aliases");
        for (int i = 0; i < aliases.size(); i++) {
            Optional<String> notAHostName = WireSyntax.hostNameProblem(aliases.get(i), true);
            if (notAHostName.isPresent()) {
                throw json.error(config.child("Aliases") + ".Items[" + i + "]", notAHostName.get() + ", got "
                        + JsonFields.echo(aliases.get(i)));
            }
        }
        return aliases;
    }
}
