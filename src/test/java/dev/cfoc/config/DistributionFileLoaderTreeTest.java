package dev.cfoc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DistributionFileLoader#load(JsonNode, String)}: the hand-off from the CloudFront API source. */
class DistributionFileLoaderTreeTest {

    private final DistributionFileLoader loader = new DistributionFileLoader();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tree_mapsExactlyAsTheSameJsonFromAFile() throws Exception {
        var file = DistributionFileLoaderTest.fixture("get-distribution.json");
        JsonNode tree = json.readTree(Files.readString(file));

        List<Distribution> fromTree = loader.load(tree, "cloudfront-api");
        List<Distribution> fromString = loader.loadString(Files.readString(file), "cloudfront-api");

        assertThat(fromTree).isEqualTo(fromString);
        assertThat(fromTree).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo("cloudfront-api"));
    }

    @Test
    void invalidTree_isAConfigExceptionNamingTheSourceAndPath_withoutTheSecret() throws Exception {
        var file = DistributionFileLoaderTest.fixture("get-distribution.json");
        ObjectNode tree = (ObjectNode) json.readTree(Files.readString(file));
        ObjectNode config = (ObjectNode) tree.path("Distribution").path("DistributionConfig");
        config.remove("Origins");

        assertThatThrownBy(() -> loader.load(tree, "cloudfront-api"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cloudfront-api: ")
                .hasMessageContaining("Origins");
    }

    @Test
    void nonObjectTree_isRejectedWithTheAcceptedShapes() {
        assertThatThrownBy(() -> loader.load(json.getNodeFactory().arrayNode(), "cloudfront-api"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("get-distribution");
    }
}
