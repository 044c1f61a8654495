package dev.cfoc.bench;

import dev.cfoc.sample.LocalPorts;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.sample.SamplePki.Issued;
import dev.cfoc.sample.SamplePki.LeafSpec;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark origins on 127.0.0.1. Each kind gets one certificate (a wildcard {@code *.KIND.bench.test}, so ten
 * thousand origins cost a handful of key generations) and one server per {@code originsPerServer} origins: the
 * origins of a server share its port and differ by name (SNI), as virtual hosts do. Every name under
 * {@value #DOMAIN} resolves to 127.0.0.1 ({@link BenchResolverProvider}).
 */
final class Fleet implements AutoCloseable {

    static final String DOMAIN = "bench.test";
    private static final Duration STALL = Duration.ofHours(1);

    /** One origin of the fleet, as it goes into the distribution config. */
    record FleetOrigin(String id, String domainName, OriginKind kind, int port) {
    }

    private final SamplePki pki = SamplePki.create("cfoc bench");
    private final SamplePki foreignPki = SamplePki.create("cfoc bench foreign");
    private final List<SampleTlsServer> servers = new ArrayList<>();
    private final List<FleetOrigin> origins = new ArrayList<>();

    private Fleet() {
    }

    /** Starts {@code counts} origins of each kind; close() stops them. */
    static Fleet start(Map<OriginKind, Integer> counts, int originsPerServer) {
        if (originsPerServer < 1) {
            throw new IllegalArgumentException("originsPerServer: must be at least 1, was " + originsPerServer);
        }
        Fleet fleet = new Fleet();
        try {
            counts.forEach((kind, count) -> fleet.startKind(kind, count, originsPerServer));
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    List<FleetOrigin> origins() {
        return List.copyOf(origins);
    }

    int servers() {
        return servers.size();
    }

    X509Certificate rootCertificate() {
        return pki.rootCertificate();
    }

    Map<OriginKind, Integer> counts() {
        Map<OriginKind, Integer> counts = new EnumMap<>(OriginKind.class);
        origins.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        return counts;
    }

    private void startKind(OriginKind kind, int count, int originsPerServer) {
        SampleTlsServer.Builder builder = kind == OriginKind.CLOSED_PORT ? null : builder(kind);
        int port = 0;
        for (int i = 0; i < count; i++) {
            if (i % originsPerServer == 0) {
                port = builder == null ? LocalPorts.closedPort() : serve(builder);
            }
            String id = kind.label() + "-" + i;
            origins.add(new FleetOrigin(id, "o" + i + "." + kind.label() + "." + DOMAIN, kind, port));
        }
    }

    private int serve(SampleTlsServer.Builder builder) {
        SampleTlsServer server = builder.start();
        servers.add(server);
        return server.port();
    }

    private SampleTlsServer.Builder builder(OriginKind kind) {
        String wildcard = "*." + kind.label() + "." + DOMAIN;
        Instant now = Instant.now();
        Issued leaf = pki.issueLeaf(LeafSpec.forNames(wildcard));
        return switch (kind) {
            case HEALTHY -> SampleTlsServer.builder(leaf);
            case EXPIRED -> SampleTlsServer.builder(pki.issueLeaf(LeafSpec.forNames(wildcard)
                    .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(10)))));
            case WRONG_NAME -> SampleTlsServer.builder(pki.issueLeaf(LeafSpec.forNames("other-site." + DOMAIN)));
            case TARPIT -> SampleTlsServer.builder(leaf).behaviour(SampleTlsServer.Behaviour.SILENT);
            case SLOW -> SampleTlsServer.builder(leaf).responseDelay(OriginKind.SLOW_RESPONSE);
            case STALLED -> SampleTlsServer.builder(leaf).responseDelay(STALL);
            case MISSING_INTERMEDIATE -> SampleTlsServer.builder(
                    new Issued(leaf.certificate(), leaf.privateKey(), List.of(leaf.certificate())));
            case WRONG_ORDER -> SampleTlsServer.builder(new Issued(leaf.certificate(), leaf.privateKey(),
                    List.of(leaf.certificate(), pki.rootCertificate(), pki.intermediateCertificate())));
            case SELF_SIGNED -> SampleTlsServer.builder(SamplePki.selfSigned(LeafSpec.forNames(wildcard)));
            case UNTRUSTED -> {
                Issued foreign = foreignPki.issueLeaf(LeafSpec.forNames(wildcard));
                yield SampleTlsServer.builder(new Issued(foreign.certificate(), foreign.privateKey(),
                        List.of(foreign.certificate(), foreignPki.intermediateCertificate(),
                                foreignPki.rootCertificate())));
            }
            case EXPIRING_SOON -> SampleTlsServer.builder(pki.issueLeaf(LeafSpec.forNames(wildcard)
                    .validity(now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(5)))));
            case TLS13_ONLY -> SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_3);
            case CHACHA_ONLY -> SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_2) // no TLS 1.3 suite: no 1.3
                    .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256);
            case TLS10_ONLY -> SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1);
            case NOT_TLS -> SampleTlsServer.builder(leaf).behaviour(SampleTlsServer.Behaviour.GARBAGE);
            case HTTP_503 -> SampleTlsServer.builder(leaf).httpStatus(503);
            case CLOSED_PORT -> throw new IllegalArgumentException("kind: a closed port has no server");
        };
    }

    @Override
    public void close() {
        servers.forEach(SampleTlsServer::close);
    }
}
