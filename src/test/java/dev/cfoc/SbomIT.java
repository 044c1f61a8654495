package dev.cfoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build ships a CycloneDX SBOM beside the jar, listing what the jar contains and no test tools; a build that
 * cannot write one (offline) fails instead of shipping the jar without it.
 */
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

    /** The project's own build (pom, wrapper) run offline on a copy without sources: it stops at the missing SBOM. */
    @Test
    void offlineBuild_failsNamingTheMissingSbom_insteadOfShippingWithoutIt(@TempDir Path copy) throws Exception {
        Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));
        Files.copy(Path.of("mvnw"), copy.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(copy.resolve(".mvn/wrapper"));
        Files.copy(Path.of(".mvn/wrapper/maven-wrapper.properties"),
                copy.resolve(".mvn/wrapper/maven-wrapper.properties"));
        Path log = copy.resolve("build.log");

        var command = new ProcessBuilder("./mvnw", "-o", "-B", "-ntp", "package", "-DskipTests")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = command.start();

        assertThat(build.waitFor(5, TimeUnit.MINUTES)).as("the offline build ended").isTrue();
        String output = Files.readString(log);
        assertThat(build.exitValue()).as(output).isNotZero();
        assertThat(output).contains("No SBOM: target/bom.json was not written");
        assertThat(copy.resolve("target/bom.json")).doesNotExist();
    }
}
