package dev.cfoc.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.plan.TlsVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's sample origins, started in-process on 127.0.0.1, and the bundled sample distribution
 * ({@code demo-distribution.json}, AWS CLI get-distribution shape) with their ports filled in.
 * Each origin shows one thing CloudFront cares about; its origin Id says which.
 */
public final class DemoOrigins implements AutoCloseable {

    static final String DISTRIBUTION_RESOURCE = "demo-distribution.json";
    static final String DOMAIN = ".demo.test";

    private final SamplePki pki;
    private final List<SampleTlsOrigin> servers = new ArrayList<>();
    private final Map<String, Integer> httpsPorts = new LinkedHashMap<>();

    private DemoOrigins(SamplePki pki) {
        this.pki = pki;
    }

    /** Starts every sample origin; close() stops them. */
    public static DemoOrigins start() {
        DemoOrigins origins = new DemoOrigins(SamplePki.create("cloudfront-origin-checker Demo"));
        try {
            origins.startAll();
            return origins;
        } catch (RuntimeException e) {
            origins.close();
            throw e;
        }
    }

    private void startAll() {
        Instant now = Instant.now();
        serve("healthy", leaf("healthy"));
        serve("app", leaf("app"));
        serve("expired", pki.issueLeaf(SamplePki.LeafSpec.forNames(host("expired"))
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(10)))));
        serve("wrong-name", pki.issueLeaf(SamplePki.LeafSpec.forNames("other-site" + DOMAIN)));
        SamplePki.Issued withoutIntermediate = leaf("missing-intermediate");
        serve("missing-intermediate", new SamplePki.Issued(withoutIntermediate.certificate(),
                withoutIntermediate.privateKey(), List.of(withoutIntermediate.certificate())));
        serve("expiring-soon", pki.issueLeaf(SamplePki.LeafSpec.forNames(host("expiring-soon"))
                .validity(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(12)))));
        serve("tls13-only", SampleTlsOrigin.Settings.of(leaf("tls13-only")).versions(TlsVersion.TLSV1_3));
        httpsPorts.put("closed-port", LocalPorts.closedPort());
    }

    private void serve(String originId, SamplePki.Issued credentials) {
        serve(originId, SampleTlsOrigin.Settings.of(credentials));
    }

    private void serve(String originId, SampleTlsOrigin.Settings settings) {
        SampleTlsOrigin server = SampleTlsOrigin.start(settings);
        servers.add(server);
        httpsPorts.put(originId, server.port());
    }

    private SamplePki.Issued leaf(String originId) {
        return pki.issueLeaf(SamplePki.LeafSpec.forNames(host(originId)));
    }

    private static String host(String originId) {
        return originId + DOMAIN;
    }

    /** The demo root: added to the trust anchors for the demo, and labelled as not trusted by CloudFront. */
    public X509Certificate rootCertificate() {
        return pki.rootCertificate();
    }

    /** Every sample origin name resolves to 127.0.0.1 (the demo never touches DNS). */
    public Map<String, String> hosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        httpsPorts.keySet().forEach(id -> hosts.put(host(id), "127.0.0.1"));
        return hosts;
    }

    /** The sample distribution, its origins' HTTPSPort set to where the sample origins listen. */
    public String distributionJson() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = DemoOrigins.class.getResourceAsStream(DISTRIBUTION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + DISTRIBUTION_RESOURCE);
            }
            JsonNode document = mapper.readTree(in);
            for (JsonNode origin : document.path("Distribution").path("DistributionConfig").path("Origins").path("Items")) {
                Integer port = httpsPorts.get(origin.path("Id").asText());
                if (port != null) {
                    ((ObjectNode) origin.path("CustomOriginConfig")).put("HTTPSPort", port);
                }
            }
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        servers.forEach(SampleTlsOrigin::close);
    }
}
