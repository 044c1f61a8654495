package dev.cfoc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.bench.Fleet.FleetOrigin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes what the checker and the peer tools read about a {@link Fleet}: the distribution config (AWS CLI
 * {@code list-distributions} shape, kinds shuffled across distributions), the fleet's root certificate (for
 * {@code --trust-anchors}) and {@code origins.tsv} (id, name, kind, port, expected codes) for scripts.
 */
record FleetFiles(Path config, Path rootPem, Path originsTsv) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** CachingOptimized: does not forward Host, so CloudFront sends the origin domain as SNI and Host. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final long SHUFFLE_SEED = 42;

    static FleetFiles write(Fleet fleet, Path dir, int originsPerDistribution) throws IOException {
        if (originsPerDistribution < 1) {
            throw new IllegalArgumentException("originsPerDistribution: must be at least 1, was " + originsPerDistribution);
        }
        Files.createDirectories(dir);
        List<FleetOrigin> shuffled = new ArrayList<>(fleet.origins());
        Collections.shuffle(shuffled, new Random(SHUFFLE_SEED));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode list = root.putObject("DistributionList");
        ArrayNode items = list.putArray("Items");
        for (int start = 0, n = 0; start < shuffled.size(); start += originsPerDistribution, n++) {
            items.add(distribution(String.format("%07d", n), shuffled.subList(start, Math.min(shuffled.size(), start + originsPerDistribution))));
        }
        list.put("Quantity", items.size());
        Path config = dir.resolve("distributions.json");
        JSON.writeValue(config.toFile(), root);
        Path rootPem = Files.writeString(dir.resolve("bench-root.pem"), pem(fleet.rootCertificate()));
        Path tsv = Files.writeString(dir.resolve("origins.tsv"), fleet.origins().stream()
                .map(o -> String.join("\t", o.id(), o.domainName(), o.kind().name(), String.valueOf(o.port()),
                        o.kind().expected().stream().map(Enum::name).sorted().collect(Collectors.joining(","))))
                .collect(Collectors.joining("\n", "", "\n")));
        return new FleetFiles(config, rootPem, tsv);
    }

    /** A get-distribution file with this one origin. */
    static void writeSingle(FleetOrigin origin, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode distribution = root.putObject("Distribution");
        ObjectNode summary = distribution("single", List.of(origin));
        distribution.put("Id", summary.path("Id").asText()).put("DomainName", summary.path("DomainName").asText());
        summary.remove(List.of("Id", "DomainName", "Enabled"));
        distribution.set("DistributionConfig", summary);
        JSON.writeValue(file.toFile(), root);
    }

    private static ObjectNode distribution(String n, List<FleetOrigin> origins) {
        ObjectNode summary = JSON.createObjectNode();
        String id = "EBENCH" + n.toUpperCase(java.util.Locale.ROOT);
        summary.put("Id", id).put("DomainName", "d" + n + ".bench-cloudfront.test").put("Enabled", true);
        summary.putObject("Aliases").put("Quantity", 0);
        ArrayNode originItems = summary.putObject("Origins").put("Quantity", origins.size()).putArray("Items");
        origins.forEach(o -> originItems.add(origin(o)));
        summary.set("DefaultCacheBehavior", behavior(origins.getFirst()).without("PathPattern"));
        ArrayNode behaviors = summary.putObject("CacheBehaviors").put("Quantity", origins.size() - 1).putArray("Items");
        origins.stream().skip(1).forEach(o -> behaviors.add(behavior(o)));
        return summary;
    }

    private static ObjectNode origin(FleetOrigin o) {
        ObjectNode origin = JSON.createObjectNode();
        origin.put("Id", o.id()).put("DomainName", o.domainName()).put("OriginPath", "")
                .put("ConnectionAttempts", OriginKind.CONNECTION_ATTEMPTS)
                .put("ConnectionTimeout", OriginKind.CONNECTION_TIMEOUT_S);
        origin.putObject("CustomHeaders").put("Quantity", 0);
        ObjectNode custom = origin.putObject("CustomOriginConfig");
        custom.put("HTTPPort", 80).put("HTTPSPort", o.port()).put("OriginProtocolPolicy", "https-only")
                .put("OriginReadTimeout", OriginKind.READ_TIMEOUT_S).put("OriginKeepaliveTimeout", 5);
        List<String> protocols = o.kind().sslProtocols();
        ArrayNode versions = custom.putObject("OriginSslProtocols").put("Quantity", protocols.size()).putArray("Items");
        protocols.forEach(versions::add);
        return origin;
    }

    private static ObjectNode behavior(FleetOrigin o) {
        ObjectNode behavior = JSON.createObjectNode();
        behavior.put("PathPattern", "/" + o.id() + "/*").put("TargetOriginId", o.id())
                .put("ViewerProtocolPolicy", "redirect-to-https").put("CachePolicyId", CACHING_OPTIMIZED);
        return behavior;
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
