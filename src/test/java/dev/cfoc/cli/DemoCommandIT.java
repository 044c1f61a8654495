package dev.cfoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo} end to end, as users run it: the sample origins started in-process, checked and reported. */
class DemoCommandIT {

    @Test
    void demo_checksTheSampleOrigins_andReportsEachCase() throws Exception {
        CliRun run = CliRun.of("demo", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        Map<String, String> codes = new TreeMap<>();
        for (JsonNode origin : report.path("distributions").get(0).path("origins")) {
            StringBuilder found = new StringBuilder(origin.path("verdict").asText());
            origin.path("findings").forEach(f -> found.append(' ').append(f.path("code").asText()));
            codes.put(origin.path("originId").asText(), found.toString());
        }
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "healthy", "OK",
                "app", "OK",
                "expired", "ERROR CERT_EXPIRED",
                "wrong-name", "ERROR CERT_NAME_MISMATCH",
                "missing-intermediate", "ERROR CERT_CHAIN_INCOMPLETE",
                "expiring-soon", "WARNING CERT_EXPIRING_SOON",
                "tls13-only", "ERROR TLS_NO_COMMON_PROTOCOL",
                "closed-port", "ERROR PORT_UNREACHABLE"));
        assertThat(report.path("trustAnchors").path("addedRoots")).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain("demo-shared-secret-never-printed");
    }

    @Test
    void demo_failOnError_exitsOne() {
        assertThat(CliRun.of("demo", "--format", "json", "--fail-on", "error").exitCode()).isEqualTo(1);
    }
}
