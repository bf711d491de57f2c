package ai.vidyut.console.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Multivariate detector of broken relations between an asset's channels: on the first normal readings it learns,
 * for every channel, a ridge linear predictor from the asset's other channels (standardised); it then scores each
 * reading by the largest standardised prediction residual, and by the largest exponential moving average of the
 * residuals (a sustained small break), each calibrated on the training window like {@link MahalanobisDetector}.
 * Unlike the Mahalanobis distance it ignores how unusual the channels are <em>together</em> as long as they still
 * agree with each other (a cloudy day, a pump switching off), and flags a channel that no longer follows the
 * others (a pump drawing less power at full speed, an inverter heating without load). Causal: training uses only
 * the first readings, scoring only the past.
 */
public final class RelationDetector implements StreamingDetector {

    private static final double RIDGE = 1e-2;
    private static final double MIN_RESIDUAL_SD = 0.02;

    private final DetectorParams params;
    private final int p;
    private final double alpha;
    private final TrainingWindow window;
    private final List<double[]> training = new ArrayList<>();
    private final double[] last;
    private final double[] z;
    private final double[] residual;
    private final double[] smooth;
    private double[] mean;
    private double[] sd;
    private double[][] coef;
    private double[] residualSd;
    private Stats.Calibration pointCal;
    private Stats.Calibration smoothCal;
    private String failure;
    private int top = -1;

    public RelationDetector(DetectorParams params, int channels) {
        if (channels < 2) {
            throw new IllegalArgumentException("a relation needs at least two channels");
        }
        this.params = params;
        this.p = channels;
        this.alpha = 2.0 / (params.smoothWindow() + 1);
        this.window = new TrainingWindow(params.trainSize());
        this.last = new double[channels];
        this.z = new double[channels];
        this.residual = new double[channels];
        this.smooth = new double[channels];
    }

    @Override
    public String name() {
        return "relation";
    }

    public String failure() {
        return failure;
    }

    public boolean trained() {
        return pointCal != null;
    }

    @Override
    public double update(long ts, double[] row) {
        for (int j = 0; j < p; j++) {
            if (!Double.isNaN(row[j])) {
                last[j] = row[j];
            }
        }
        if (pointCal == null) {
            if (failure == null) {
                training.add(last.clone());
                if (window.add(ts)) {
                    train();
                }
            }
            return 0;
        }
        residuals(last, residual);
        double point = 0;
        double sm = 0;
        int topPoint = 0;
        int topSmooth = 0;
        for (int j = 0; j < p; j++) {
            smooth[j] += alpha * (residual[j] - smooth[j]);
            if (Math.abs(residual[j]) > point) {
                point = Math.abs(residual[j]);
                topPoint = j;
            }
            if (Math.abs(smooth[j]) > sm) {
                sm = Math.abs(smooth[j]);
                topSmooth = j;
            }
        }
        double zp = pointCal.z(point);
        double zs = smoothCal.z(sm);
        top = zs > zp ? topSmooth : topPoint;
        return Stats.tailScore(Math.max(zp, zs), params.decades());
    }

    /** The channel that least follows the others in the last scored reading; -1 before training. */
    public int topChannel() {
        return top;
    }

    /** What channel {@code j} of the last reading should have been given the other channels; NaN before training. */
    public double expected(int j) {
        if (pointCal == null) {
            return Double.NaN;
        }
        return mean[j] + sd[j] * predict(j, z);
    }

    private double predict(int j, double[] zRow) {
        double s = 0;
        int c = 0;
        for (int k = 0; k < p; k++) {
            if (k != j) {
                s += coef[j][c++] * zRow[k];
            }
        }
        return s;
    }

    private void residuals(double[] row, double[] out) {
        for (int j = 0; j < p; j++) {
            z[j] = Math.max(-50, Math.min(50, (row[j] - mean[j]) / sd[j]));
        }
        for (int j = 0; j < p; j++) {
            out[j] = (z[j] - predict(j, z)) / residualSd[j];
        }
    }

    private void train() {
        double[][] rows = training.toArray(new double[0][]);
        training.clear();
        int n = rows.length;
        mean = Stats.columnMeans(rows, p);
        sd = Stats.columnSds(rows, mean);
        double[][] zs = new double[n][p];
        double[][] cov = new double[p][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                zs[i][j] = Math.max(-50, Math.min(50, (rows[i][j] - mean[j]) / sd[j]));
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] += zs[i][a] * zs[i][b] / n;
                }
            }
        }
        try {
            coef = new double[p][p - 1];
            for (int j = 0; j < p; j++) {
                double[][] xx = new double[p - 1][p - 1];
                double[] xy = new double[p - 1];
                int ai = 0;
                for (int a = 0; a < p; a++) {
                    if (a == j) {
                        continue;
                    }
                    int bi = 0;
                    for (int b = 0; b < p; b++) {
                        if (b == j) {
                            continue;
                        }
                        xx[ai][bi] = cov[a][b] + (a == b ? RIDGE : 0);
                        bi++;
                    }
                    xy[ai] = cov[a][j];
                    ai++;
                }
                double[][] inv = Stats.invert(xx);
                for (int a = 0; a < p - 1; a++) {
                    double s = 0;
                    for (int b = 0; b < p - 1; b++) {
                        s += inv[a][b] * xy[b];
                    }
                    coef[j][a] = s;
                }
            }
            residualSd = new double[p];
            java.util.Arrays.fill(residualSd, 1);
            double[][] res = new double[n][p];
            double[] var = new double[p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    res[i][j] = zs[i][j] - predict(j, zs[i]);
                    var[j] += res[i][j] * res[i][j] / n;
                }
            }
            for (int j = 0; j < p; j++) {
                residualSd[j] = Math.max(MIN_RESIDUAL_SD, Math.sqrt(var[j]));
            }
            int skip = Math.min(n / 2, params.smoothWindow());
            double[] pr = new double[n];
            double[] sr = new double[n - skip];
            double[] s = new double[p];
            for (int i = 0; i < n; i++) {
                double mp = 0;
                double ms = 0;
                for (int j = 0; j < p; j++) {
                    double r = res[i][j] / residualSd[j];
                    s[j] = i == 0 ? r : s[j] + alpha * (r - s[j]);
                    mp = Math.max(mp, Math.abs(r));
                    ms = Math.max(ms, Math.abs(s[j]));
                }
                pr[i] = mp;
                if (i >= skip) {
                    sr[i - skip] = ms;
                }
            }
            pointCal = Stats.Calibration.fit(pr, 1 - params.contamination());
            smoothCal = Stats.Calibration.fit(sr, 1 - params.contamination());
            System.arraycopy(s, 0, smooth, 0, p);
        } catch (IllegalArgumentException e) {
            failure = "relation detector could not be trained: " + e.getMessage();
        }
    }
}
