package dev.cfoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The build ships a CycloneDX SBOM beside the jar, listing what the jar contains and no test tools. */
class SbomIT {

    private static final Path BOM = Path.of("target", "bom.json");

    @Test
    void packageBuildsACycloneDxBomOfTheShippedDependencies() throws Exception {
        assertThat(BOM).as("built by the package phase, before integration tests").exists();
        JsonNode bom = new ObjectMapper().readTree(Files.readAllBytes(BOM));

        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("cloudfront-origin-checker");
        List<String> components = new ArrayList<>();
        bom.path("components").forEach(c -> components.add(c.path("group").asText() + ":" + c.path("name").asText()
                + ":" + c.path("version").asText()));
        assertThat(components).anyMatch(c -> c.startsWith("org.bouncycastle:bctls-jdk18on:"))
                .anyMatch(c -> c.startsWith("com.fasterxml.jackson.core:jackson-databind:"))
                .anyMatch(c -> c.startsWith("info.picocli:picocli:"))
                .noneMatch(c -> c.contains("junit") || c.contains("assertj") || c.contains("wiremock"));
    }
}
