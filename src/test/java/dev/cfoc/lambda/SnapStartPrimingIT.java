package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.CloudFrontTlsClient;
import dev.cfoc.probe.TlsOffer;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingIT {

    @Test
    void prime_checksTheDemoOrigins_andCallsCloudFrontSnsAndSqs_onLoopback() throws Exception {
        // when
        SnapStartPriming.Result result = SnapStartPriming.prime();

        // then: the engine ran over every sample origin, broken ones included
        assertThat(result.origins()).isEqualTo(8);
        assertThat(result.findings()).isPositive();
        // and: the three SDK clients went through a whole request and response (SNS's Query API and SQS's JSON one
        // both POST to "/"; the accepted entry proves the SQS answer passed the SDK's MD5 check)
        assertThat(result.awsRequests()).hasSize(3)
                .anySatisfy(r -> assertThat(r).startsWith("GET /2020-05-31/distribution"))
                .filteredOn(r -> r.startsWith("POST / ")).hasSize(2);
        assertThat(result.messagesQueued()).isEqualTo(1);
        assertThat(result.messagesPublished()).isPositive();
        assertThat(result.took()).isLessThan(SnapStartPriming.PRIMING_DEADLINE.plusSeconds(5));
    }

    @Test
    void beforeCheckpoint_primes_andSaysSoInOneJsonLogLine() {
        // given
        List<String> lines = new CopyOnWriteArrayList<>();
        var log = new StructuredLog((level, line) -> lines.add(line), Clock.systemUTC(), Optional.empty());

        // when: what the runtime calls before it takes the snapshot
        new SnapStartPriming(log).beforeCheckpoint(null);

        // then
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("\"message\":\"primed for SnapStart\"").contains("\"origins\":\"8\""));
    }

    @Test
    void runtimeConstructor_registersOnAJvmWithoutCrac_andTheHandlerStillAnswers() throws Exception {
        // the runtime's constructor registers the hook with org.crac's global context; on a JVM without CRaC (local
        // invoke, tests) that context accepts it and never calls it, and the handler must still work. Whether the
        // hook runs at a real checkpoint can only be seen in Lambda (the "primed for SnapStart" log line).
        CheckHandler handler = new CheckHandler();
        var output = new ByteArrayOutputStream();
        var context = new RecordingContext();

        // an event the function reads and ignores: no AWS call, so the environment's settings suffice; the runtime's
        // handler writes its log lines to stdout (JSON objects under LogFormat JSON), not through the context's logger
        var stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(new ByteArrayInputStream("""
                    {"detail-type": "AWS API Call via CloudTrail", "source": "aws.cloudfront",
                     "detail": {"eventName": "UpdateDistribution2020_05_31", "errorCode": "PreconditionFailed",
                                "requestParameters": {"id": "E2QWRUHAPOMQZL"}}}""".getBytes(StandardCharsets.UTF_8)),
                    output, context);
        } finally {
            System.setOut(original);
        }

        JsonNode report = new ObjectMapper().readTree(output.toByteArray());
        assertThat(report.get("distributions")).isEmpty();
        assertThat(report.get("summary").get("origins").asInt()).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("event ignored: UpdateDistribution failed with PreconditionFailed");
    }

    @Test
    void tlsRandomness_isTheKernelBackedDefault_soASnapshotDoesNotFreezeIt() {
        // the probe's handshakes draw from the SecureRandom of their client's crypto (BcCrypto: `new SecureRandom()`).
        // On Linux that is NativePRNG, which mixes fresh bytes from /dev/urandom into every call: environments
        // restored from one snapshot do not repeat it.
        var client = new CloudFrontTlsClient(TlsOffer.cloudFront(List.of(TlsVersion.TLSV1_2)), Optional.empty());

        assertThat(((BcTlsCrypto) client.getCrypto()).getSecureRandom().getAlgorithm()).isEqualTo("NativePRNG");
    }
}
