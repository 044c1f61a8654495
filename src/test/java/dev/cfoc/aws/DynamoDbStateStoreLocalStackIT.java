package dev.cfoc.aws;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.Decision;
import dev.cfoc.state.Observation;
import dev.cfoc.state.Transition;
import dev.cfoc.state.Transitions;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state store and the claim protocol against LocalStack's DynamoDB. Needs a Docker engine; skipped (not failed)
 * where there is none. DynamoDbStateStoreIT runs the same against dynalite everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbStateStoreLocalStackIT {

    private static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:3.8.1");
    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    @Container
    static LocalStackContainer localStack = new LocalStackContainer(LOCALSTACK)
            .withServices(LocalStackContainer.Service.DYNAMODB);

    @Test
    void aTransitionIsClaimedOnce_committed_andNotSentAgain() {
        var options = AwsClientOptions.defaults().withCredentials(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())))
                .withEndpointOverride(localStack.getEndpoint());
        try (var dynamoDb = AwsClients.dynamoDb(Region.of(localStack.getRegion()), options)) {
            dynamoDb.createTable(r -> r.tableName("cfoc-state").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            dynamoDb.waiter().waitUntilTableExists(r -> r.tableName("cfoc-state"));
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            var ledger = new AlertLedger(new DynamoDbStateStore(dynamoDb, "cfoc-state", clock),
                    new Transitions(Duration.ofDays(1)), clock);
            List<Observation> failing = List.of(Observation.of("E2QWRUHAPOMQZL",
                    List.of(SampleReports.finding("legacy", FindingCode.CERT_EXPIRED, "x")), Severity.WARNING, T0));

            Decision first = ledger.decide(failing).getFirst();
            Decision overlapping = ledger.decide(failing).getFirst();
            var claimed = ledger.claim(first);

            assertThat(first.transition()).contains(Transition.NEW);
            assertThat(claimed).isPresent();
            assertThat(ledger.claim(overlapping)).isEmpty();
            assertThat(ledger.commit(claimed.get())).isTrue();
            assertThat(ledger.decide(failing).getFirst().transition()).isEmpty();
        }
    }
}
