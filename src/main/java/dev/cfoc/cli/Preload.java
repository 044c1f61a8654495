package dev.cfoc.cli;

import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.CloudFrontTlsClient;
import dev.cfoc.probe.TlsOffer;

import java.util.List;
import java.util.Optional;

/**
 * Cold start: what every check needs besides the configs (Mozilla's roots: 142 certificates to parse; the TLS
 * client's classes) is loaded on a background thread while the main thread reads the configs. Measured on two cores:
 * about 0.15 s off a one-origin run with the default JIT, nothing with {@code -XX:TieredStopAtLevel=1}
 * (docs/benchmarks.md).
 */
final class Preload {

    private Preload() {
    }

    static void start() {
        Thread.ofPlatform().daemon(true).name("cfoc-preload").start(Preload::load);
    }

    private static void load() {
        try {
            TrustAnchors.mozilla();
            new CloudFrontTlsClient(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)), Optional.empty());
        } catch (RuntimeException | LinkageError e) {
            // only an optimisation: the main thread loads the same things and reports what fails
        }
    }
}
