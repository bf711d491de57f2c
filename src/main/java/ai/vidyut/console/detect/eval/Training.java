package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.SeriesTable;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains the detection ensemble on labelled runs and records the run in the model registry: random search of the
 * streaming/multivariate parameters (and optionally the Isolation Forest's) on one half of the runs, ensemble rule
 * and threshold chosen on the same half, metrics measured on the other half. The artifact is the parameter JSON.
 */
public final class Training {

    public static final String KIND = "anomaly-ensemble";

    private Training() {
    }

    public record Options(String scope, int trials, long seed, boolean searchForest) {
    }

    public static ModelRun train(ModelRegistry registry, List<LabelledRun> runs, DetectorParams base, Options o,
                                 Consumer<String> progress) {
        Map<String, Object> requested = new LinkedHashMap<>();
        requested.put("trials", o.trials());
        requested.put("seed", o.seed());
        requested.put("runs", runs.size());
        long labelled = runs.stream().mapToLong(LabelledRun::anomalousRows).sum();
        if (runs.size() < 2) {
            return registry.record(NewRun.failed(KIND, o.scope(), requested,
                    "needs at least 2 labelled runs to tune on one and measure on the other; got " + runs.size()));
        }
        for (LabelledRun r : runs) {
            if (r.table().size() < base.trainSize() + 10) {
                return registry.record(NewRun.failed(KIND, o.scope(), requested, "run " + r.name() + " has "
                        + r.table().size() + " readings; needs more than " + (base.trainSize() + 10)));
            }
        }
        if (labelled == 0) {
            return registry.record(NewRun.failed(KIND, o.scope(), requested,
                    "the training data has no labelled anomalies after the learning part"));
        }
        List<List<LabelledRun>> halves = Benchmark.split(runs);
        List<LabelledRun> tune = halves.get(0);
        List<LabelledRun> test = halves.get(1);
        DetectorParams p = base.withSeed(o.seed());
        HyperparameterSearch.Result forestSearch = null;
        if (o.searchForest()) {
            progress.accept("searching Isolation Forest parameters");
            forestSearch = HyperparameterSearch.forest(p, tune, o.trials(), o.seed(),
                    (d, t) -> progress.accept("  forest trial " + d + "/" + t));
            p = forestSearch.params();
        }
        progress.accept("searching streaming detector parameters");
        HyperparameterSearch.Result search = HyperparameterSearch.streaming(p, tune, o.trials(), o.seed() + 1,
                (d, t) -> progress.accept("  streaming trial " + d + "/" + t));
        p = search.params();
        progress.accept("choosing the ensemble rule and threshold");
        List<Benchmark.RunParts> tuneParts = Benchmark.parts(tune, p);
        DetectorParams best = null;
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (DetectorParams c : Benchmark.ensembleGrid(p)) {
            if (!o.searchForest() && (c.weight(DetectorParams.IFOREST) > 0 || c.weight(DetectorParams.OCSVM) > 0)) {
                continue;
            }
            double v = Benchmark.objective(Benchmark.scored(tuneParts, null, c));
            if (v > bestObjective + 1e-9) {
                bestObjective = v;
                best = c;
            }
        }
        Scoring.Best op = Scoring.bestCombined(Benchmark.scored(tuneParts, null, best));
        DetectorParams trained = best.withThreshold(Math.round(op.threshold() * 1e4) / 1e4);
        progress.accept("measuring on the held-out half");
        List<Scoring.Scored> testScores = Benchmark.scored(Benchmark.parts(test, trained), null, trained);
        Scoring.PointMetrics pm = Scoring.pointwise(testScores, trained.threshold());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("nab", Scoring.nab(testScores, trained.threshold()));
        metrics.put("f1", pm.f1());
        metrics.put("precision", pm.precision());
        metrics.put("recall", pm.recall());
        metrics.put("bestF1", Scoring.bestF1(testScores).value());
        metrics.put("tuneObjective", bestObjective);
        metrics.put("searchObjective", search.objective());
        if (forestSearch != null) {
            metrics.put("forestSearchObjective", forestSearch.objective());
        }
        Path artifact = registry.nextArtifactPath(KIND, o.scope(), "json");
        trained.write(artifact);
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (LabelledRun r : runs) {
            SeriesTable t = r.table();
            from = Math.min(from, t.timestamp(0));
            to = Math.max(to, t.timestamp(t.size() - 1));
        }
        Map<String, Object> params = new LinkedHashMap<>(trained.asMap());
        params.put("trials", o.trials());
        params.put("trainingRuns", runs.size());
        if (forestSearch != null) {
            // every forest trial with its objective (the forest alone on the tuning half), so the choice can be checked
            List<Map<String, Object>> forestTrials = new ArrayList<>();
            for (HyperparameterSearch.Trial t : forestSearch.trials()) {
                Map<String, Object> trial = new LinkedHashMap<>();
                trial.put("ifTrees", t.params().ifTrees());
                trial.put("ifSampleSize", t.params().ifSampleSize());
                trial.put("contamination", t.params().contamination());
                trial.put("objective", t.objective());
                forestTrials.add(trial);
            }
            params.put("forestSearch", forestTrials);
        }
        return registry.record(NewRun.trained(KIND, o.scope(), params, metrics, from, to, artifact));
    }

    /** Reads a labelled CSV: timestamp, numeric columns, and a 0/1 label column; learning part = first trainSize. */
    public static LabelledRun labelled(Path csv, String labelColumn, int trainSize) {
        SeriesTable all = SeriesTable.read(csv);
        int label = all.columns().indexOf(labelColumn);
        if (label < 0) {
            throw new IllegalArgumentException(csv + ": no label column '" + labelColumn + "'");
        }
        List<String> cols = new ArrayList<>(all.columns());
        cols.remove(label);
        SeriesTable t = new SeriesTable(cols, all.size());
        boolean[] labels = new boolean[all.size()];
        double[] row = new double[cols.size()];
        for (int i = 0; i < all.size(); i++) {
            int k = 0;
            for (int c = 0; c < all.columns().size(); c++) {
                if (c != label) {
                    row[k++] = all.value(c, i);
                }
            }
            t.add(all.timestamp(i), row);
            labels[i] = all.value(label, i) > 0.5;
        }
        return new LabelledRun(csv.getFileName().toString(), t, labels, Math.min(trainSize, all.size()));
    }
}
