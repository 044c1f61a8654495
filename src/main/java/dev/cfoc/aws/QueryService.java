package dev.cfoc.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS service that speaks the Query protocol, as {@link QueryClient} needs it: its API version, its signing name,
 * and where its endpoint comes from. The endpoint is never written here: an explicit override (tests), else the SDK's
 * standard variables {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL} (unless
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}), else the SDK's own endpoint metadata for the region.
 *
 * @param envSuffix   the service's suffix in AWS_ENDPOINT_URL_&lt;SERVICE&gt; (its SDK service id, upper snake case)
 * @param metadataId  the SDK's endpoint metadata id (and SigV4 signing name)
 */
record QueryService(String envSuffix, String metadataId, String apiVersion) {

    /** Amazon EC2: DescribeSecurityGroups, DescribeInstances, DescribeManagedPrefixLists, GetManagedPrefixListEntries. */
    static final QueryService EC2 = new QueryService("EC2", "ec2", "2016-11-15");
    /** Elastic Load Balancing v2: DescribeLoadBalancers. */
    static final QueryService ELBV2 = new QueryService("ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing",
            "2015-12-01");

    static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    static final String IGNORE_CONFIGURED = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    String endpointVariable() {
        return ENDPOINT_URL + "_" + envSuffix;
    }

    /**
     * @param explicit    an endpoint given in code (tests, local endpoints), which wins
     * @param environment the process environment (or the local invoke's, --env included)
     * @throws IllegalArgumentException naming the variable when its value is not a URL
     */
    URI endpoint(Region region, Optional<URI> explicit, Map<String, String> environment) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        boolean ignore = "true".equals(value(environment, IGNORE_CONFIGURED).map(v -> v.toLowerCase(Locale.ROOT))
                .orElse(""));
        if (!ignore) {
            for (String variable : new String[] {endpointVariable(), ENDPOINT_URL}) {
                Optional<String> url = value(environment, variable);
                if (url.isPresent()) {
                    return uri(variable, url.get());
                }
            }
        }
        return URI.create("https://" + ServiceMetadata.of(metadataId).endpointFor(region));
    }

    private static URI uri(String variable, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(variable + ": not a URL like http://127.0.0.1:4566: " + url);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
