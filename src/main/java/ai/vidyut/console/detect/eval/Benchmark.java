package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.SeriesDetector;
import ai.vidyut.console.detect.SeriesTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every detector over labelled runs once, then evaluates detectors and ensemble rules offline with thresholds
 * tuned on one set of runs and applied to another.
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** A run with the score of every detector per row ([detector][row], NaN where it does not apply). */
    public record RunParts(LabelledRun run, double[][] parts) {
    }

    /** Result of one detector or ensemble: thresholds tuned on one split, metrics on the other. */
    public record Evaluation(String name, double f1Threshold, Scoring.PointMetrics point, double nabThreshold,
                             double nab, double tunedF1, double tunedNab) {
    }

    public static DetectorParams allOn(DetectorParams p) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String d : DetectorParams.DETECTORS) {
            w.put(d, 1.0);
        }
        return p.withWeights(w, p.combine());
    }

    /** Scores every run with every detector ({@code params} weights are ignored). */
    public static List<RunParts> parts(List<LabelledRun> runs, DetectorParams params) {
        DetectorParams all = allOn(params);
        List<RunParts> out = new ArrayList<>();
        for (LabelledRun r : runs) {
            out.add(new RunParts(r, SeriesDetector.partsAll(all, r.table())));
        }
        return out;
    }

    /** Scores every run with only the detectors {@code params} enables. */
    public static List<RunParts> partsAsConfigured(List<LabelledRun> runs, DetectorParams params) {
        List<RunParts> out = new ArrayList<>();
        for (LabelledRun r : runs) {
            out.add(new RunParts(r, SeriesDetector.partsAll(params, r.table())));
        }
        return out;
    }

    /** Scores of one detector, or of the ensemble rule in {@code params} when {@code detector} is null. */
    public static List<Scoring.Scored> scored(List<RunParts> runs, String detector, DetectorParams params) {
        List<Scoring.Scored> out = new ArrayList<>();
        int index = -1;
        for (int d = 0; d < DetectorParams.DETECTORS.length; d++) {
            if (DetectorParams.DETECTORS[d].equals(detector)) {
                index = d;
            }
        }
        double[] p = new double[DetectorParams.DETECTORS.length];
        for (RunParts rp : runs) {
            int n = rp.run().labels().length;
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                if (index >= 0) {
                    double v = rp.parts()[index][i];
                    s[i] = Double.isNaN(v) ? 0 : v;
                } else {
                    for (int d = 0; d < p.length; d++) {
                        p[d] = rp.parts()[d][i];
                    }
                    s[i] = SeriesDetector.combine(p, params);
                }
            }
            out.add(new Scoring.Scored(s, rp.run().labels(), rp.run().scoreFrom()));
        }
        return out;
    }

    public static Evaluation evaluate(String name, List<Scoring.Scored> tune, List<Scoring.Scored> test) {
        Scoring.Best f1 = Scoring.bestF1(tune);
        Scoring.Best nab = Scoring.bestNab(tune);
        return new Evaluation(name, f1.threshold(), Scoring.pointwise(test, f1.threshold()), nab.threshold(),
                Scoring.nab(test, nab.threshold()), f1.value(), nab.value());
    }

    /** A single score combining both metrics, used to rank ensemble rules and hyperparameters. */
    public static double objective(List<Scoring.Scored> runs) {
        return Scoring.bestF1(runs, 60).value() * 100 + Scoring.bestNab(runs, 60).value();
    }

    /** Candidate ensemble rules: weight grids over the five detectors with mean and max combination. */
    public static List<DetectorParams> ensembleGrid(DetectorParams base) {
        double[] levels = {0, 0.5, 1};
        List<DetectorParams> out = new ArrayList<>();
        for (String rule : new String[]{"mean", "max"}) {
            for (double ws : levels) {
                for (double wm : levels) {
                    for (double wi : levels) {
                        for (double wo : levels) {
                            for (double wr : levels) {
                                if (ws + wm + wi + wo + wr == 0) {
                                    continue;
                                }
                                Map<String, Double> w = new LinkedHashMap<>();
                                w.put(DetectorParams.SURPRISE, ws);
                                w.put(DetectorParams.MAHALANOBIS, wm);
                                w.put(DetectorParams.IFOREST, wi);
                                w.put(DetectorParams.OCSVM, wo);
                                w.put(DetectorParams.RELATION, wr);
                                out.add(base.withWeights(w, rule));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Runs split in two halves by alternating order (deterministic). */
    public static List<List<LabelledRun>> split(List<LabelledRun> runs) {
        List<LabelledRun> a = new ArrayList<>();
        List<LabelledRun> b = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            (i % 2 == 0 ? a : b).add(runs.get(i));
        }
        return List.of(a, b);
    }

    public static SeriesTable table(LabelledRun r) {
        return r.table();
    }
}
