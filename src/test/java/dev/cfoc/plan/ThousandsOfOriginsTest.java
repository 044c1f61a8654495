package dev.cfoc.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale: thousands of origins in one file, or thousands of distributions in one list, load and plan completely.
 * How fast is measured in bench/ (docs/benchmarks.md), never here: a timed unit test fails on a loaded machine.
 */
class ThousandsOfOriginsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORIGINS = 5_000;

    @TempDir
    Path dir;

    @Test
    void oneDistributionWithFiveThousandOrigins_loadsAndPlansEveryOne() throws Exception {
        Path file = Files.writeString(dir.resolve("big.json"), JSON.writeValueAsString(oneDistribution(ORIGINS)));

        List<Distribution> distributions = new DistributionFileLoader().load(file);
        DistributionPlan plan = new Planner().plan(distributions.getFirst(), PolicyCatalog.empty());

        assertThat(plan.origins()).hasSize(ORIGINS);
        assertThat(plan.origins()).allSatisfy(o -> assertThat(o.targets()).hasSize(1));
        assertThat(plan.origins().getLast().targets().getFirst().host()).isEqualTo("origin-4999.example.com");
    }

    @Test
    void listOfFiveThousandDistributions_loadsAndPlansEveryOne() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putObject("DistributionList").put("Quantity", ORIGINS).putArray("Items");
        for (int i = 0; i < ORIGINS; i++) {
            ObjectNode summary = oneDistribution(1).deepCopy();
            summary.put("Id", "E" + (100000 + i)).put("DomainName", "d" + i + ".cloudfront.net");
            items.add(summary);
        }
        Path file = Files.writeString(dir.resolve("list.json"), JSON.writeValueAsString(root));

        List<Distribution> distributions = new DistributionFileLoader().load(file);
        Planner planner = new Planner();
        long targets = distributions.stream().mapToLong(d -> planner.plan(d, PolicyCatalog.empty()).origins().stream()
                .mapToLong(o -> o.targets().size()).sum()).sum();

        assertThat(distributions).hasSize(ORIGINS);
        assertThat(targets).isEqualTo(ORIGINS);
    }

    /** A DistributionConfig with {@code count} custom origins, each reached by its own path behavior. */
    private static ObjectNode oneDistribution(int count) {
        ObjectNode config = JSON.createObjectNode().put("Enabled", true);
        ArrayNode origins = config.putObject("Origins").put("Quantity", count).putArray("Items");
        ArrayNode behaviors = config.putObject("CacheBehaviors").put("Quantity", count - 1).putArray("Items");
        for (int i = 0; i < count; i++) {
            ObjectNode origin = origins.addObject().put("Id", "origin-" + i).put("DomainName",
                    "origin-" + i + ".example.com");
            origin.putObject("CustomOriginConfig").put("OriginProtocolPolicy", "https-only")
                    .putObject("OriginSslProtocols").put("Quantity", 1).putArray("Items").add("TLSv1.2");
            origin.putObject("CustomHeaders").put("Quantity", 1).putArray("Items").addObject()
                    .put("HeaderName", "X-Origin-Verify").put("HeaderValue", "value-" + i);
            ObjectNode behavior = i == 0 ? config.putObject("DefaultCacheBehavior")
                    : behaviors.addObject().put("PathPattern", "/" + i + "/*");
            behavior.put("TargetOriginId", "origin-" + i).put("ViewerProtocolPolicy", "redirect-to-https")
                    .put("CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        }
        return config;
    }
}
