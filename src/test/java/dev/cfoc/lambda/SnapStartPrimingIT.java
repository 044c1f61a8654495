package dev.cfoc.lambda;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
    void runtimeConstructor_doesNotFailOnAJvmWithoutCrac() {
        // the runtime's constructor registers the hook with org.crac's global context; on a JVM without CRaC (local
        // invoke, tests) that context accepts it and never calls it, and the handler must still be usable. Whether
        // the hook runs at a real checkpoint can only be seen in Lambda (the "primed for SnapStart" log line).
        assertThatCode(CheckHandler::new).doesNotThrowAnyException();
    }

    @Test
    void tlsRandomness_isTheKernelBackedDefault_soASnapshotDoesNotFreezeIt() {
        // the probe's handshakes draw from `new SecureRandom()` (BcCrypto). On Linux that is NativePRNG, which mixes
        // fresh bytes from /dev/urandom into every call: environments restored from one snapshot do not repeat it.
        assertThat(new SecureRandom().getAlgorithm()).isEqualTo("NativePRNG");
    }
}
