package dev.cfoc.lambda;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchResultTest {

    @Test
    void failedMessages_areThePartialBatchResponse_andNothingElse() {
        assertThat(new BatchResult(List.of("m1", "m2", "m1")).toJson())
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"},{\"itemIdentifier\":\"m2\"}]}");
    }

    @Test
    void noFailures_isAnEmptyList_whichLambdaReadsAsAllDone() {
        assertThat(new BatchResult(List.of()).toJson()).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void blankOrNullIds_areRefused_becauseLambdaWouldFailTheWholeBatch() {
        assertThatThrownBy(() -> new BatchResult(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchResult(Arrays.asList("m1", null))).isInstanceOf(RuntimeException.class);
    }
}
