package ai.vidyut.console.forecast;

import java.util.Arrays;
import java.util.Locale;

/**
 * The 95 % band of the load (non-PV) forecaster: normalised split-conformal prediction with a learned scale.
 * Each calibration error e(k, h) is divided by a predicted scale σ(k, h) = s(h) · g(k) before its weighted empirical
 * quantiles are taken, and the band of the new forecast is ŷ + q · s(h) · g(now). s(h) is the error's RMS by horizon;
 * g is a log-linear model of how large a day's errors are, fitted by ridge regression on the calibration days from
 * what is known at each origin (see {@link #features}). The miscoverage level is adaptive (ACI) on top.
 */
final class BandScale {

    /** Recent day-over-day change: RMS over the last 14 days (slow) and over the last 2 days (fast). */
    static final int VOL14 = 0;
    static final int VOL2 = 1;
    /** RMS of the decomposable model's residuals over the last day: how far from its calendar the load is now. */
    static final int RESID = 2;
    /** RMS difference between the forecast and the same hours of the last observed day: the change forecast. */
    static final int CHANGE = 3;
    /** RMS of the short-horizon correction applied. */
    static final int CORR = 4;
    /** Mean forecast level. */
    static final int LEVEL = 5;
    static final int FEATURES = 6;

    /**
     * A band method.
     *
     * @param legacy   the method before the scale model: scale = s(h) × 14-day volatility shrunk halfway to its mean
     * @param features features of the log-linear scale model (indexes above)
     * @param ridge    ridge penalty of the scale model, relative to the features' mean variance
     * @param gamma    ACI step (0: fixed 5 % level)
     * @param maxBeta  the scale model's coefficients are clamped to [0, maxBeta] (a larger feature never narrows)
     * @param levelExp errors are first divided by (forecast level / mean level)^levelExp: 1 makes them relative
     */
    record Variant(String name, boolean legacy, int[] features, double ridge, double gamma, double maxBeta,
                   double levelExp) {
    }

    record Band(double[] lower, double[] upper, double[][] calLower, double[][] calUpper, double alpha,
                String method) {
    }

    /** The band before this scale model (kept for comparison in the development bench). */
    static final Variant LEGACY = new Variant("previous: horizon x shrunk 14-day volatility, ACI", true, new int[0],
            0, Forecaster.ACI_GAMMA, 0, 0);
    /** Plain split-conformal: one scale per horizon, fixed level. */
    static final Variant PLAIN = new Variant("plain split-conformal by horizon", false, new int[0], 0, 0, 0, 0);
    /**
     * Chosen on the development windows (bench/results/forecast.md): relative errors, scaled by a model of the
     * 14-day and 2-day volatility and of the forecast day-ahead change, with ACI.
     */
    static final Variant DEFAULT = new Variant("relative errors x scale(14-day vol, 2-day vol, forecast change), ACI",
            false, new int[] {VOL14, VOL2, CHANGE}, 0.1, Forecaster.ACI_GAMMA, 2, 1);

    private BandScale() {
    }

    /** The scale features at an origin (all from data up to the origin and the forecast made there). */
    static double[] features(RegularSeries s, int origin, int p, double[] pred, double w, double[] corr,
                             double resid) {
        double[] f = new double[FEATURES];
        f[VOL14] = Forecaster.volatility(s, origin, p, null);
        f[VOL2] = dayChangeRms(s, origin, p, 2);
        f[RESID] = resid;
        double ss = 0;
        double cc = 0;
        double lvl = 0;
        for (int h = 0; h < pred.length; h++) {
            int back = p * ((h + p) / p); // the same time of day in the last observed day
            double d = pred[h] - s.value(origin + 1 + h - back);
            ss += d * d;
            cc += w * corr[h] * w * corr[h];
            lvl += Math.abs(pred[h]);
        }
        f[CHANGE] = Math.sqrt(ss / pred.length);
        f[CORR] = Math.sqrt(cc / pred.length);
        f[LEVEL] = lvl / pred.length;
        return f;
    }

    private static double dayChangeRms(RegularSeries s, int origin, int p, int days) {
        double ss = 0;
        int n = 0;
        for (int t = Math.max(p, origin - days * p + 1); t <= origin; t++) {
            double d = s.value(t) - s.value(t - p);
            ss += d * d;
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(ss / n);
    }

    static Band band(Variant v, Forecaster.Calibration cal, double[] pred) {
        double[][] rawErr = cal.err();
        int m = rawErr.length;
        int horizon = pred.length;
        double[][] lf = new double[m][horizon];
        double[] lfNow = new double[horizon];
        double lm = 0;
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                lm += Math.abs(cal.predicted()[k][h]);
            }
        }
        lm = Math.max(1e-12, lm / (m * horizon));
        // relative errors only for a series that stays well above zero (load): a series that crosses zero (battery
        // or net-meter power, temperatures) would get a band of nearly zero width at its crossings
        double minPred = Double.POSITIVE_INFINITY;
        for (double[] row : cal.predicted()) {
            for (double x : row) {
                minPred = Math.min(minPred, x);
            }
        }
        for (double x : pred) {
            minPred = Math.min(minPred, x);
        }
        double levelExp = minPred > 0.2 * lm ? v.levelExp() : 0;
        double[][] err = new double[m][horizon];
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                lf[k][h] = levelExp == 0 ? 1 : Math.pow(cal.predicted()[k][h] / lm, levelExp);
                err[k][h] = rawErr[k][h] / lf[k][h];
            }
        }
        for (int h = 0; h < horizon; h++) {
            lfNow[h] = levelExp == 0 ? 1 : Math.pow(pred[h] / lm, levelExp);
        }
        double[] weights = cal.weights();
        double[] g = new double[m];
        double gNow;
        if (v.legacy()) {
            double[] vol = new double[m];
            for (int k = 0; k < m; k++) {
                vol[k] = cal.features()[k][VOL14];
            }
            double volMean = Forecaster.shrink(vol);
            g = vol;
            gNow = Forecaster.shrunk(cal.now()[VOL14], volMean);
        } else {
            int nf = v.features().length;
            double[][] x = new double[m][nf];
            double[] xNow = new double[nf];
            for (int j = 0; j < nf; j++) {
                int f = v.features()[j];
                double mean = 0;
                for (int k = 0; k < m; k++) {
                    mean += cal.features()[k][f];
                }
                mean /= m;
                double floor = Math.max(1e-12, 0.05 * mean);
                double mu = 0;
                for (int k = 0; k < m; k++) {
                    x[k][j] = Math.log(cal.features()[k][f] + floor);
                    mu += x[k][j];
                }
                mu /= m;
                for (int k = 0; k < m; k++) {
                    x[k][j] -= mu;
                }
                xNow[j] = Math.log(cal.now()[f] + floor) - mu;
            }
            double[] h0 = Forecaster.horizonScale(err, horizon);
            double[] y = new double[m];
            double ym = 0;
            for (int k = 0; k < m; k++) {
                double ss = 0;
                for (int h = 0; h < horizon; h++) {
                    double z = err[k][h] / h0[h];
                    ss += z * z;
                }
                y[k] = 0.5 * Math.log(ss / horizon + 1e-12);
                ym += y[k];
            }
            ym /= m;
            for (int k = 0; k < m; k++) {
                y[k] -= ym;
            }
            double[] beta = ridge(x, y, v.ridge());
            for (int j = 0; j < nf; j++) {
                beta[j] = Math.max(0, Math.min(v.maxBeta(), beta[j]));
            }
            for (int k = 0; k < m; k++) {
                g[k] = Math.exp(dot(x[k], beta));
            }
            gNow = Math.exp(dot(xNow, beta));
        }
        double[][] errN = new double[m][horizon];
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                errN[k][h] = err[k][h] / g[k];
            }
        }
        double[] hScale = Forecaster.horizonScale(errN, horizon);
        double[][] scales = new double[m][horizon];
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                scales[k][h] = hScale[h] * g[k] * lf[k][h];
            }
        }
        double alpha = v.gamma() > 0
                ? Forecaster.adaptiveAlpha(rawErr, scales, cal.seasonal(), v.gamma())
                : Forecaster.ALPHA;
        double[] q = Forecaster.conformalQuantiles(rawErr, scales, weights, alpha);
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            lo[h] = pred[h] + q[0] * hScale[h] * gNow * lfNow[h];
            hi[h] = pred[h] + q[1] * hScale[h] * gNow * lfNow[h];
        }
        double[][] cl = new double[m][horizon];
        double[][] cu = new double[m][horizon];
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                cl[k][h] = q[0] * scales[k][h];
                cu[k][h] = q[1] * scales[k][h];
            }
        }
        String method = v.legacy() ? String.format(Locale.ROOT, "conformal: rolling-origin errors of %d origins (%d a"
                + " year before), scaled by horizon and recent volatility; adaptive level %.1f %% from the recent"
                + " origins' misses", m, cal.seasonal(), 100 * (1 - alpha))
                : String.format(Locale.ROOT, "normalised conformal: rolling-origin errors of %d origins (%d a year"
                + " before) relative to the forecast level, scaled by horizon and by a scale model of recent"
                + " volatility and the forecast change (x%.2f for this forecast); adaptive level %.1f %% from the"
                + " recent origins' misses", m, cal.seasonal(), gNow, 100 * (1 - alpha));
        return new Band(lo, hi, cl, cu, alpha, method);
    }

    private static double dot(double[] a, double[] b) {
        double z = 0;
        for (int i = 0; i < a.length; i++) {
            z += a[i] * b[i];
        }
        return z;
    }

    /**
     * Ridge regression without intercept (x and y centred), penalty {@code rel} times the mean diagonal of the Gram
     * matrix; solved by the forecaster's own {@link Ridge}.
     */
    static double[] ridge(double[][] x, double[] y, double rel) {
        int nf = x.length == 0 ? 0 : x[0].length;
        if (nf == 0) {
            return new double[0];
        }
        Ridge.Design design = new Ridge.Design(x.length, nf);
        double trace = 0;
        for (int k = 0; k < x.length; k++) {
            design.setRow(k, x[k]);
            for (double v : x[k]) {
                trace += v * v;
            }
        }
        double[] penalty = new double[nf];
        java.util.Arrays.fill(penalty, rel * trace / nf);
        return Ridge.solve(design, y, penalty);
    }
}
