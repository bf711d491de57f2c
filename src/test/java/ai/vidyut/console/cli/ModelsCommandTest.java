package ai.vidyut.console.cli;

import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Training runs are recorded in the registry with parameters and metrics; list, activate, compare work on them. */
class ModelsCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter err = new StringWriter();
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out));
        System.setErr(new PrintStream(new ByteArrayOutputStream()));
        try {
            var cl = VidyutCommand.commandLine();
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new String[]{Integer.toString(code), out.toString(), err.toString()};
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void trainRecordsRunsWithParamsMetricsAndArtifactThenListActivateCompare() throws Exception {
        String data = dir.resolve("data").toString();
        String[] first = run("--data-dir", data, "models", "train", "--trials", "2", "--seed", "3");
        assertThat(first[0]).as(first[2]).isEqualTo("0");
        String[] second = run("--data-dir", data, "models", "train", "--trials", "2", "--seed", "4", "--activate");
        assertThat(second[0]).as(second[2]).isEqualTo("0");
        ObjectMapper json = new ObjectMapper();
        JsonNode r1 = json.readTree(first[1]);
        JsonNode r2 = json.readTree(second[1]);
        assertThat(r1.get("kind").asText()).isEqualTo(Training.KIND);
        assertThat(r1.get("version").asInt()).isEqualTo(1);
        assertThat(r2.get("version").asInt()).isEqualTo(2);
        assertThat(r2.get("active").asBoolean()).isTrue();
        assertThat(r1.get("metrics").get("nab").isNumber()).isTrue();
        assertThat(r1.get("metrics").get("f1").asDouble()).isBetween(0.0, 1.0);
        assertThat(r1.get("params").get("threshold").asDouble()).isBetween(0.0, 1.0);
        Path artifact = Path.of(r1.get("artifact").asText());
        assertThat(artifact).exists();
        assertThat(Path.of(artifact + ".json")).exists();
        DetectorParams trained = DetectorParams.read(artifact);
        assertThat(trained.threshold()).isEqualTo(r1.get("params").get("threshold").asDouble());

        String[] list = run("--data-dir", data, "models", "list", "--json");
        assertThat(json.readTree(list[1])).hasSize(2);
        String[] table = run("--data-dir", data, "models", "list");
        assertThat(table[1]).contains("anomaly-ensemble").contains("nab=");

        long id1 = r1.get("id").asLong();
        long id2 = r2.get("id").asLong();
        assertThat(run("--data-dir", data, "models", "activate", Long.toString(id1))[0]).isEqualTo("0");
        try (Database db = Database.open(dir.resolve("data"))) {
            ModelRegistry reg = new ModelRegistry(db, DataDir.modelsDir(dir.resolve("data")));
            assertThat(reg.active(Training.KIND, "global")).map(ModelRun::id).contains(id1);
        }
        assertThat(run("--data-dir", data, "models", "revert")[0]).isEqualTo("0");
        try (Database db = Database.open(dir.resolve("data"))) {
            ModelRegistry reg = new ModelRegistry(db, DataDir.modelsDir(dir.resolve("data")));
            assertThat(reg.active(Training.KIND, "global")).map(ModelRun::id).contains(id2);
        }
        String[] compare = run("--data-dir", data, "models", "compare", Long.toString(id1), Long.toString(id2));
        assertThat(compare[0]).isEqualTo("0");
        assertThat(compare[1]).contains("metric.nab").contains("param.threshold").contains("version");
    }

    @Test
    void trainingThatCannotWorkIsRecordedAsFailedWithTheReason() throws Exception {
        Path csv = dir.resolve("short.csv");
        StringBuilder sb = new StringBuilder("timestamp,power_kw,anomaly\n");
        for (int i = 0; i < 50; i++) {
            sb.append(1_767_225_600_000L + i * 60_000L).append(',').append(100 + i % 3).append(',')
                    .append(i == 40 ? 1 : 0).append('\n');
        }
        Files.writeString(csv, sb.toString());
        String data = dir.resolve("data2").toString();
        String[] r = run("--data-dir", data, "models", "train", "--input", csv.toString(), "--input", csv.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("training failed").contains("readings");
        try (Database db = Database.open(dir.resolve("data2"))) {
            List<ModelRun> runs = new ModelRegistry(db, dir.resolve("m")).runs(Training.KIND, "global");
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).status()).isEqualTo(ModelRun.FAILED);
        }
    }
}
