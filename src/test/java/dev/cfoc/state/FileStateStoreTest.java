package dev.cfoc.state;

import dev.cfoc.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI's state file, on a real file system. */
class FileStateStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    @TempDir
    Path dir;

    private static AlertState failing(String key) {
        var finding = new TrackedFinding(key + "|legacy|CERT_EXPIRED|443|www.example.com", "CERT_EXPIRED",
                Severity.ERROR, "legacy", OptionalInt.of(443), Optional.of("www.example.com"), List.of("/legacy/*"),
                T0, T0);
        return new AlertState(key, List.of(finding), Optional.of(T0), Optional.of(Transition.NEW), Optional.empty());
    }

    @Test
    void aMissingFile_holdsNothing_andTheFirstWriteCreatesIt() {
        var store = new FileStateStore(dir.resolve("state.json"));

        assertThat(store.read(List.of("E1"))).containsEntry("E1", StoredState.absent("E1"));
        assertThat(store.write(failing("E1"), 0)).isTrue();

        assertThat(new FileStateStore(dir.resolve("state.json")).read(List.of("E1")).get("E1"))
                .isEqualTo(new StoredState(failing("E1"), 1));
    }

    @Test
    void aWriteNamingAnOldVersion_isRefused_andChangesNothing() throws Exception {
        var store = new FileStateStore(dir.resolve("state.json"));
        store.write(failing("E1"), 0);
        String before = Files.readString(dir.resolve("state.json"));

        assertThat(store.write(AlertState.empty("E1"), 0)).isFalse();

        assertThat(Files.readString(dir.resolve("state.json"))).isEqualTo(before);
    }

    @Test
    void concurrentWritersOfTheSameVersion_exactlyOneWins_andEveryOtherKeyIsKept() throws Exception {
        var store = new FileStateStore(dir.resolve("state.json"));
        store.write(failing("E0"), 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(() -> new FileStateStore(dir.resolve("state.json")).write(failing("E1"), 0));
            }
            long won = 0;
            for (Future<Boolean> result : pool.invokeAll(writers)) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(store.read(List.of("E0", "E1")).values()).extracting(StoredState::version).containsExactly(1L, 1L);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrder("state.json", "state.json.lock");
        }
    }

    @Test
    void aFileThatIsNotAStateFile_isAnErrorNamingIt_andIsNotOverwritten() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"distributions\": []}");
        var store = new FileStateStore(file);

        assertThatThrownBy(() -> store.read(List.of("E1"))).isInstanceOf(StateStoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("\"format\"");
        assertThatThrownBy(() -> store.write(failing("E1"), 0)).isInstanceOf(StateStoreException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"distributions\": []}");
    }

    @Test
    void aBrokenEntry_isAnErrorNamingTheField() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"format\": \"" + FileStateStore.FORMAT + "\", \"states\": {\"E1\": {\"version\": 2,"
                + " \"state\": {\"key\": \"E1\", \"active\": [{\"fingerprint\": 7}]}}}}");

        assertThatThrownBy(() -> new FileStateStore(file).read(List.of("E1"))).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("states.E1.state: active[0].fingerprint must be a string");
    }
}
