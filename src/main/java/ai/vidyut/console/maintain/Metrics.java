package ai.vidyut.console.maintain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Evaluation measures used when training (recorded in the model registry) and by the benchmarks. */
public final class Metrics {

    private Metrics() {
    }

    public static double rmse(double[] truth, double[] predicted) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            s += d * d;
        }
        return Math.sqrt(s / truth.length);
    }

    public static double mae(double[] truth, double[] predicted) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            s += Math.abs(predicted[i] - truth[i]);
        }
        return s / truth.length;
    }

    /**
     * The PHM08 challenge score: sum of exp(−d/13) − 1 for early predictions (d &lt; 0) and exp(d/10) − 1 for late ones,
     * d = predicted − true. Lower is better; late predictions cost more.
     */
    public static double phm08(double[] truth, double[] predicted) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            s += d < 0 ? Math.exp(-d / 13.0) - 1 : Math.exp(d / 10.0) - 1;
        }
        return s;
    }

    /** Share of truths inside [lower, upper]. */
    public static double coverage(double[] truth, double[] lower, double[] upper) {
        int in = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= lower[i] && truth[i] <= upper[i]) {
                in++;
            }
        }
        return (double) in / truth.length;
    }

    public static double accuracy(int[] truth, int[] predicted) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                ok++;
            }
        }
        return (double) ok / truth.length;
    }

    /** Precision, recall and F1 of the positive class. */
    public record Binary(double precision, double recall, double f1) {
    }

    public static Binary binary(int[] truth, int[] predicted, int positive) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean t = truth[i] == positive;
            boolean p = predicted[i] == positive;
            if (t && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (t) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Binary(precision, recall, f1);
    }

    /** Mean of the per-class F1 scores. */
    public static double macroF1(int[] truth, int[] predicted, int classes) {
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += binary(truth, predicted, c).f1();
        }
        return s / classes;
    }

    /** Area under the precision-recall curve as average precision (the step-wise sum, no interpolation). */
    public static double averagePrecision(boolean[] positive, double[] score) {
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -score[i]));
        int total = 0;
        for (boolean p : positive) {
            if (p) {
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int seen = 0;
        int i = 0;
        while (i < order.length) {
            // ties share one threshold
            int j = i;
            int tpTie = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (positive[order[j]]) {
                    tpTie++;
                }
                j++;
            }
            seen += j - i;
            tp += tpTie;
            if (tpTie > 0) {
                ap += ((double) tpTie / total) * ((double) tp / seen);
            }
            i = j;
        }
        return ap;
    }

    /** The score threshold maximising F1 of the positive class (predict positive when score ≥ threshold). */
    public static double bestF1Threshold(boolean[] positive, double[] score) {
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -score[i]));
        int total = 0;
        for (boolean p : positive) {
            if (p) {
                total++;
            }
        }
        double best = -1;
        double threshold = 0.5;
        int tp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                }
                j++;
            }
            double precision = (double) tp / j;
            double recall = total == 0 ? 0 : (double) tp / total;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best) {
                best = f1;
                // halfway to the next lower score, so that a slightly different score still counts
                double next = j < order.length ? score[order[j]] : 0;
                threshold = 0.5 * (score[order[i]] + next);
            }
            i = j;
        }
        return threshold;
    }
}
