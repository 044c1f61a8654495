package dev.cfoc.lambda;

import dev.cfoc.firewall.DnsNames;
import dev.cfoc.firewall.Firewall;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The function's firewall check (docs/cloudfront-rules.md#origin-facing-addresses): the security groups of the origins
 * found in the function's account are read through its clients (EC2 and ELBv2 endpoints from AWS_ENDPOINT_URL_EC2,
 * AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2, AWS_ENDPOINT_URL), and VPC origins are probed when the function runs
 * inside a VPC ({@value #PROBE_VPC_ORIGINS}, set by the template when VpcSubnetIds is given).
 */
public final class LambdaFirewall {

    /** {@code true} when the function is attached to the VPC of its VPC origins; default {@code false}. */
    public static final String PROBE_VPC_ORIGINS = "PROBE_VPC_ORIGINS";

    private LambdaFirewall() {
    }

    /**
     * @param environment the function's environment (the local invoke's, --env included)
     * @throws IllegalArgumentException naming {@value #PROBE_VPC_ORIGINS} when it is neither true nor false
     */
    public static Firewall fromEnvironment(Map<String, String> environment, AwsClientProvider clients, DnsNames dns) {
        return Firewall.checked(clients.network(environment), dns, probeVpcOrigins(environment));
    }

    static boolean probeVpcOrigins(Map<String, String> environment) {
        Optional<String> value = Optional.ofNullable(environment.get(PROBE_VPC_ORIGINS)).map(String::strip)
                .filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT));
        return switch (value.orElse("false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(PROBE_VPC_ORIGINS + " must be true or false, got '"
                    + environment.get(PROBE_VPC_ORIGINS).strip() + "'");
        };
    }
}
