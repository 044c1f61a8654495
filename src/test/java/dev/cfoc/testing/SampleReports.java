package dev.cfoc.testing;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.ProbeResult;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;
import dev.cfoc.report.Summary;
import dev.cfoc.report.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reports built by hand for renderer, suppression and metrics tests. */
public final class SampleReports {

    public static final String DISTRIBUTION_ID = "E2QWRUHAPOMQZL";

    private SampleReports() {
    }

    /** A completed HTTPS probe (of the default behavior, as each {@link #finding} is) of {@code host}:443 for {@code originId}. */
    public static ProbeResult probe(String originId, String host) {
        ProbeTarget target = new ProbeTarget(originId, Scheme.HTTPS, host, 443, Optional.of(host), host,
                Set.of(host), List.of(TlsVersion.TLSV1_2), Duration.ofSeconds(10), 3, Duration.ofSeconds(30), "/",
                List.of(), List.of("*"));
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("dns", 1L);
        timings.put("tls", 20L);
        return new ProbeResult(target, Optional.of("192.0.2.10"), Optional.of("TLSv1.2"),
                Optional.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), List.of(), OptionalInt.of(200), timings, List.of());
    }

    public static Finding finding(String originId, FindingCode code, String message) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("subject", "CN=" + originId + ".example.com");
        evidence.put("notAfter", "2026-12-06T00:00:00Z");
        return new Finding(code, originId, OptionalInt.of(443), Optional.of(originId + ".example.com"), message,
                evidence, Optional.of("openssl s_client -connect " + originId + ".example.com:443 -servername "
                + originId + ".example.com </dev/null"), Optional.empty(), List.of("*"));
    }

    public static OriginReport origin(String originId, List<Finding> findings) {
        return new OriginReport(originId, originId + ".example.com", Verdict.of(true, findings), Map.of(),
                List.of(probe(originId, originId + ".example.com")), findings);
    }

    /** One distribution: origin "web" healthy, "api" expiring soon (WARNING), "legacy" expired (ERROR). */
    public static Report threeOrigins() {
        var web = origin("web", List.of());
        var api = origin("api", List.of(finding("api", FindingCode.CERT_EXPIRING_SOON, "leaf expires in 9 days")));
        var legacy = origin("legacy", List.of(finding("legacy", FindingCode.CERT_EXPIRED, "leaf expired 3 days ago")));
        return report(web, api, legacy);
    }

    /** One distribution with these origins. */
    public static Report report(OriginReport... origins) {
        var distribution = new DistributionReport(Optional.of(DISTRIBUTION_ID), "cloudfront-api",
                Optional.of("d111111abcdef8.cloudfront.net"), List.of("www.example.com"), List.of(origins));
        return new Report(Instant.parse("2026-11-27T03:00:00Z"), new Report.TrustAnchorsNote("Mozilla CA list",
                List.of()), List.of(distribution), Summary.of(List.of(distribution), 42));
    }

}
