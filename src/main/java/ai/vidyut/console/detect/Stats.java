package ai.vidyut.console.detect;

import java.util.Arrays;

/** Small numeric helpers shared by the detectors. */
public final class Stats {

    private Stats() {
    }

    /**
     * Maps a standard-normal-like surprise {@code z} to [0, 1): with {@code d = -log10} of the two-sided Gaussian
     * tail probability (z = 3 ≈ 2.6 decades, z = 5 ≈ 6.2, z = 6 ≈ 8.7), the score is {@code d / (d + decades)}, so
     * {@code decades} maps to 0.5 and the score never saturates (thresholds stay sweepable).
     */
    /** The mean of each of the first {@code p} columns. */
    static double[] columnMeans(double[][] rows, int p) {
        double[] mean = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        return mean;
    }

    /**
     * The sample standard deviation of each column, floored at a thousandth of the column's magnitude so that a
     * constant channel standardises to finite values.
     */
    static double[] columnSds(double[][] rows, double[] mean) {
        int p = mean.length;
        double[] sd = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / Math.max(1, rows.length - 1);
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j]);
            double floor = 1e-3 * (Math.abs(mean[j]) + 1e-3);
            if (!(sd[j] > floor)) {
                sd[j] = floor;
            }
        }
        return sd;
    }

    public static double tailScore(double z, double decades) {
        if (!(z > 0)) {
            return 0;
        }
        double log10Tail = log10Erfc(z / Math.sqrt(2));
        return decadesScore(-log10Tail, decades);
    }

    public static double decadesScore(double d, double decades) {
        return d <= 0 ? 0 : d / (d + decades);
    }

    /** log10 of erfc(x) for x ≥ 0, without underflow (Numerical Recipes' erfcc, relative error < 1.2e-7). */
    static double log10Erfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return (Math.log(t) + poly) / Math.log(10);
    }

    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Calibrates a raw detector output into a z-like surprise from its distribution on normal (training) data:
     * the median maps to 0 and the 99th percentile to 2.33, as for a standard normal variable.
     */
    public record Calibration(double median, double q99) {
        public static Calibration fit(double[] raw) {
            return fit(raw, 0.99);
        }

        /** As {@link #fit(double[])} with the reference quantile {@code level} mapped to 2.33. */
        public static Calibration fit(double[] raw, double level) {
            double[] s = raw.clone();
            Arrays.sort(s);
            double med = quantile(s, 0.5);
            double q = quantile(s, level);
            if (!(q > med)) {
                double spread = Math.abs(med) * 1e-3 + 1e-9;
                q = med + spread;
            }
            return new Calibration(med, q);
        }

        public double z(double raw) {
            return 2.326 * (raw - median) / (q99 - median);
        }
    }

    /** Inverse of a small symmetric positive definite matrix by Gauss-Jordan elimination with pivoting. */
    public static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double p = m[col][col];
            if (Math.abs(p) < 1e-12) {
                throw new IllegalArgumentException("singular covariance matrix");
            }
            for (int j = 0; j < 2 * n; j++) {
                m[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && m[r][col] != 0) {
                    double f = m[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        m[r][j] -= f * m[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
