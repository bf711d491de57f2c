package ai.vidyut.console.registry;

import ai.vidyut.console.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {

    @TempDir
    Path dir;

    @Test
    void versionsRunsActivatesRevertsAndPicksBest() throws Exception {
        try (Database db = Database.open(dir)) {
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            Path a1 = registry.nextArtifactPath("iforest", "s1/inv1/power_kw", "bin");
            Files.writeString(a1, "model one");
            ModelRun v1 = registry.record(NewRun.trained("iforest", "s1/inv1/power_kw", Map.of("trees", 100),
                    Map.of("f1", 0.61), 0L, 10L, a1));
            Path a2 = registry.nextArtifactPath("iforest", "s1/inv1/power_kw", "bin");
            Files.writeString(a2, "model two");
            ModelRun v2 = registry.record(NewRun.trained("iforest", "s1/inv1/power_kw", Map.of("trees", 200),
                    Map.of("f1", 0.72), 0L, 10L, a2));
            ModelRun failed = registry.record(NewRun.failed("iforest", "s1/inv1/power_kw", Map.of(),
                    "only 12 readings; needs 500"));

            assertThat(v1.version()).isEqualTo(1);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(failed.version()).isEqualTo(3);
            assertThat(Path.of(a2 + ".json")).exists();
            assertThat(Files.readString(Path.of(a2 + ".json"))).contains("\"trees\" : 200");

            assertThat(registry.best("iforest", "s1/inv1/power_kw", "f1", false)).get()
                    .extracting(ModelRun::id).isEqualTo(v2.id());
            assertThatThrownBy(() -> registry.activate(failed.id())).hasMessageContaining("needs 500");

            registry.activate(v1.id());
            registry.activate(v2.id());
            assertThat(registry.active("iforest", "s1/inv1/power_kw")).get().extracting(ModelRun::id)
                    .isEqualTo(v2.id());
            assertThat(registry.revert("iforest", "s1/inv1/power_kw")).get().extracting(ModelRun::id)
                    .isEqualTo(v1.id());
            assertThat(registry.revert("iforest", "s1/inv1/power_kw")).isEmpty();
        }
    }
}
