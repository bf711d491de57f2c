package ai.vidyut.console.cli;

import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vidyut models best}: the run with the best value of a metric, optionally activated. */
class ModelsBestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private long[] ids = new long[4];

    private Path seed() {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            ModelRegistry reg = new ModelRegistry(db, DataDir.modelsDir(data));
            ids[0] = record(reg, "global", Map.of("nab", 10.0, "mae", 3.0)).id();
            ids[1] = record(reg, "global", Map.of("nab", 30.0, "mae", 5.0)).id();
            ids[2] = record(reg, "global", Map.of("nab", 20.0, "mae", 1.0)).id();
            // a failed run and another scope never win
            ids[3] = reg.record(NewRun.failed(Training.KIND, "global", Map.of(), "too short")).id();
            record(reg, "s1/a1/power_kw", Map.of("nab", 99.0, "mae", 0.1));
            reg.activate(ids[0]);
        }
        return data;
    }

    private static ModelRun record(ModelRegistry reg, String scope, Map<String, Double> metrics) {
        Path artifact = reg.nextArtifactPath(Training.KIND, scope, "json");
        return reg.record(NewRun.trained(Training.KIND, scope, Map.of("threshold", 0.5), metrics, 0L, 1L, artifact));
    }

    @Test
    void printsTheRunWithTheHighestOrLowestMetricAndActivatesItOnRequest() throws Exception {
        Path data = seed();
        Cli.Result highest = Cli.run(data, "models", "best", "--kind", Training.KIND, "--scope", "global",
                "--metric", "nab");
        assertThat(highest.exitCode()).as(highest.err()).isZero();
        JsonNode h = JSON.readTree(highest.out());
        assertThat(h.get("id").asLong()).isEqualTo(ids[1]);
        assertThat(h.get("metrics").get("nab").asDouble()).isEqualTo(30.0);
        assertThat(h.get("active").asBoolean()).isFalse();
        assertThat(h.has("params") && h.has("artifact") && h.has("version")).isTrue();

        Cli.Result lowest = Cli.run(data, "models", "best", "--scope", "global", "--metric", "mae",
                "--lower-is-better", "--activate");
        assertThat(lowest.exitCode()).as(lowest.err()).isZero();
        JsonNode l = JSON.readTree(lowest.out());
        assertThat(l.get("id").asLong()).isEqualTo(ids[2]);
        assertThat(l.get("active").asBoolean()).isTrue();
        try (Database db = Database.open(data)) {
            ModelRegistry reg = new ModelRegistry(db, DataDir.modelsDir(data));
            assertThat(reg.active(Training.KIND, "global")).map(ModelRun::id).contains(ids[2]);
            // the activation is an ordinary one: revert brings back the previously active run
            assertThat(reg.revert(Training.KIND, "global")).map(ModelRun::id).contains(ids[0]);
        }
    }

    @Test
    void aMetricNoRunHasIsAClearErrorWithExitCodeOne() {
        Path data = seed();
        Cli.Result r = Cli.run(data, "models", "best", "--scope", "global", "--metric", "auc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isBlank();
        assertThat(r.err()).contains("error:").contains("metric 'auc'").contains("recorded metrics: mae, nab");

        Cli.Result empty = Cli.run(data, "models", "best", "--scope", "nowhere", "--metric", "nab");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("no anomaly-ensemble runs in scope nowhere");

        Cli.Result missing = Cli.run(data, "models", "best", "--scope", "global");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--metric");
    }
}
