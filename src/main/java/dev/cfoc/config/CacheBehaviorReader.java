package dev.cfoc.config;

import dev.cfoc.config.JsonFields.Located;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a DistributionConfig's DefaultCacheBehavior and CacheBehaviors, with their edge functions. */
final class CacheBehaviorReader {

    private final JsonFields json;

    CacheBehaviorReader(JsonFields json) {
        this.json = json;
    }

    CacheBehavior readDefault(Located config, IdReferences references) throws ConfigException {
        return read(json.requiredObject(config, "DefaultCacheBehavior"), true, references);
    }

    /** The path behaviors (CacheBehaviors), in configured order. */
    List<CacheBehavior> readPathBehaviors(Located config, IdReferences references) throws ConfigException {
        var behaviors = new ArrayList<CacheBehavior>();
        for (Located behavior : json.objectItems(config, "CacheBehaviors")) {
            behaviors.add(read(behavior, false, references));
        }
        return behaviors;
    }

    private CacheBehavior read(Located behavior, boolean isDefault, IdReferences references) throws ConfigException {
        String pathPattern = isDefault ? CacheBehavior.DEFAULT_PATH_PATTERN
                : json.requiredText(behavior, "PathPattern");
        String target = json.requiredText(behavior, "TargetOriginId");
        references.requireTarget(behavior, target);
        ViewerProtocolPolicy viewerPolicy =
                json.requiredApiValue(behavior, "ViewerProtocolPolicy", ViewerProtocolPolicy.class);
        Optional<List<String>> legacyHeaders = Optional.empty();
        Optional<Located> forwarded = json.optionalObject(behavior, "ForwardedValues");
        if (forwarded.isPresent()) {
            legacyHeaders = Optional.of(json.textItems(forwarded.get(), "Headers"));
        }
        Optional<String> cachePolicyId = json.optionalNonBlankText(behavior, "CachePolicyId");
        Optional<String> originRequestPolicyId = json.optionalNonBlankText(behavior, "OriginRequestPolicyId");
        return new CacheBehavior(pathPattern, target, viewerPolicy, legacyHeaders, cachePolicyId,
                originRequestPolicyId, readEdgeFunctions(behavior), readAllowedMethods(behavior));
    }

    private List<String> readAllowedMethods(Located behavior) throws ConfigException {
        List<String> methods = json.textItems(behavior, "AllowedMethods").stream()
                .map(m -> m.toUpperCase(java.util.Locale.ROOT)).toList();
        return methods.isEmpty() ? CacheBehavior.DEFAULT_ALLOWED_METHODS : methods;
    }

    private List<EdgeFunction> readEdgeFunctions(Located behavior) throws ConfigException {
        var functions = new ArrayList<EdgeFunction>();
        for (Located association : json.objectItems(behavior, "FunctionAssociations")) {
            functions.add(new EdgeFunction(EdgeFunction.Kind.CLOUDFRONT_FUNCTION, eventType(association),
                    json.requiredText(association, "FunctionARN")));
        }
        for (Located association : json.objectItems(behavior, "LambdaFunctionAssociations")) {
            functions.add(new EdgeFunction(EdgeFunction.Kind.LAMBDA_EDGE, eventType(association),
                    json.requiredText(association, "LambdaFunctionARN")));
        }
        return functions;
    }

    private String eventType(Located association) throws ConfigException {
        return json.requiredApiValue(association, "EventType", EdgeFunction.EventType.class).apiValue();
    }
}
