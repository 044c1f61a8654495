package dev.cfoc.testing;

import dev.cfoc.cert.CertificateVerifier;
import dev.cfoc.check.Engine;
import dev.cfoc.lambda.LambdaSettings;
import dev.cfoc.probe.AddressPolicy;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place the tests opt in to probing loopback and private addresses, as labs do: their origins listen on
 * 127.0.0.1, which CloudFront cannot reach, so without the opt-in every such origin is ORIGIN_NOT_PUBLIC and nothing
 * connects. One form per entry point: the prober, the engine, the Lambda's settings and environment, the CLI.
 */
public final class LoopbackOrigins {

    /** The {@code check} option. */
    public static final String CHECK_OPTION = "--allow-private-origins";

    /** The Lambda's variable, as {@code invoke --env} takes it. */
    public static final String INVOKE_ENV = LambdaSettings.ALLOW_PRIVATE_ORIGINS + "=true";

    private LoopbackOrigins() {
    }

    public static OriginProber prober(HostResolver resolver, CertificateVerifier verifier) {
        return new OriginProber(resolver, verifier, AddressPolicy.allowPrivate());
    }

    public static Engine.Builder engine() {
        return Engine.builder().allowPrivateOrigins(true);
    }

    public static LambdaSettings lambdaSettings() {
        return LambdaSettings.defaults().withAllowPrivateOrigins(true);
    }

    /** {@code environment} plus ALLOW_PRIVATE_ORIGINS=true. */
    public static Map<String, String> lambdaEnvironment(Map<String, String> environment) {
        Map<String, String> withOptIn = new HashMap<>(environment);
        withOptIn.put(LambdaSettings.ALLOW_PRIVATE_ORIGINS, "true");
        return withOptIn;
    }
}
