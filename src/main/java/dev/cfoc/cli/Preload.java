package dev.cfoc.cli;

import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.CloudFrontTlsClient;
import dev.cfoc.probe.TlsOffer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cold start: what every check needs besides its arguments is loaded on two background threads, from the start of
 * {@code main} (before picocli builds its model) or of the command: Mozilla's roots (142 certificates to parse) and
 * the TLS client's classes on one, Jackson (the config reader's classes: its first ObjectMapper is the costliest
 * step of reading a config) on the other. Measured on two cores, see docs/benchmarks.md §5.
 */
final class Preload {

    /** An incomplete config in one of the accepted shapes: reading it loads what reading a real one does. */
    private static final String SAMPLE_CONFIG = "{\"Origins\":{},\"DefaultCacheBehavior\":{}}";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {
    }

    /** Starts the loading once per process; later calls do nothing. */
    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon(true).name("cfoc-preload").start(Preload::loadTrustAndTls);
            Thread.ofPlatform().daemon(true).name("cfoc-preload-json").start(Preload::loadJson);
        }
    }

    private static void loadTrustAndTls() {
        try {
            TrustAnchors.mozilla();
            new CloudFrontTlsClient(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)), Optional.empty());
        } catch (RuntimeException | LinkageError e) {
            // only an optimisation: the main thread loads the same things and reports what fails
        }
    }

    private static void loadJson() {
        try {
            new DistributionFileLoader().loadString(SAMPLE_CONFIG, "preload");
        } catch (ConfigException | RuntimeException | LinkageError e) {
            // expected (the sample is incomplete) or reported by the main thread, which reads the real configs
        }
    }
}
