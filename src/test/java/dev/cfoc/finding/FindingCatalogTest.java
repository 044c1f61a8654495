package dev.cfoc.finding;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FindingCatalogTest {

    @Test
    void everyCode_isExplainedInDocsFindings() throws Exception {
        String doc = Files.readString(Path.of("docs", "findings.md"));
        for (FindingCode code : FindingCode.values()) {
            assertThat(doc).as("docs/findings.md explains " + code).contains("`" + code.name() + "`");
        }
    }

    @Test
    void everyCode_hasATitleAndAFix() {
        for (FindingCode code : FindingCode.values()) {
            assertThat(code.title()).as(code.name()).isNotBlank();
            assertThat(code.remediation()).as(code.name()).isNotBlank().endsWith(".");
        }
    }
}
