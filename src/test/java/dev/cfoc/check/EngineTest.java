package dev.cfoc.check;

import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.report.Report;
import org.junit.jupiter.api.Test;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine as every trigger assembles it: the trust-anchor note, one DNS cache per run. No sockets. */
class EngineTest {

    private static final Path CONFIG = Path.of("src/test/resources/config/bare-distribution-config.json");
    private static final String ORIGIN = "blog-example-net.s3-website-eu-west-1.amazonaws.com";

    @Test
    void addedRoots_areNamedInEveryReport_asNotTrustedByCloudFront() {
        X509Certificate root = SamplePki.create("engine test").rootCertificate();
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

        Engine engine = Engine.builder().addRoots(List.of(root)).clock(clock).build();

        Report.TrustAnchorsNote note = engine.trustAnchors();
        assertThat(note.addedRoots()).containsExactly(root.getSubjectX500Principal().getName());
        assertThat(note.source()).startsWith("Mozilla CA list").contains("1 added root that CloudFront does NOT trust");
        assertThat(engine.emptyReport().trustAnchors()).isEqualTo(note);
        assertThat(engine.emptyReport().generatedAt()).isEqualTo(clock.instant());
        assertThat(engine.emptyReport().distributions()).isEmpty();
    }

    @Test
    void withoutAddedRoots_theNoteIsMozillasListAlone() {
        Report.TrustAnchorsNote note = Engine.builder().build().trustAnchors();

        assertThat(note.addedRoots()).isEmpty();
        assertThat(note.source()).startsWith("Mozilla CA list").doesNotContain("added");
    }

    @Test
    void eachRun_resolvesTheOriginsAgain_soAnEngineBuiltOnceNeverServesStaleDns() throws Exception {
        // given: one engine (the Lambda builds it once per container) and a resolver that counts its lookups
        List<String> lookups = new CopyOnWriteArrayList<>();
        HostResolver counting = host -> {
            lookups.add(host);
            throw new UnknownHostException(host);
        };
        Engine engine = Engine.builder().resolver(counting).build();
        List<Distribution> distributions = new DistributionFileLoader().load(CONFIG);

        // when: two runs
        Report first = engine.check(distributions, PolicyCatalog.empty(), Deadline.none());
        Report second = engine.check(distributions, PolicyCatalog.empty(), Deadline.none());

        // then: each run looked the name up itself
        assertThat(lookups).containsExactly(ORIGIN, ORIGIN);
        assertThat(first.count(FindingCode.DNS_UNRESOLVABLE)).isEqualTo(1);
        assertThat(second.count(FindingCode.DNS_UNRESOLVABLE)).isEqualTo(1);
    }

    @Test
    void oneUnresolvableName_isOneDnsFinding_listingTheConnectionsThatNeededIt() throws Exception {
        // given: Host forwarded (two aliases, so two SNIs) over HTTP and HTTPS: four connections to one name
        String config = """
                {"Aliases": {"Quantity": 2, "Items": ["www.example.com", "shop.example.com"]},
                 "Origins": {"Quantity": 1, "Items": [{"Id": "app", "DomainName": "app.gone.example",
                   "CustomOriginConfig": {"OriginProtocolPolicy": "match-viewer"}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "allow-all",
                   "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "216adef6-5c7f-47e4-b989-5492eafa07d3"},
                 "Enabled": true}""";
        HostResolver nothingResolves = host -> {
            throw new UnknownHostException(host);
        };
        List<Distribution> distributions = new DistributionFileLoader().loadString(config, "dns.json");

        // when
        Report report = Engine.builder().resolver(nothingResolves).build()
                .check(distributions, PolicyCatalog.empty(), Deadline.none());

        // then
        var origin = report.distributions().getFirst().origins().getFirst();
        assertThat(origin.probes()).hasSizeGreaterThan(1);
        assertThat(origin.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.DNS_UNRESOLVABLE);
            assertThat(f.port()).isEmpty();
            assertThat(f.sni()).isEmpty();
            assertThat(f.evidence().get("connections")).contains("sni www.example.com").contains("sni shop.example.com")
                    .contains("port 80").contains("port 443");
        });
    }

    @Test
    void aProbesFinding_namesThePathsOfItsConnection() throws Exception {
        HostResolver unresolvable = host -> {
            throw new UnknownHostException(host);
        };
        List<Distribution> distributions = new DistributionFileLoader().load(CONFIG);

        Report report = Engine.builder().resolver(unresolvable).build()
                .check(distributions, PolicyCatalog.empty(), Deadline.none());

        assertThat(report.findings().filter(f -> f.code() == FindingCode.DNS_UNRESOLVABLE))
                .singleElement().satisfies(f -> assertThat(f.paths()).containsExactly("*"));
    }
}
