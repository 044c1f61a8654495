package dev.cfoc.check;

import dev.cfoc.testing.LoopbackOrigins;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.testing.SampleHttpServer;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.testing.SampleTlsServer.Behaviour;
import dev.cfoc.testing.SampleTlsServer.ClientCertificate;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.Verdict;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run over a healthy origin and every kind of hostile origin at once, through the engine (loader → planner →
 * probe runner → report): each hostile origin gets its precise finding, the healthy one is untouched, and the run
 * lasts no longer than its slowest probe's deadline plus 1.5 s.
 */
class HostileRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = ".hostile.test";
    /** Scheduling, report building and a loaded 2-core machine: what a run may take beyond its slowest deadline. */
    private static final Duration RUN_MARGIN = Duration.ofMillis(1500);
    /**
     * Only the origins whose finding is the handshake timeout get the shortest ConnectionTimeout (1 s): fifteen cold
     * handshakes at once on a 2-core machine can take longer than that, which would turn other cases into timeouts.
     */
    private static final Set<String> HANDSHAKE_TIMEOUT_CASES = Set.of("silent", "one-byte-per-second");

    private final SamplePki pki = SamplePki.create("HostileRun");
    private final SamplePki.Issued leaf = pki.issueLeaf(SamplePki.LeafSpec.forNames("*" + DOMAIN));
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Set<FindingCode>> expected = new LinkedHashMap<>();

    @AfterEach
    void stopOrigins() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void hostileOrigins_eachGetTheirFinding_theHealthyOneIsOk_andTheRunIsBounded() throws Exception {
        tls("healthy", SampleTlsServer.builder(leaf));
        tls("silent", SampleTlsServer.builder(leaf).behaviour(Behaviour.SILENT), FindingCode.TLS_HANDSHAKE_TIMEOUT);
        tls("one-byte-per-second", SampleTlsServer.builder(leaf).behaviour(Behaviour.SLOWLORIS),
                FindingCode.TLS_HANDSHAKE_TIMEOUT);
        byte[] random = new byte[2048];
        new Random(11).nextBytes(random);
        random[0] = 0x7F;
        tls("random-bytes", SampleTlsServer.builder(leaf).behaviour(Behaviour.GARBAGE).garbage(random),
                FindingCode.TLS_HANDSHAKE_FAILED);
        tls("reset", SampleTlsServer.builder(leaf).behaviour(Behaviour.RESET), FindingCode.TLS_HANDSHAKE_FAILED);
        tls("close-after-server-hello", SampleTlsServer.builder(leaf).behaviour(Behaviour.CLOSE_AFTER_SERVER_HELLO),
                FindingCode.TLS_HANDSHAKE_FAILED);
        tls("client-certificate-required", SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_2)
                .clientCertificate(ClientCertificate.REQUIRED), FindingCode.TLS_HANDSHAKE_FAILED);
        tls("chain-of-300", SampleTlsServer.builder(withCopiesOfTheIntermediate(300)),
                FindingCode.TLS_HANDSHAKE_FAILED);
        tls("chain-of-megabytes", SampleTlsServer.builder(withCopiesOfTheIntermediate(2500)),
                FindingCode.TLS_HANDSHAKE_FAILED);
        tls("header-of-megabytes", SampleTlsServer.builder(leaf).responseHeaderBytes(4L << 20),
                FindingCode.HTTP_INVALID_RESPONSE);
        tls("endless-body", SampleTlsServer.builder(leaf).endlessBody());
        tls("redirect-to-itself", SampleTlsServer.builder(leaf).httpStatus(302)
                .location("https://redirect-to-itself" + DOMAIN + "/"));
        tls("head-one-byte-per-second", SampleTlsServer.builder(leaf).responseByteInterval(Duration.ofSeconds(1)),
                FindingCode.ORIGIN_READ_TIMEOUT);
        tls("slow-and-foreign-suites", SampleTlsServer.builder(leaf).versions(TlsVersion.TLSV1_2)
                .handshakeDelay(Duration.ofMillis(700))
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CCM,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256), FindingCode.TLS_NO_COMMON_CIPHER);
        SampleHttpServer plainHttp = SampleHttpServer.start();
        servers.add(plainHttp);
        origin("plain-http-on-https-port", plainHttp.port(), FindingCode.TLS_HANDSHAKE_FAILED);
        List<Distribution> distributions = new DistributionFileLoader().loadString(config(), "hostile.json");
        Checker checker = checker();

        long start = System.nanoTime();
        Report report = checker.check(distributions, PolicyCatalog.empty(),
                new Report.TrustAnchorsNote("test", List.of()));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        Map<String, OriginReport> origins = report.distributions().getFirst().origins().stream()
                .collect(Collectors.toMap(OriginReport::originId, o -> o));
        Map<String, Set<FindingCode>> found = new TreeMap<>();
        origins.forEach((id, origin) -> found.put(id, origin.findings().stream().map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new))));
        assertThat(found).isEqualTo(new TreeMap<>(expected));
        assertThat(origins.get("healthy").verdict()).isEqualTo(Verdict.OK);
        assertThat(origins.get("healthy").probes()).singleElement()
                .satisfies(p -> assertThat(p.httpStatus()).hasValue(200));
        assertThat(origins.get("endless-body").verdict()).isEqualTo(Verdict.OK);
        assertThat(origins.get("redirect-to-itself").verdict()).isEqualTo(Verdict.OK);
        Duration slowestDeadline = distributions.stream()
                .flatMap(d -> new Planner().plan(d, PolicyCatalog.empty()).origins().stream())
                .flatMap(o -> o.targets().stream()).map(OriginProber::deadline)
                .max(Duration::compareTo).orElseThrow();
        assertThat(wall).as("a run lasts about as long as its slowest origin")
                .isLessThanOrEqualTo(slowestDeadline.plus(RUN_MARGIN));
    }

    private SamplePki.Issued withCopiesOfTheIntermediate(int copies) {
        List<X509Certificate> chain = new ArrayList<>(leaf.chain());
        for (int i = 0; i < copies; i++) {
            chain.add(pki.intermediateCertificate());
        }
        return new SamplePki.Issued(leaf.certificate(), leaf.privateKey(), chain);
    }

    private Checker checker() {
        Map<String, String> names = new HashMap<>();
        ports.keySet().forEach(id -> names.put(id + DOMAIN, "127.0.0.1"));
        var rules = new CertificateRules(TrustAnchors.mozilla().plus(List.of(pki.rootCertificate())),
                CertificateRules.DEFAULT_EXPIRY_WARNING, Clock.systemUTC());
        return new Checker(new Planner(), new ProbeRunner(LoopbackOrigins.prober(HostResolver.fixed(names), rules)),
                Clock.systemUTC());
    }

    private void tls(String id, SampleTlsServer.Builder builder, FindingCode... codes) {
        SampleTlsServer server = builder.start();
        servers.add(server);
        origin(id, server.port(), codes);
    }

    private void origin(String id, int port, FindingCode... codes) {
        ports.put(id, port);
        expected.put(id, new TreeSet<>(List.of(codes)));
    }

    /** get-distribution shape: every origin https-only with short timeouts, one behavior each. */
    private String config() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode distribution = root.putObject("Distribution").put("Id", "E2HOSTILE0001")
                .put("DomainName", "d2hostile.cloudfront.net");
        ObjectNode config = distribution.putObject("DistributionConfig").put("Enabled", true);
        ArrayNode origins = config.putObject("Origins").put("Quantity", ports.size()).putArray("Items");
        ArrayNode behaviors = config.putObject("CacheBehaviors").put("Quantity", ports.size() - 1).putArray("Items");
        ports.forEach((id, port) -> {
            ObjectNode origin = origins.addObject().put("Id", id).put("DomainName", id + DOMAIN)
                    .put("ConnectionAttempts", 1).put("ConnectionTimeout", HANDSHAKE_TIMEOUT_CASES.contains(id) ? 1 : 3);
            ObjectNode custom = origin.putObject("CustomOriginConfig").put("HTTPPort", 80).put("HTTPSPort", port)
                    .put("OriginProtocolPolicy", "https-only").put("OriginReadTimeout", 1);
            custom.putObject("OriginSslProtocols").put("Quantity", 1).putArray("Items").add("TLSv1.2");
            ObjectNode behavior = id.equals("healthy") ? config.putObject("DefaultCacheBehavior") : behaviors.addObject()
                    .put("PathPattern", "/" + id + "/*");
            behavior.put("TargetOriginId", id).put("ViewerProtocolPolicy", "redirect-to-https")
                    .put("CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        });
        return JSON.writeValueAsString(root);
    }
}
