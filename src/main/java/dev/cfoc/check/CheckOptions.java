package dev.cfoc.check;

import dev.cfoc.probe.HostResolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a run checks: extra trust anchors (never what CloudFront trusts), the expiry warning threshold,
 * how names resolve, and how many connections may be open at once.
 */
public record CheckOptions(Optional<Path> trustAnchorsFile, Duration expiryWarning, HostResolver resolver,
                           int maxConcurrentConnections) {

    public static final int DEFAULT_EXPIRY_WARNING_DAYS = 30;
    public static final int DEFAULT_MAX_CONCURRENT_CONNECTIONS = 256;

    public static CheckOptions defaults() {
        return new CheckOptions(Optional.empty(), Duration.ofDays(DEFAULT_EXPIRY_WARNING_DAYS), HostResolver.system(),
                DEFAULT_MAX_CONCURRENT_CONNECTIONS);
    }

    public CheckOptions withTrustAnchors(Optional<Path> file) {
        return new CheckOptions(file, expiryWarning, resolver, maxConcurrentConnections);
    }

    public CheckOptions withExpiryWarning(Duration threshold) {
        return new CheckOptions(trustAnchorsFile, threshold, resolver, maxConcurrentConnections);
    }

    public CheckOptions withResolver(HostResolver hostResolver) {
        return new CheckOptions(trustAnchorsFile, expiryWarning, hostResolver, maxConcurrentConnections);
    }
}
