package ai.vidyut.console.maintain;

/**
 * Condition-monitoring statistics of a window of samples: level (mean, RMS, peak), shape (crest factor, kurtosis,
 * skewness), trend (least-squares slope) and deviation (z-score against a baseline or a peer group).
 * All functions ignore NaN samples and return NaN when there is nothing to compute from.
 */
public final class ConditionFeatures {

    private ConditionFeatures() {
    }

    public static int count(double[] x) {
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    public static double mean(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (n − 1). */
    public static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += (v - m) * (v - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    public static double rms(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += v * v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(s / n);
    }

    /** Largest absolute sample. */
    public static double peak(double[] x) {
        double p = Double.NaN;
        for (double v : x) {
            if (!Double.isNaN(v) && (Double.isNaN(p) || Math.abs(v) > p)) {
                p = Math.abs(v);
            }
        }
        return p;
    }

    /** Peak over RMS: about 1.41 for a sine, larger for impulsive signals (bearing defects). */
    public static double crestFactor(double[] x) {
        double r = rms(x);
        return r == 0 || Double.isNaN(r) ? Double.NaN : peak(x) / r;
    }

    private static double centralMoment(double[] x, int k) {
        double m = mean(x);
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s += Math.pow(v - m, k);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    public static double skewness(double[] x) {
        double m2 = centralMoment(x, 2);
        return m2 <= 0 || Double.isNaN(m2) ? 0 : centralMoment(x, 3) / Math.pow(m2, 1.5);
    }

    /** Excess kurtosis: 0 for a normal distribution, larger for heavy tails and impulses. */
    public static double kurtosis(double[] x) {
        double m2 = centralMoment(x, 2);
        return m2 <= 0 || Double.isNaN(m2) ? 0 : centralMoment(x, 4) / (m2 * m2) - 3;
    }

    /** Least-squares slope of {@code y} against {@code t} (units of y per unit of t). */
    public static double slope(double[] t, double[] y) {
        return fit(t, y).slope();
    }

    /** A straight-line fit with the standard error of its slope and its coefficient of determination. */
    public record Line(double slope, double intercept, double slopeStdError, double r2, int n, double residualStd) {
        public double at(double t) {
            return intercept + slope * t;
        }
    }

    public static Line fit(double[] t, double[] y) {
        double st = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isNaN(t[i]) && !Double.isNaN(y[i])) {
                st += t[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 2) {
            return new Line(Double.NaN, n == 1 ? sy : Double.NaN, Double.NaN, Double.NaN, n, Double.NaN);
        }
        double mt = st / n;
        double my = sy / n;
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isNaN(t[i]) && !Double.isNaN(y[i])) {
                stt += (t[i] - mt) * (t[i] - mt);
                sty += (t[i] - mt) * (y[i] - my);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        if (stt == 0) {
            return new Line(0, my, Double.NaN, 0, n, Math.sqrt(syy / Math.max(1, n - 1)));
        }
        double slope = sty / stt;
        double intercept = my - slope * mt;
        double sse = Math.max(0, syy - slope * sty);
        double residualVar = n > 2 ? sse / (n - 2) : 0;
        double se = Math.sqrt(residualVar / stt);
        double r2 = syy == 0 ? 0 : 1 - sse / syy;
        return new Line(slope, intercept, se, r2, n, Math.sqrt(residualVar));
    }

    /** How many baseline standard deviations {@code value} lies from the baseline mean (0 when the baseline is flat). */
    public static double zScore(double value, double baselineMean, double baselineStd) {
        if (Double.isNaN(value) || Double.isNaN(baselineMean)) {
            return Double.NaN;
        }
        double sd = Double.isNaN(baselineStd) ? 0 : baselineStd;
        double floor = Math.max(1e-9, 0.01 * Math.abs(baselineMean));
        return (value - baselineMean) / Math.max(sd, floor);
    }

    /**
     * Deviation of {@code value} from a peer group (the same metric of similar assets), as a robust z-score:
     * distance from the peers' median over 1.4826 × their median absolute deviation. NaN with fewer than two peers.
     */
    public static double peerZScore(double value, double[] peers) {
        int n = count(peers);
        if (n < 2 || Double.isNaN(value)) {
            return Double.NaN;
        }
        double[] p = new double[n];
        int k = 0;
        for (double v : peers) {
            if (!Double.isNaN(v)) {
                p[k++] = v;
            }
        }
        double med = median(p);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(p[i] - med);
        }
        double mad = 1.4826 * median(dev);
        double floor = Math.max(1e-9, 0.02 * Math.abs(med));
        return (value - med) / Math.max(mad, floor);
    }

    public static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    public static double[] slice(double[] x, int from, int to) {
        return java.util.Arrays.copyOfRange(x, Math.max(0, from), Math.min(x.length, to));
    }
}
