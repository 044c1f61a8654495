package dev.cfoc.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.ProbeResult;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersTest {

    private static final String SECRET = "s3cr3t-origin-verify-value";

    private final Report report = sampleReport();

    @Test
    void json_hasTheContractShape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(new JsonReportWriter().write(report));

        assertThat(root.fieldNames()).toIterable().contains("generatedAt", "distributions", "summary");
        JsonNode distribution = root.get("distributions").get(0);
        assertThat(distribution.fieldNames()).toIterable().contains("id", "source", "domainName", "aliases", "origins");
        JsonNode origin = distribution.get("origins").get(0);
        assertThat(origin.fieldNames()).toIterable().contains("originId", "domainName", "verdict", "probes", "findings");
        assertThat(origin.get("verdict").asText()).isEqualTo("ERROR");
        JsonNode probe = origin.get("probes").get(0);
        assertThat(probe.fieldNames()).toIterable().contains("scheme", "port", "sni", "hostHeader", "address",
                "tlsVersion", "cipherSuite", "certificateChain", "httpStatus", "timingsMs");
        assertThat(probe.get("scheme").asText()).isEqualTo("https");
        assertThat(probe.get("httpStatus").isNull()).isTrue();
        assertThat(probe.get("certificateChain").get(0).get("subjectAltNames").get(0).asText()).isEqualTo("other.example.com");
        JsonNode finding = origin.get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().contains("code", "severity", "originId", "port", "sni", "message",
                "evidence", "remediation", "reproduce");
        assertThat(finding.get("code").asText()).isEqualTo("CERT_NAME_MISMATCH");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("port").asInt()).isEqualTo(443);
        assertThat(finding.get("evidence").get("acceptedNames").asText()).isEqualTo("www.example.com");
        assertThat(root.get("summary").get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void everyFormat_namesThePathsAndAliasesWhoseRequestsAFindingHits() throws Exception {
        Report threeOrigins = SampleReports.threeOrigins();
        String affects = "requests to `*` (default behavior) on www.example.com will get 502";

        assertThat(new TextReportWriter().write(threeOrigins)).contains("      affects: " + affects);
        assertThat(new MarkdownReportWriter().write(threeOrigins)).contains("**Affects:** " + affects);
        JsonNode legacy = new ObjectMapper().readTree(new JsonReportWriter().write(threeOrigins))
                .get("distributions").get(0).get("origins").get(2).get("findings").get(0);
        assertThat(legacy.get("code").asText()).isEqualTo("CERT_EXPIRED");
        assertThat(legacy.get("paths")).extracting(JsonNode::asText).containsExactly("*");
        assertThat(legacy.get("hosts")).extracting(JsonNode::asText).containsExactly("www.example.com");
        assertThat(legacy.get("firstSeen").isNull()).as("no alert state").isTrue();
    }

    @Test
    void json_streamed_isTheSameText_asTheWholeTreeIndented() throws Exception {
        // given: the report as one tree, indented by Jackson (how the JSON report was written before streaming)
        var writer = new JsonReportWriter();
        for (Report r : List.of(report, SampleReports.threeOrigins(), withNotes(SampleReports.threeOrigins()))) {
            String wholeTree = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(writer.toJson(r));

            // when
            var streamed = new java.io.StringWriter();
            writer.write(r, streamed);

            // then
            assertThat(streamed.toString()).isEqualTo(wholeTree).isEqualTo(writer.write(r));
        }
    }

    private static Report withNotes(Report r) {
        return r.withNotes(List.of("a note"));
    }

    @Test
    void text_namesCauseEvidenceFixAndReproduce() {
        String text = new TextReportWriter().write(report);

        assertThat(text).contains("Distribution E2QWRUHAPOMQZL (d111111abcdef8.cloudfront.net)")
                .contains("[ERROR] origin web")
                .contains("ERROR CERT_NAME_MISMATCH  port 443  sni www.example.com")
                .contains("acceptedNames: www.example.com")
                .contains("fix: " + FindingCode.CERT_NAME_MISMATCH.remediation())
                .contains("reproduce: openssl s_client")
                .contains("Summary: 1 distribution, 1 origin (1 ERROR), 1 connection; 1 error, 0 warnings");
    }

    @Test
    void neitherFormat_printsCustomHeaderValues() {
        assertThat(new JsonReportWriter().write(report)).doesNotContain(SECRET);
        assertThat(new TextReportWriter().write(report)).doesNotContain(SECRET);
        assertThat(report.toString()).doesNotContain(SECRET);
    }

    private static Report sampleReport() {
        ProbeTarget target = new ProbeTarget("web", Scheme.HTTPS, "origin.example.com", 443,
                Optional.of("www.example.com"), "www.example.com", Set.of("www.example.com"),
                List.of(TlsVersion.TLSV1_2), Duration.ofSeconds(10), 3, Duration.ofSeconds(30), "/",
                List.of(new CustomHeader("X-Origin-Verify", Secret.of(SECRET))), List.of("*"));
        CertificateSummary leaf = new CertificateSummary("CN=other.example.com", "CN=Example CA",
                List.of("other.example.com"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                "1a", "AB:CD", "EC 256", "SHA256withECDSA");
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("dns", 1L);
        timings.put("connect", 2L);
        timings.put("tls", 5L);
        Problem mismatch = new Problem(FindingCode.CERT_NAME_MISMATCH, "no name matches",
                Map.of("acceptedNames", "www.example.com"));
        ProbeResult probe = new ProbeResult(target, Optional.of("192.0.2.10"), Optional.of("TLSv1.2"),
                Optional.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), List.of(leaf), OptionalInt.empty(), timings,
                List.of(mismatch));
        Finding finding = new Finding(FindingCode.CERT_NAME_MISMATCH, "web", OptionalInt.of(443),
                Optional.of("www.example.com"), mismatch.message(), mismatch.evidence(),
                Optional.of("openssl s_client -connect origin.example.com:443 -servername www.example.com"));
        OriginReport origin = new OriginReport("web", "origin.example.com", Verdict.of(true, List.of(finding)),
                Map.of(), List.of(probe), List.of(finding));
        DistributionReport distribution = new DistributionReport(Optional.of("E2QWRUHAPOMQZL"), "dist.json",
                Optional.of("d111111abcdef8.cloudfront.net"), List.of("www.example.com"), List.of(origin));
        return new Report(Instant.parse("2026-11-27T03:00:00Z"),
                new Report.TrustAnchorsNote("Mozilla CA list", List.of()), List.of(distribution),
                new Summary(1, 1, 1, 0, 12));
    }
}
