package dev.cfoc.suppression;

import dev.cfoc.finding.FindingCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionReaderTest {

    private final SuppressionReader reader = new SuppressionReader();

    @Test
    void validList_isRead_withOriginIdOptional() throws Exception {
        List<Suppression> read = reader.read("""
                [{"distributionId": "E2QWRUHAPOMQZL", "originId": "api", "code": "CERT_EXPIRING_SOON",
                  "until": "2026-12-31", "reason": "renewal booked, OPS-42"},
                 {"distributionId": "E2QWRUHAPOMQZL", "code": "HTTP_5XX", "until": "2027-01-15", "reason": "known"}]
                """, "test");

        assertThat(read).containsExactly(
                new Suppression("E2QWRUHAPOMQZL", Optional.of("api"), FindingCode.CERT_EXPIRING_SOON,
                        LocalDate.parse("2026-12-31"), "renewal booked, OPS-42"),
                new Suppression("E2QWRUHAPOMQZL", Optional.empty(), FindingCode.HTTP_5XX,
                        LocalDate.parse("2027-01-15"), "known"));
    }

    @Test
    void badEntries_areRejectedNamingSourceIndexAndField() {
        assertError("{}", "test: expected a JSON array");
        assertError("[{\"distributionId\": \"E2QWRUHAPOMQZL\", \"until\": \"2026-12-31\", \"reason\": \"r\"}]",
                "test: [0].code: missing (required)");
        assertError("[{\"distributionId\": \"E2QWRUHAPOMQZL\", \"code\": \"CERT_EXPIRD\", \"until\": \"2026-12-31\", "
                + "\"reason\": \"r\"}]", "test: [0].code: 'CERT_EXPIRD' is not a finding code");
        assertError("[{\"distributionId\": \"E2QWRUHAPOMQZL\", \"code\": \"CERT_EXPIRED\", \"until\": \"31/12/2026\", "
                + "\"reason\": \"r\"}]", "test: [0].until: must be a date like 2026-12-31");
        assertError("[{\"distributionId\": \"dist-1\", \"code\": \"CERT_EXPIRED\", \"until\": \"2026-12-31\", "
                + "\"reason\": \"r\"}]", "test: [0].distributionId: must be a distribution id");
        assertError("[{\"distributionId\": \"E2QWRUHAPOMQZL\", \"code\": \"CERT_EXPIRED\", \"until\": \"2026-12-31\"}]",
                "test: [0].reason: missing (required)");
        assertError("[{\"distributionId\": \"E2QWRUHAPOMQZL\", \"origin\": \"api\", \"code\": \"CERT_EXPIRED\", "
                + "\"until\": \"2026-12-31\", \"reason\": \"r\"}]", "test: [0].origin: unknown field");
        assertError("[{\"distributionId\": \"E2QWRUHAPOMQZL\", \"originId\": 7, \"code\": \"CERT_EXPIRED\", "
                + "\"until\": \"2026-12-31\", \"reason\": \"r\"}]", "test: [0].originId: must be a non-empty string");
        assertError("[{", "test: not valid JSON (line 1");
    }

    @Test
    void missingFile_isNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(SuppressionException.class)
                .hasMessage("--suppressions " + missing + ": file not found");
    }

    @Test
    void file_isReadWithItsNameInErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "[{\"code\": \"CERT_EXPIRED\"}]");
        assertThatThrownBy(() -> reader.read(file)).hasMessage("--suppressions " + file
                + ": [0].distributionId: missing (required)");
    }

    private void assertError(String json, String messageStart) {
        assertThatThrownBy(() -> reader.read(json, "test")).isInstanceOf(SuppressionException.class)
                .hasMessageStartingWith(messageStart);
    }
}
