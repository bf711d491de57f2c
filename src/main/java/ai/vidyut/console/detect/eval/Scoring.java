package ai.vidyut.console.detect.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark metrics over a set of labelled runs: the NAB-style windowed score (standard profile: a true positive
 * earns up to 1, a miss costs 1, a false positive up to 0.11) and point-wise precision / recall / F1; plus the sweep
 * that picks one global threshold.
 */
public final class Scoring {

    public static final double A_TP = 1.0;
    public static final double A_FP = 0.11;
    public static final double A_FN = 1.0;

    private Scoring() {
    }

    /** Scores of one run with its labels; only rows from {@code from} on are evaluated. */
    public record Scored(double[] scores, boolean[] labels, int from) {
    }

    public record PointMetrics(double precision, double recall, double f1, long tp, long fp, long fn) {
    }

    public record Best(double threshold, double value) {
    }

    public static PointMetrics pointwise(List<Scored> runs, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Scored r : runs) {
            for (int i = r.from; i < r.scores.length; i++) {
                boolean det = r.scores[i] >= threshold && r.scores[i] > 0;
                if (det && r.labels[i]) {
                    tp++;
                } else if (det) {
                    fp++;
                } else if (r.labels[i]) {
                    fn++;
                }
            }
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double rc = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
        return new PointMetrics(p, rc, f1, tp, fp, fn);
    }

    static double scaledSigmoid(double y) {
        return 2 / (1 + Math.exp(5 * y)) - 1;
    }

    /** Windows [start, end] (inclusive) around each labelled segment, padded by 5 % of length per segment. */
    static List<int[]> windows(boolean[] labels, int from) {
        List<int[]> segs = new ArrayList<>();
        int i = from;
        while (i < labels.length) {
            if (labels[i]) {
                int s = i;
                while (i < labels.length && labels[i]) {
                    i++;
                }
                segs.add(new int[]{s, i - 1});
            } else {
                i++;
            }
        }
        if (segs.isEmpty()) {
            return segs;
        }
        int pad = Math.max(1, (int) Math.round(0.05 * (labels.length - from) / segs.size()));
        List<int[]> win = new ArrayList<>();
        for (int k = 0; k < segs.size(); k++) {
            int lo = Math.max(from, segs.get(k)[0] - pad);
            int hi = Math.min(labels.length - 1, segs.get(k)[1] + pad);
            if (!win.isEmpty() && lo <= win.get(win.size() - 1)[1]) {
                win.get(win.size() - 1)[1] = hi;
            } else {
                win.add(new int[]{lo, hi});
            }
        }
        return win;
    }

    /**
     * Normalised NAB score: 100 for detecting every window at its start with no false positives, 0 for detecting
     * nothing; negative when false positives cost more than the detections earn.
     */
    public static double nab(List<Scored> runs, double threshold) {
        double raw = 0;
        double perfect = 0;
        double none = 0;
        for (Scored r : runs) {
            List<int[]> win = windows(r.labels, r.from);
            boolean[] hit = new boolean[win.size()];
            int w = 0;
            int[] previous = null;
            for (int i = r.from; i < r.scores.length; i++) {
                while (w < win.size() && i > win.get(w)[1]) {
                    previous = win.get(w);
                    w++;
                }
                boolean det = r.scores[i] >= threshold && r.scores[i] > 0;
                if (!det) {
                    continue;
                }
                if (w < win.size() && i >= win.get(w)[0]) {
                    if (!hit[w]) {
                        hit[w] = true;
                        int[] cur = win.get(w);
                        double y = (double) (i - cur[1]) / (cur[1] - cur[0] + 1);
                        raw += A_TP * scaledSigmoid(y);
                    }
                } else if (previous != null) {
                    double y = (double) (i - previous[1]) / (previous[1] - previous[0] + 1);
                    raw += A_FP * scaledSigmoid(y);
                } else {
                    raw -= A_FP;
                }
            }
            for (int k = 0; k < win.size(); k++) {
                if (!hit[k]) {
                    raw -= A_FN;
                }
                perfect += A_TP * scaledSigmoid(-1);
                none -= A_FN;
            }
        }
        if (perfect == none) {
            return 0;
        }
        return 100 * (raw - none) / (perfect - none);
    }

    /** Candidate thresholds: quantiles of the pooled positive scores. */
    public static double[] candidates(List<Scored> runs, int count) {
        int total = 0;
        for (Scored r : runs) {
            total += r.scores.length - r.from;
        }
        double[] all = new double[total];
        int k = 0;
        for (Scored r : runs) {
            for (int i = r.from; i < r.scores.length; i++) {
                all[k++] = r.scores[i];
            }
        }
        Arrays.sort(all);
        double[] out = new double[count];
        for (int c = 0; c < count; c++) {
            double q = 0.5 + 0.5 * (1 - Math.pow(1 - (double) c / (count - 1), 2));
            out[c] = all[Math.min(all.length - 1, (int) (q * (all.length - 1)))];
        }
        double[] extra = new double[count + 20];
        System.arraycopy(out, 0, extra, 0, count);
        for (int c = 0; c < 20; c++) {
            extra[count + c] = 0.05 * (c + 1);
        }
        return Arrays.stream(extra).filter(t -> t > 0).distinct().sorted().toArray();
    }

    /** The threshold maximising F1 × 100 + NAB (one operating point good for both). */
    public static Best bestCombined(List<Scored> runs) {
        Best best = new Best(1, Double.NEGATIVE_INFINITY);
        for (double t : candidates(runs, 200)) {
            double v = 100 * pointwise(runs, t).f1() + nab(runs, t);
            if (v > best.value()) {
                best = new Best(t, v);
            }
        }
        return best;
    }

    public static Best bestF1(List<Scored> runs) {
        return bestF1(runs, 200);
    }

    public static Best bestF1(List<Scored> runs, int thresholds) {
        Best best = new Best(1, -1);
        for (double t : candidates(runs, thresholds)) {
            double f = pointwise(runs, t).f1();
            if (f > best.value()) {
                best = new Best(t, f);
            }
        }
        return best;
    }

    public static Best bestNab(List<Scored> runs) {
        return bestNab(runs, 200);
    }

    public static Best bestNab(List<Scored> runs, int thresholds) {
        Best best = new Best(1, Double.NEGATIVE_INFINITY);
        for (double t : candidates(runs, thresholds)) {
            double s = nab(runs, t);
            if (s > best.value()) {
                best = new Best(t, s);
            }
        }
        return best;
    }
}
