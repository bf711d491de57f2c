package ai.vidyut.console.cli;

import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.eval.HyperparameterSearch;
import ai.vidyut.console.detect.eval.LabelledRun;
import ai.vidyut.console.detect.eval.Training;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code models train --search-forest}: the random search over Isolation Forest trees / sample size / contamination
 * tries different values, keeps the best-scoring trial, and the recorded run carries them.
 */
class ModelsForestSearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * 900 readings 10 s apart (faster than 30 s, so the forest trains on the first trainSize readings rather than
     * waiting for a full day) with a slow swing, a labelled power drop and a labelled spike.
     */
    private Path labelled(String name, long seed, int dropAt, int spikeAt) throws Exception {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("timestamp,power_kw,anomaly"));
        long start = 1_767_225_600_000L;
        for (int i = 0; i < 900; i++) {
            double p = 100 + 25 * Math.sin(i / 360.0 * 2 * Math.PI) + r.nextGaussian() * 1.5;
            boolean anomalous = false;
            if (i >= dropAt && i < dropAt + 40) {
                p *= 0.35;
                anomalous = true;
            }
            if (i == spikeAt) {
                p *= 2.2;
                anomalous = true;
            }
            lines.add(String.format(Locale.ROOT, "%d,%.3f,%d", start + i * 10_000L, p, anomalous ? 1 : 0));
        }
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void trainWithSearchForestRecordsTheTriedForestsAndKeepsTheBestScoringOne() throws Exception {
        Path a = labelled("a.csv", 1, 600, 820);
        Path b = labelled("b.csv", 2, 520, 760);
        Path data = dir.resolve("data");
        Cli.Result r = Cli.run(data, "models", "train", "--trials", "2", "--search-forest", "--seed", "42",
                "--input", a.toString(), "--input", b.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode run = JSON.readTree(r.out());
        assertThat(run.get("kind").asText()).isEqualTo(Training.KIND);
        assertThat(run.get("status").asText()).isEqualTo("trained");
        JsonNode params = run.get("params");
        int trees = params.get("ifTrees").asInt();
        int sampleSize = params.get("ifSampleSize").asInt();
        double contamination = params.get("contamination").asDouble();

        JsonNode trials = params.get("forestSearch");
        assertThat(trials).as("the forest trials are recorded with the run").isNotNull();
        assertThat(trials.size()).isEqualTo(2);
        Set<String> tried = new HashSet<>();
        JsonNode bestTrial = null;
        for (JsonNode t : trials) {
            assertThat(t.get("objective").isNumber()).isTrue();
            assertThat(Double.isFinite(t.get("objective").asDouble())).isTrue();
            tried.add(t.get("ifTrees").asInt() + "/" + t.get("ifSampleSize").asInt() + "/"
                    + t.get("contamination").asDouble());
            if (bestTrial == null || t.get("objective").asDouble() > bestTrial.get("objective").asDouble() + 1e-9) {
                bestTrial = t;
            }
        }
        assertThat(tried).as("the search evaluates different forests").hasSize(2);
        // trial 0 is the starting (shipped) forest
        DetectorParams shipped = DetectorParams.shippedDefault();
        assertThat(trials.get(0).get("ifTrees").asInt()).isEqualTo(shipped.ifTrees());
        assertThat(trials.get(0).get("ifSampleSize").asInt()).isEqualTo(shipped.ifSampleSize());
        // the recorded (and written) forest is the best-scoring trial
        assertThat(trees).isEqualTo(bestTrial.get("ifTrees").asInt());
        assertThat(sampleSize).isEqualTo(bestTrial.get("ifSampleSize").asInt());
        assertThat(contamination).isEqualTo(bestTrial.get("contamination").asDouble());
        assertThat(run.get("metrics").get("forestSearchObjective").asDouble())
                .isEqualTo(bestTrial.get("objective").asDouble());
        DetectorParams artifact = DetectorParams.read(Path.of(run.get("artifact").asText()));
        assertThat(artifact.ifTrees()).isEqualTo(trees);
        assertThat(artifact.ifSampleSize()).isEqualTo(sampleSize);
        assertThat(artifact.contamination()).isEqualTo(contamination);
    }

    @Test
    void theForestParametersReachTheForestAndTheBestTrialWins() throws Exception {
        DetectorParams base = DetectorParams.shippedDefault();
        List<LabelledRun> runs = List.of(
                Training.labelled(labelled("c.csv", 3, 500, 800), "anomaly", base.trainSize()),
                Training.labelled(labelled("d.csv", 4, 650, 450), "anomaly", base.trainSize()));
        HyperparameterSearch.Result result = HyperparameterSearch.forest(base, runs, 5, 7);
        assertThat(result.trials()).hasSize(5);
        assertThat(result.trials().get(0).params()).isEqualTo(base);
        Set<String> forests = new HashSet<>();
        Set<Double> objectives = new HashSet<>();
        for (HyperparameterSearch.Trial t : result.trials()) {
            forests.add(t.params().ifTrees() + "/" + t.params().ifSampleSize() + "/" + t.params().contamination());
            objectives.add(t.objective());
        }
        double max = result.trials().stream().mapToDouble(HyperparameterSearch.Trial::objective).max().orElseThrow();
        assertThat(forests.size()).isGreaterThan(1);
        // if the sampled values did not reach the forest, every trial would score the same
        assertThat(objectives.size()).as("objectives %s", objectives).isGreaterThan(1);
        assertThat(result.objective()).isEqualTo(max);
        assertThat(result.baselineObjective()).isEqualTo(result.trials().get(0).objective());
        assertThat(result.trials()).anySatisfy(t -> {
            assertThat(t.objective()).isEqualTo(max);
            assertThat(t.params()).isEqualTo(result.params());
        });
        // deterministic for a seed
        assertThat(HyperparameterSearch.forest(base, runs, 5, 7).params()).isEqualTo(result.params());
    }
}
