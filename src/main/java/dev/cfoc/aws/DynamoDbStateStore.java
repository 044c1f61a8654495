package dev.cfoc.aws;

import dev.cfoc.state.AlertState;
import dev.cfoc.state.StateJson;
import dev.cfoc.state.StateStore;
import dev.cfoc.state.StateStoreException;
import dev.cfoc.state.StoredState;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert states in a DynamoDB table (STATE_TABLE) with a String partition key {@code pk}: one item per distribution
 * (and one for the run's own findings) holding {@code version} (N), {@code expiresAt} (N, epoch seconds: the table's
 * TTL attribute) and {@code state} (S, the JSON of {@link StateJson}). Reads are strongly consistent BatchGetItem
 * calls; every write is a PutItem conditional on the version read ({@code attribute_not_exists(pk)} for a new item).
 */
public final class DynamoDbStateStore implements StateStore {

    public static final String PARTITION_KEY = "pk";
    public static final String VERSION = "version";
    /** The table's TTL attribute (template.yaml TimeToLiveSpecification). */
    public static final String EXPIRES_AT = "expiresAt";
    public static final String STATE = "state";

    /**
     * Decision: an item not written for 30 days expires (DynamoDB's TTL deletes it). Every run that still sees a
     * finding writes its item again, so only distributions that are gone, or clean for that long, expire; an item past
     * its time that TTL has not deleted yet reads as no state.
     */
    public static final Duration RETENTION = Duration.ofDays(30);
    /** BatchGetItem's limit of keys per call. */
    static final int MAX_KEYS_PER_READ = 100;
    /** Rounds of UnprocessedKeys (throttling) before a read gives up; the SDK already retried each call. */
    static final int MAX_READ_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbStateStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Map<String, StoredState> read(Collection<String> keys) {
        Map<String, StoredState> states = new LinkedHashMap<>();
        keys.forEach(k -> states.put(k, StoredState.absent(k)));
        List<String> distinct = List.copyOf(states.keySet());
        for (int from = 0; from < distinct.size(); from += MAX_KEYS_PER_READ) {
            readBatch(distinct.subList(from, Math.min(distinct.size(), from + MAX_KEYS_PER_READ)), states);
        }
        return states;
    }

    private void readBatch(List<String> keys, Map<String, StoredState> states) {
        List<Map<String, AttributeValue>> wanted = new ArrayList<>();
        keys.forEach(k -> wanted.add(Map.of(PARTITION_KEY, AttributeValue.fromS(k))));
        KeysAndAttributes request = KeysAndAttributes.builder().keys(wanted).consistentRead(true).build();
        for (int round = 1; request != null && !request.keys().isEmpty(); round++) {
            if (round > MAX_READ_ROUNDS) {
                throw new StateStoreException("DynamoDB table " + table + ": " + request.keys().size()
                        + " state(s) still unread after " + MAX_READ_ROUNDS + " rounds (throttled)");
            }
            KeysAndAttributes ask = request;
            BatchGetItemResponse response;
            try {
                response = dynamoDb.batchGetItem(r -> r.requestItems(Map.of(table, ask)));
            } catch (SdkException e) {
                throw new StateStoreException("cannot read the alert states from DynamoDB table " + table + ": "
                        + SdkFailures.describe(e), e);
            }
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                StoredState stored = stored(item);
                states.put(stored.state().key(), stored);
            });
            request = response.unprocessedKeys().get(table);
        }
    }

    private StoredState stored(Map<String, AttributeValue> item) {
        String key = item.get(PARTITION_KEY).s();
        String where = "DynamoDB table " + table + ", item " + key;
        AttributeValue version = item.get(VERSION);
        AttributeValue state = item.get(STATE);
        if (version == null || version.n() == null || state == null || state.s() == null) {
            throw new StateStoreException(where + ": needs " + VERSION + " (N) and " + STATE + " (S)");
        }
        long number;
        try {
            number = Long.parseLong(version.n());
        } catch (NumberFormatException e) {
            throw new StateStoreException(where + ": " + VERSION + " must be a whole number");
        }
        AttributeValue expiresAt = item.get(EXPIRES_AT);
        if (expiresAt != null && expiresAt.n() != null && expired(expiresAt.n())) {
            return new StoredState(AlertState.empty(key), number);
        }
        AlertState read = StateJson.read(state.s(), where);
        return new StoredState(new AlertState(key, read.active(), read.lastPublished(), read.lastTransition(),
                read.claim()), number);
    }

    private boolean expired(String epochSeconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds)).isBefore(clock.instant());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean write(AlertState next, long expectedVersion) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, AttributeValue.fromS(next.key()));
        item.put(VERSION, AttributeValue.fromN(String.valueOf(expectedVersion + 1)));
        item.put(EXPIRES_AT, AttributeValue.fromN(String.valueOf(clock.instant().plus(RETENTION).getEpochSecond())));
        item.put(STATE, AttributeValue.fromS(StateJson.write(next)));
        try {
            if (expectedVersion == 0) {
                dynamoDb.putItem(r -> r.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            } else {
                dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("#version = :expected")
                        .expressionAttributeNames(Map.of("#version", VERSION))
                        .expressionAttributeValues(Map.of(":expected",
                                AttributeValue.fromN(String.valueOf(expectedVersion)))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new StateStoreException("cannot write the alert state of " + next.key() + " to DynamoDB table "
                    + table + ": " + SdkFailures.describe(e), e);
        }
    }
}
