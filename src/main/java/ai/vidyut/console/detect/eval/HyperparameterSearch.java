package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.DetectorParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random hyperparameter search scored by the benchmark objective (best point-wise F1 × 100 + best NAB score) on
 * the runs given, which must be tuning runs only. Trial 0 is always the starting parameters, so the result is never
 * worse than them on those runs. Deterministic for a seed.
 */
public final class HyperparameterSearch {

    private HyperparameterSearch() {
    }

    public record Trial(DetectorParams params, double objective) {
    }

    public record Result(DetectorParams params, double objective, double baselineObjective, List<Trial> trials,
                         String kind) {
        public String describe() {
            if (kind.equals(DetectorParams.IFOREST)) {
                return String.format(Locale.ROOT, "trees=%d sampleSize=%d contamination=%.3f", params.ifTrees(),
                        params.ifSampleSize(), params.contamination());
            }
            return String.format(Locale.ROOT, "longHalfLife=%.0f shortWindow=%d mediumWindow=%d anomalyWeight=%.2f "
                            + "smoothWindow=%d shrinkage=%.2f", params.longHalfLife(), params.shortWindow(),
                    params.mediumWindow(), params.anomalyWeight(), params.smoothWindow(), params.shrinkage());
        }
    }

    /** Optional progress callback: (trial index, trials). */
    public interface Progress {
        void trial(int done, int total);
    }

    /** Searches Isolation Forest trees, sample size and contamination, scoring the forest alone. */
    public static Result forest(DetectorParams base, List<LabelledRun> runs, int trials, long seed) {
        return forest(base, runs, trials, seed, (a, b) -> { });
    }

    public static Result forest(DetectorParams base, List<LabelledRun> runs, int trials, long seed,
                                Progress progress) {
        Random r = new Random(seed);
        int[] trees = {50, 100, 200};
        int[] samples = {64, 128, 256, 512};
        double[] contamination = {0.005, 0.01, 0.02, 0.05};
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(DetectorParams.IFOREST, 1.0);
        List<Trial> done = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            DetectorParams p = t == 0 ? base : base.withForest(trees[r.nextInt(trees.length)],
                    samples[r.nextInt(samples.length)], contamination[r.nextInt(contamination.length)]);
            List<Benchmark.RunParts> parts = Benchmark.partsAsConfigured(runs, p.withWeights(w, "mean"));
            done.add(new Trial(p, Benchmark.objective(Benchmark.scored(parts, DetectorParams.IFOREST, p))));
            progress.trial(t + 1, trials);
        }
        return best(done, DetectorParams.IFOREST);
    }

    /** Searches the streaming and multivariate detectors' parameters, scoring their equal-weight mean. */
    public static Result streaming(DetectorParams base, List<LabelledRun> runs, int trials, long seed) {
        return streaming(base, runs, trials, seed, (a, b) -> { });
    }

    public static Result streaming(DetectorParams base, List<LabelledRun> runs, int trials, long seed,
                                   Progress progress) {
        Random r = new Random(seed);
        double[] halfLives = {100, 200, 300, 600, 1000};
        int[] shorts = {4, 6, 8, 12, 16};
        int[] mediums = {32, 64, 128};
        double[] anomalyWeights = {0.05, 0.1, 0.25, 0.5};
        int[] smooth = {10, 20, 30, 60};
        double[] shrink = {0.1, 0.3, 0.5};
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(DetectorParams.SURPRISE, 1.0);
        w.put(DetectorParams.MAHALANOBIS, 1.0);
        List<Trial> done = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            DetectorParams p = t == 0 ? base : base
                    .withSurprise(halfLives[r.nextInt(halfLives.length)], shorts[r.nextInt(shorts.length)],
                            mediums[r.nextInt(mediums.length)], anomalyWeights[r.nextInt(anomalyWeights.length)],
                            base.decades())
                    .withMahalanobis(smooth[r.nextInt(smooth.length)], shrink[r.nextInt(shrink.length)]);
            DetectorParams scored = p.withWeights(w, "mean");
            List<Benchmark.RunParts> parts = Benchmark.partsAsConfigured(runs, scored);
            done.add(new Trial(p, Benchmark.objective(Benchmark.scored(parts, null, scored))));
            progress.trial(t + 1, trials);
        }
        return best(done, DetectorParams.SURPRISE);
    }

    private static Result best(List<Trial> trials, String kind) {
        Trial best = trials.get(0);
        for (Trial t : trials) {
            if (t.objective() > best.objective() + 1e-9) {
                best = t;
            }
        }
        return new Result(best.params(), best.objective(), trials.get(0).objective(), trials, kind);
    }
}
