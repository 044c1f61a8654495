package dev.cfoc.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.Verdict;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.testing.SampleTlsServer.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow or abusive origin may only cost its own probe's time: one run over many hostile origins (TLS floods after
 * the ServerHello, tarpits, one byte a second) beside healthy ones on short timeouts, each origin on its own loopback
 * address as in a real fleet. The healthy ones get no timing finding; the floods are cut by the handshake's bounds in
 * records, as the origin's fault, long before their ConnectionTimeout.
 */
class HostileMixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = ".mix.test";
    private static final int HEALTHY = 24;
    /** Per kind; the issue's run had 60 hostile origins beside 24 healthy ones. */
    private static final int FLOODS = 20;
    private static final int TARPITS = 10;
    /** The hostile origins' ConnectionTimeout: without bounds in records, a flood keeps a core busy that long. */
    private static final int HOSTILE_CONNECTION_TIMEOUT = 10;
    /** Short, as in the issue: what a flood-starved CPU turns into false timeouts. */
    private static final int HEALTHY_TIMEOUT = 3;

    private final SamplePki pki = SamplePki.create("HostileMix");
    private final SamplePki.Issued leaf = pki.issueLeaf(SamplePki.LeafSpec.forNames("*" + DOMAIN));
    private final List<SampleTlsServer> servers = new ArrayList<>();
    /** origin id → (address, port) */
    private final Map<String, Map.Entry<String, Integer>> origins = new LinkedHashMap<>();

    @AfterEach
    void stopOrigins() {
        servers.forEach(SampleTlsServer::close);
    }

    @Test
    void manyHostileOriginsBesideHealthyOnes_costOnlyTheirOwnTime_andGiveTheHealthyOnesNoFalseFinding()
            throws Exception {
        int host = 0;
        for (int i = 0; i < HEALTHY; i++) {
            start("healthy-" + i, ++host, SampleTlsServer.builder(leaf));
        }
        for (int i = 0; i < FLOODS; i++) {
            start("hello-requests-" + i, ++host, SampleTlsServer.builder(leaf)
                    .behaviour(Behaviour.HELLO_REQUESTS_AFTER_SERVER_HELLO));
            start("warning-alerts-" + i, ++host, SampleTlsServer.builder(leaf)
                    .behaviour(Behaviour.WARNING_ALERTS_AFTER_SERVER_HELLO));
        }
        for (int i = 0; i < TARPITS; i++) {
            start("silent-" + i, ++host, SampleTlsServer.builder(leaf).behaviour(Behaviour.SILENT));
            start("one-byte-per-second-" + i, ++host, SampleTlsServer.builder(leaf).behaviour(Behaviour.SLOWLORIS));
        }
        List<Distribution> distributions = new DistributionFileLoader().loadString(config(), "mix.json");
        Map<String, String> names = new LinkedHashMap<>();
        origins.forEach((id, at) -> names.put(id + DOMAIN, at.getKey()));
        Engine engine = LoopbackOrigins.engine().addRoots(List.of(pki.rootCertificate()))
                .resolver(HostResolver.fixed(names)).build();

        long start = System.nanoTime();
        Report report = engine.check(distributions, PolicyCatalog.empty(), Deadline.none());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        Map<String, OriginReport> byId = new LinkedHashMap<>();
        report.distributions().forEach(d -> d.origins().forEach(o -> byId.put(o.originId(), o)));
        byId.forEach((id, origin) -> {
            List<FindingCode> codes = origin.findings().stream().map(Finding::code).toList();
            if (id.startsWith("healthy-")) {
                assertThat(codes).as("healthy origin %s", id).isEmpty();
                assertThat(origin.verdict()).isEqualTo(Verdict.OK);
            } else if (id.startsWith("hello-requests-") || id.startsWith("warning-alerts-")) {
                assertThat(codes).as("flooding origin %s", id).containsExactly(FindingCode.TLS_HANDSHAKE_FAILED);
                assertThat(origin.findings().getFirst().evidence()).as("flooding origin %s", id)
                        .containsKey("boundPassed");
            } else {
                assertThat(codes).as("tarpit %s", id).containsExactly(FindingCode.TLS_HANDSHAKE_TIMEOUT);
            }
        });
        assertThat(byId).hasSize(origins.size());
        Duration slowestDeadline = distributions.stream()
                .flatMap(d -> new Planner().plan(d, PolicyCatalog.empty()).origins().stream())
                .flatMap(o -> o.targets().stream()).map(OriginProber::deadline)
                .max(Duration::compareTo).orElseThrow();
        assertThat(wall).as("a run lasts about as long as its slowest origin's deadline")
                .isLessThanOrEqualTo(slowestDeadline.plusSeconds(5));
    }

    /** Each origin on its own loopback address, 127.0.1.n, so that per-address limits do not serialise them. */
    private void start(String id, int host, SampleTlsServer.Builder builder) throws Exception {
        String address = "127.0.1." + host;
        SampleTlsServer server = builder.listenOn(InetAddress.getByName(address)).start();
        servers.add(server);
        origins.put(id, Map.entry(address, server.port()));
    }

    /** get-distribution shape, one distribution of every origin, https-only, one behavior each. */
    private String config() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode distribution = root.putObject("Distribution").put("Id", "E2HOSTILEMIX1")
                .put("DomainName", "d2mix.cloudfront.net");
        ObjectNode config = distribution.putObject("DistributionConfig").put("Enabled", true);
        ArrayNode items = config.putObject("Origins").put("Quantity", origins.size()).putArray("Items");
        ArrayNode behaviors = config.putObject("CacheBehaviors").put("Quantity", origins.size() - 1)
                .putArray("Items");
        boolean first = true;
        for (var origin : origins.entrySet()) {
            String id = origin.getKey();
            boolean healthy = id.startsWith("healthy-");
            ObjectNode item = items.addObject().put("Id", id).put("DomainName", id + DOMAIN)
                    .put("ConnectionAttempts", 1)
                    .put("ConnectionTimeout", healthy ? HEALTHY_TIMEOUT : HOSTILE_CONNECTION_TIMEOUT);
            ObjectNode custom = item.putObject("CustomOriginConfig").put("HTTPPort", 80)
                    .put("HTTPSPort", origin.getValue().getValue()).put("OriginProtocolPolicy", "https-only")
                    .put("OriginReadTimeout", HEALTHY_TIMEOUT);
            custom.putObject("OriginSslProtocols").put("Quantity", 1).putArray("Items").add("TLSv1.2");
            ObjectNode behavior = first ? config.putObject("DefaultCacheBehavior")
                    : behaviors.addObject().put("PathPattern", "/" + id + "/*");
            behavior.put("TargetOriginId", id).put("ViewerProtocolPolicy", "redirect-to-https")
                    .put("CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
            first = false;
        }
        return JSON.writeValueAsString(root);
    }
}
