package dev.cfoc.aws;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.state.AlertLedger;
import dev.cfoc.state.AlertState;
import dev.cfoc.state.Decision;
import dev.cfoc.state.Observation;
import dev.cfoc.state.StateStoreException;
import dev.cfoc.state.StoredState;
import dev.cfoc.state.Transition;
import dev.cfoc.state.Transitions;
import dev.cfoc.testing.LocalDynamo;
import dev.cfoc.testing.PerClass;
import dev.cfoc.testing.SampleReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DynamoDB store against a real DynamoDB API (dynalite on loopback), through the SDK's real client. */
class DynamoDbStateStoreIT {

    @RegisterExtension
    static final PerClass<LocalDynamo> dynamo = PerClass.of(dir -> LocalDynamo.start());

    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");
    private static final String KEY = "E2QWRUHAPOMQZL";

    private String table;

    @BeforeEach
    void newTable() {
        table = dynamo.get().createStateTable();
    }

    private DynamoDbStateStore store(Instant now) {
        return new DynamoDbStateStore(dynamo.get().client(), table, Clock.fixed(now, ZoneOffset.UTC));
    }

    private AlertLedger ledger(Instant now) {
        return new AlertLedger(store(now), new Transitions(Duration.ofDays(1)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<Observation> failing(Instant now) {
        return List.of(Observation.of(KEY, List.of(SampleReports.finding("legacy", FindingCode.CERT_EXPIRED, "x")),
                Severity.WARNING, now));
    }

    @Test
    void aWrittenState_readsBack_withItsVersion_andAnItemShapedForTheTable() {
        Decision decision = ledger(T0).decide(failing(T0)).getFirst();

        assertThat(store(T0).write(decision.next(), 0)).isTrue();

        StoredState read = store(T0).read(List.of(KEY)).get(KEY);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.state()).isEqualTo(decision.next());
        Map<String, AttributeValue> item = dynamo.get().items(table).getFirst();
        assertThat(item.get("pk").s()).isEqualTo(KEY);
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(T0.plus(DynamoDbStateStore.RETENTION).getEpochSecond());
        assertThat(item.get("state").s()).contains("\"fingerprint\":\"E2QWRUHAPOMQZL|legacy|CERT_EXPIRED|443|");
    }

    @Test
    void writesAreConditional_onTheVersionRead() {
        AlertState state = ledger(T0).decide(failing(T0)).getFirst().next();

        assertThat(store(T0).write(state, 0)).isTrue();
        assertThat(store(T0).write(state, 0)).as("a second creation").isFalse();
        assertThat(store(T0).write(state, 7)).as("a wrong version").isFalse();
        assertThat(store(T0).write(state, 1)).isTrue();
        assertThat(store(T0).read(List.of(KEY)).get(KEY).version()).isEqualTo(2);
    }

    @Test
    void manyKeys_areReadInBatches_andMissingOnesAreAbsent() {
        List<String> keys = IntStream.range(0, 250).mapToObj(i -> "E" + String.format("%05d", i)).toList();
        for (String key : keys.subList(0, 120)) {
            store(T0).write(AlertState.empty(key), 0);
        }

        Map<String, StoredState> read = store(T0).read(keys);

        assertThat(read).hasSize(250);
        assertThat(read.values().stream().filter(s -> s.version() == 1)).hasSize(120);
        assertThat(read.get("E00200")).isEqualTo(StoredState.absent("E00200"));
    }

    @Test
    void anItemPastItsExpiry_readsAsNoState_butKeepsItsVersion_soItIsOverwritten() {
        store(T0).write(ledger(T0).decide(failing(T0)).getFirst().next(), 0);
        Instant later = T0.plus(DynamoDbStateStore.RETENTION).plusSeconds(1);

        StoredState read = store(later).read(List.of(KEY)).get(KEY);

        assertThat(read.state().active()).isEmpty();
        assertThat(read.version()).isEqualTo(1);
        assertThat(ledger(later).decide(failing(later)).getFirst().transition()).contains(Transition.NEW);
    }

    @Test
    void concurrentRuns_claimEachTransitionOnce() throws Exception {
        List<Decision> decisions = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            decisions.add(ledger(T0).decide(failing(T0)).getFirst());
        }
        List<Thread> threads = new ArrayList<>();
        List<Boolean> claimed = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Decision decision : decisions) {
            threads.add(Thread.ofVirtual().start(() -> claimed.add(ledger(T0).claim(decision).isPresent())));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(claimed).containsOnlyOnce(true).hasSize(6);
    }

    @Test
    void aMissingTable_isAStateStoreError_namingIt() {
        var store = new DynamoDbStateStore(dynamo.get().client(), "no-such-table", Clock.systemUTC());

        assertThatThrownBy(() -> store.read(List.of(KEY))).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("no-such-table").hasMessageContaining("ResourceNotFoundException");
    }
}
