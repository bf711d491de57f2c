package ai.vidyut.console.detect;

/**
 * Multivariate detector for assets with several correlated channels (pump, inverter): learns the mean, deviation
 * and shrunk correlation of the standardised channels on the first {@code trainSize} readings, then scores each
 * reading by its Mahalanobis distance (Hotelling's T, for sudden breaks of the joint pattern) and by the distance
 * of an exponential moving average of the readings (for sustained shifts hidden in noise), each calibrated on the
 * training window.
 */
public final class MahalanobisDetector implements StreamingDetector {

    private final DetectorParams params;
    private final int p;
    private final double alpha;
    private final java.util.List<double[]> training = new java.util.ArrayList<>();
    private final TrainingWindow window;
    private int collected;
    private double[] mean;
    private double[] sd;
    private double[][] pointInverse;
    private double[][] smoothInverse;
    private double[] smoothMean;
    private Stats.Calibration pointCal;
    private Stats.Calibration smoothCal;
    private final double[] smooth;
    private final double[] last;
    private final double[] z;
    private boolean smoothStarted;
    private String failure;

    public MahalanobisDetector(DetectorParams params, int channels) {
        this.params = params;
        this.p = channels;
        this.alpha = 2.0 / (params.smoothWindow() + 1);
        this.window = new TrainingWindow(params.trainSize());
        this.smooth = new double[channels];
        this.last = new double[channels];
        this.z = new double[channels];
    }

    @Override
    public String name() {
        return DetectorParams.MAHALANOBIS;
    }

    public String failure() {
        return failure;
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
                collected++;
                if (window.add(ts)) {
                    train();
                }
            }
            return 0;
        }
        standardise(last, z);
        double point = Math.sqrt(quad(pointInverse, z, null));
        for (int j = 0; j < p; j++) {
            smooth[j] += alpha * (z[j] - smooth[j]);
        }
        double sm = Math.sqrt(quad(smoothInverse, smooth, smoothMean));
        double zz = Math.max(pointCal.z(point), smoothCal.z(sm));
        return Stats.tailScore(zz, params.decades());
    }

    private void train() {
        double[][] rows = training.toArray(new double[0][]);
        training.clear();
        int n = rows.length;
        mean = Stats.columnMeans(rows, p);
        sd = Stats.columnSds(rows, mean);
        double[][] zs = new double[n][p];
        double[][] ss = new double[n][p];
        double[] s = new double[p];
        for (int i = 0; i < n; i++) {
            standardise(rows[i], zs[i]);
            for (int j = 0; j < p; j++) {
                s[j] = i == 0 ? zs[i][j] : s[j] + alpha * (zs[i][j] - s[j]);
            }
            ss[i] = s.clone();
        }
        try {
            pointInverse = Stats.invert(shrunkCovariance(zs, 0, new double[p]));
            int skip = Math.min(n / 2, params.smoothWindow());
            smoothMean = columnMean(ss, skip);
            smoothInverse = Stats.invert(shrunkCovariance(ss, skip, smoothMean));
            double[] pr = new double[n];
            double[] sr = new double[n - skip];
            for (int i = 0; i < n; i++) {
                pr[i] = Math.sqrt(quad(pointInverse, zs[i], null));
                if (i >= skip) {
                    sr[i - skip] = Math.sqrt(quad(smoothInverse, ss[i], smoothMean));
                }
            }
            pointCal = Stats.Calibration.fit(pr, 1 - params.contamination());
            smoothCal = Stats.Calibration.fit(sr, 1 - params.contamination());
            System.arraycopy(s, 0, smooth, 0, p);
            smoothStarted = true;
        } catch (IllegalArgumentException e) {
            failure = "mahalanobis could not be trained: " + e.getMessage();
        }
    }

    private static double[] columnMean(double[][] x, int from) {
        int p = x[0].length;
        double[] m = new double[p];
        for (int i = from; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                m[j] += x[i][j] / (x.length - from);
            }
        }
        return m;
    }

    private double[][] shrunkCovariance(double[][] x, int from, double[] m) {
        double[][] c = new double[p][p];
        int n = x.length - from;
        for (int i = from; i < x.length; i++) {
            for (int a = 0; a < p; a++) {
                double da = x[i][a] - m[a];
                for (int b = a; b < p; b++) {
                    c[a][b] += da * (x[i][b] - m[b]) / Math.max(1, n - 1);
                }
            }
        }
        double lambda = params.shrinkage();
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double v = (1 - lambda) * c[a][b];
                if (a == b) {
                    v += lambda * Math.max(c[a][a], 1e-6) + 1e-9;
                }
                c[a][b] = v;
                c[b][a] = v;
            }
        }
        return c;
    }

    private void standardise(double[] row, double[] out) {
        for (int j = 0; j < p; j++) {
            out[j] = Math.max(-50, Math.min(50, (row[j] - mean[j]) / sd[j]));
        }
    }

    private double quad(double[][] inv, double[] v, double[] center) {
        double q = 0;
        for (int a = 0; a < p; a++) {
            double da = center == null ? v[a] : v[a] - center[a];
            double rowSum = 0;
            for (int b = 0; b < p; b++) {
                double db = center == null ? v[b] : v[b] - center[b];
                rowSum += inv[a][b] * db;
            }
            q += da * rowSum;
        }
        return Math.max(0, q);
    }
}
