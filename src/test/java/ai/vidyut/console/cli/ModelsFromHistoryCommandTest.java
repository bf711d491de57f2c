package ai.vidyut.console.cli;

import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vidyut models train --from-history SITE/ASSET/METRIC|all}: output shape, failures, registry records. */
class ModelsFromHistoryCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsStoredSeriesFromHistoryAndExplainsFailures() throws Exception {
        Path data = dir.resolve("data");
        long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        try (Database db = Database.open(data)) {
            ReadingStore readings = new ReadingStore(db, new SiteStore(db));
            readings.append(new SiteSimulator(SiteProfile.standard(1), 5)
                    .readings(from, from + Duration.ofHours(54).toMillis(), 300_000));
            readings.append(new SiteSimulator(SiteProfile.standard(2), 6)
                    .readings(from, from + Duration.ofHours(5).toMillis(), 300_000));
        }
        ObjectMapper json = new ObjectMapper();

        Cli.Result one = Cli.run(data, "models", "train", "--from-history", "site-1/meter-1/voltage_v", "--trials", "2");
        assertThat(one.exitCode()).as(one.err()).isZero();
        JsonNode run = json.readTree(one.out());
        assertThat(run.get("kind").asText()).isEqualTo(Training.KIND);
        assertThat(run.get("scope").asText()).isEqualTo("site-1/meter-1/voltage_v");
        assertThat(run.get("status").asText()).isEqualTo(ModelRun.TRAINED);
        assertThat(run.get("params").get("source").asText()).isEqualTo("history");
        assertThat(run.get("trainFrom").asText()).isEqualTo("2026-03-01T00:00:00Z");
        JsonNode m = run.get("metrics");
        assertThat(m.has("f1") && m.has("nab") && m.has("activeObjective")).as(m.toString()).isTrue();
        boolean beats = m.get("objective").asDouble() > m.get("activeObjective").asDouble() + 1.0
                && m.get("recall").asDouble() > 0;
        assertThat(run.get("active").asBoolean()).isEqualTo(beats);
        assertThat(run.get("message").asText()).startsWith(beats ? "activated: " : "not activated: ");

        Cli.Result tooShort = Cli.run(data, "models", "train", "--from-history", "site-2/meter-1/power_kw");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.out()).isEmpty();
        assertThat(tooShort.err()).startsWith("error: needs 2 days of history, has 4 h");

        Cli.Result unknown = Cli.run(data, "models", "train", "--from-history", "site-1/meter-1/nothing");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("error: no stored series site-1/meter-1/nothing");
        Cli.Result malformed = Cli.run(data, "models", "train", "--from-history", "site-1");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("SITE/ASSET/METRIC or all");

        Cli.Result all = Cli.run(data, "models", "train", "--from-history", "all", "--trials", "1");
        assertThat(all.exitCode()).as(all.err()).isIn(0, 1);
        JsonNode runs = json.readTree(all.out());
        try (Database db = Database.open(data)) {
            ReadingStore readings = new ReadingStore(db, new SiteStore(db));
            assertThat(runs.size()).as("one run per site-1 series, none for the short site")
                    .isEqualTo(readings.series("site-1").size());
            ModelRegistry registry = new ModelRegistry(db, DataDir.modelsDir(data));
            List<ModelRun> shortRuns = registry.runs(Training.KIND, "site-2/meter-1/power_kw");
            assertThat(shortRuns).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ModelRun.FAILED);
                assertThat(r.message()).isEqualTo("needs 2 days of history, has 4 h");
            });
            assertThat(registry.runs(Training.KIND, "site-1/meter-1/voltage_v")).hasSize(2);
        }
        boolean anyFailed = false;
        for (JsonNode r : runs) {
            assertThat(r.get("scope").asText()).startsWith("site-1/");
            anyFailed |= !r.get("status").asText().equals(ModelRun.TRAINED);
        }
        assertThat(all.exitCode()).isEqualTo(anyFailed ? 1 : 0);
    }
}
