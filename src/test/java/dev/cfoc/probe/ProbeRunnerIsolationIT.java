package dev.cfoc.probe;

import dev.cfoc.testing.LoopbackOrigins;
import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.cert.CertificateVerifier;
import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeRunnerIsolationIT {

    private static final String BOOM = "boom.test";

    @Test
    void aProbeThatThrows_becomesProbeInternalError_andTheOtherProbesStillReport() {
        SamplePki pki = SamplePki.create("Isolation");
        CertificateVerifier throwsForBoom = (chain, names) -> {
            if (CertificateSummary.subjectAltNames(chain.getFirst()).contains(BOOM)) {
                throw new IllegalStateException("secret-looking detail that must not be reported");
            }
            return List.of();
        };
        List<String> finished = new CopyOnWriteArrayList<>();
        ProbeListener progress = new ProbeListener() {
            @Override
            public void probeFinished(ProbeTarget target, ProbeResult result) {
                finished.add(target.host());
            }
        };
        ProbeRunner runner = new ProbeRunner(LoopbackOrigins.prober(
                HostResolver.fixed(Map.of(Targets.ORIGIN, "127.0.0.1", BOOM, "127.0.0.1")), throwsForBoom), progress);
        try (SampleTlsServer healthy = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames(Targets.ORIGIN))).start();
             SampleTlsServer boom = SampleTlsServer.builder(pki.issueLeaf(SamplePki.LeafSpec.forNames(BOOM))).start()) {

            List<ProbeResult> results = runner.probeAll(List.of(
                    Targets.https(BOOM, boom.port()).build(), Targets.https(Targets.ORIGIN, healthy.port()).build()));

            assertThat(results.get(0).problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.PROBE_INTERNAL_ERROR);
                assertThat(p.evidence()).containsEntry("exception", IllegalStateException.class.getName());
                assertThat(p.toString()).doesNotContain("secret-looking");
            });
            assertThat(results.get(1).problems()).extracting(Problem::code).isEmpty();
            assertThat(results.get(1).httpStatus()).hasValue(200);
            assertThat(finished).as("progress counts the failed probe as finished too")
                    .containsExactlyInAnyOrder(BOOM, Targets.ORIGIN);
        }
    }
}
