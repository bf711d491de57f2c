package ai.vidyut.console.forecast;

import java.util.Arrays;
import java.util.Locale;

/**
 * The 95 % band of the load (non-PV) forecaster: normalised split-conformal prediction with a learned scale.
 * Each calibration error e(k, h) is divided by a predicted scale σ(k, h) = s(h) · g(k) before its weighted empirical
 * quantiles are taken, and the band of the new forecast is ŷ + q · s(h) · g(now). s(h) is the error's RMS by horizon;
 * g is a log-linear model of how large a day's errors are, fitted by ridge regression on the calibration days from
 * what is known at each origin (see {@link #features}). The miscoverage level is adaptive (ACI) on top, replayed out
 * of sample: each replayed calibration day is banded with a scale model and horizon scale fitted on the days before it
 * only, as the forecast being made is (scales fitted on all calibration days, the day itself included, make the
 * replayed scores look more alike than the next day's will be, so the level settled on missed more than 5 %).
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
     * @param outOfSampleReplay the ACI replay bands each day with scales fitted on the days before it only (else with
     *                 the scales fitted on all calibration days, as before round four)
     */
    record Variant(String name, boolean legacy, int[] features, double ridge, double gamma, double maxBeta,
                   double levelExp, boolean outOfSampleReplay) {
        Variant withReplay(String newName, double newGamma, boolean outOfSample) {
            return new Variant(newName, legacy, features, ridge, newGamma, maxBeta, levelExp, outOfSample);
        }
    }

    record Band(double[] lower, double[] upper, double[][] calLower, double[][] calUpper, double alpha,
                String method) {
    }

    /** The round-two band, before the scale model (kept for comparison in the development bench). */
    static final Variant LEGACY = new Variant("round 2: horizon x shrunk 14-day volatility, ACI", true, new int[0],
            0, Forecaster.ACI_GAMMA, 0, 0, false);
    /** Plain split-conformal: one scale per horizon, fixed level. */
    static final Variant PLAIN = new Variant("plain split-conformal by horizon", false, new int[0], 0, 0, 0, 0,
            false);
    /**
     * Round three (bench/results/forecast.md): relative errors, scaled by a model of the 14-day and 2-day volatility
     * and of the forecast day-ahead change, with ACI replayed on the scales fitted on all calibration days.
     */
    static final Variant ROUND3 = new Variant("round 3: relative x scale(vol14, vol2, change), ACI in-sample", false,
            new int[] {VOL14, VOL2, CHANGE}, 0.1, Forecaster.ACI_GAMMA, 2, 1, false);
    /** Chosen on the development data (bench/results/forecast.md, round four): the same with an out-of-sample replay. */
    static final Variant DEFAULT = ROUND3.withReplay("round 4: same scale, ACI replayed out of sample",
            Forecaster.ACI_GAMMA, true);

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

    /**
     * The calibration errors made relative to the forecast level ({@code err}, divided by {@code factor}), and the
     * same level factor for the forecast being made ({@code factorNow}).
     */
    private record Relative(double[][] err, double[][] factor, double[] factorNow) {
    }

    private static Relative relative(Variant v, Forecaster.Calibration cal, double[] pred) {
        double[][] rawErr = cal.err();
        int m = rawErr.length;
        int horizon = pred.length;
        double lm = 0;
        double minPred = Double.POSITIVE_INFINITY;
        for (double[] row : cal.predicted()) {
            for (double x : row) {
                lm += Math.abs(x);
                minPred = Math.min(minPred, x);
            }
        }
        for (double x : pred) {
            minPred = Math.min(minPred, x);
        }
        lm = Math.max(1e-12, lm / (m * horizon));
        // relative errors only for a series that stays well above zero (load): a series that crosses zero (battery
        // or net-meter power, temperatures) would get a band of nearly zero width at its crossings
        double levelExp = minPred > 0.2 * lm ? v.levelExp() : 0;
        double[][] err = new double[m][horizon];
        double[][] lf = new double[m][horizon];
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                lf[k][h] = levelExp == 0 ? 1 : Math.pow(cal.predicted()[k][h] / lm, levelExp);
                err[k][h] = rawErr[k][h] / lf[k][h];
            }
        }
        double[] lfNow = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            lfNow[h] = levelExp == 0 ? 1 : Math.pow(pred[h] / lm, levelExp);
        }
        return new Relative(err, lf, lfNow);
    }

    /**
     * The scale fitted on the first {@code days} calibration days: horizon scale s(h) and the day scale g as a
     * function of a day's features.
     */
    private static final class ScaleFit {
        final double[] hScale;
        private final Variant v;
        private final double[] beta;
        private final double[] mu;
        private final double[] floor;
        private final double volMean;

        private ScaleFit(Variant v, double[] hScale, double[] beta, double[] mu, double[] floor, double volMean) {
            this.v = v;
            this.hScale = hScale;
            this.beta = beta;
            this.mu = mu;
            this.floor = floor;
            this.volMean = volMean;
        }

        double g(double[] feat) {
            if (v.legacy()) {
                return volMean > 0 ? Forecaster.shrunk(feat[VOL14], volMean) : 1;
            }
            double z = 0;
            for (int j = 0; j < beta.length; j++) {
                z += beta[j] * (Math.log(feat[v.features()[j]] + floor[j]) - mu[j]);
            }
            return Math.exp(z);
        }

        static ScaleFit fit(Variant v, double[][] feats, double[][] err, int days) {
            int horizon = err[0].length;
            double[][] first = Arrays.copyOf(err, days);
            int nf = v.features().length;
            double[] beta = new double[nf];
            double[] mu = new double[nf];
            double[] floor = new double[nf];
            double volMean = 0;
            if (v.legacy()) {
                for (int k = 0; k < days; k++) {
                    volMean += feats[k][VOL14];
                }
                volMean /= days;
            } else if (nf > 0) {
                double[][] x = new double[days][nf];
                for (int j = 0; j < nf; j++) {
                    int f = v.features()[j];
                    double mean = 0;
                    for (int k = 0; k < days; k++) {
                        mean += feats[k][f];
                    }
                    floor[j] = Math.max(1e-12, 0.05 * mean / days);
                    for (int k = 0; k < days; k++) {
                        x[k][j] = Math.log(feats[k][f] + floor[j]);
                        mu[j] += x[k][j];
                    }
                    mu[j] /= days;
                    for (int k = 0; k < days; k++) {
                        x[k][j] -= mu[j];
                    }
                }
                double[] h0 = Forecaster.horizonScale(first, horizon);
                double[] y = new double[days];
                double ym = 0;
                for (int k = 0; k < days; k++) {
                    double ss = 0;
                    for (int h = 0; h < horizon; h++) {
                        double z = err[k][h] / h0[h];
                        ss += z * z;
                    }
                    y[k] = 0.5 * Math.log(ss / horizon + 1e-12);
                    ym += y[k];
                }
                ym /= days;
                for (int k = 0; k < days; k++) {
                    y[k] -= ym;
                }
                beta = ridge(x, y, v.ridge());
                for (int j = 0; j < nf; j++) {
                    beta[j] = Math.max(0, Math.min(v.maxBeta(), beta[j]));
                }
            }
            ScaleFit noHorizon = new ScaleFit(v, null, beta, mu, floor, volMean);
            double[][] errN = new double[days][horizon];
            for (int k = 0; k < days; k++) {
                double g = noHorizon.g(feats[k]);
                for (int h = 0; h < horizon; h++) {
                    errN[k][h] = err[k][h] / g;
                }
            }
            return new ScaleFit(v, Forecaster.horizonScale(errN, horizon), beta, mu, floor, volMean);
        }

        /** The full scale σ(k, h) of each of the first {@code days} calibration days. */
        double[][] scales(double[][] feats, double[][] levelFactor, int days) {
            int horizon = hScale.length;
            double[][] out = new double[days][horizon];
            for (int k = 0; k < days; k++) {
                double g = g(feats[k]);
                for (int h = 0; h < horizon; h++) {
                    out[k][h] = hScale[h] * g * levelFactor[k][h];
                }
            }
            return out;
        }
    }

    static Band band(Variant v, Forecaster.Calibration cal, double[] pred) {
        double[][] rawErr = cal.err();
        int m = rawErr.length;
        int horizon = pred.length;
        Relative rel = relative(v, cal, pred);
        ScaleFit fit = ScaleFit.fit(v, cal.features(), rel.err(), m);
        double[][] scales = fit.scales(cal.features(), rel.factor(), m);
        double gNow = fit.g(cal.now());
        double alpha = Forecaster.ALPHA;
        if (v.gamma() > 0) {
            java.util.function.IntFunction<double[][]> scalesAt = v.outOfSampleReplay()
                    ? k -> ScaleFit.fit(v, cal.features(), rel.err(), k).scales(cal.features(), rel.factor(), k + 1)
                    : k -> scales;
            alpha = Forecaster.adaptiveAlpha(rawErr, scalesAt, cal.seasonal(), v.gamma());
        }
        double[] q = Forecaster.conformalQuantiles(rawErr, scales, cal.weights(), alpha);
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double sc = fit.hScale[h] * gNow * rel.factorNow()[h];
            lo[h] = pred[h] + q[0] * sc;
            hi[h] = pred[h] + q[1] * sc;
        }
        double[][] cl = new double[m][horizon];
        double[][] cu = new double[m][horizon];
        for (int k = 0; k < m; k++) {
            for (int h = 0; h < horizon; h++) {
                cl[k][h] = q[0] * scales[k][h];
                cu[k][h] = q[1] * scales[k][h];
            }
        }
        String levelText = String.format(Locale.ROOT, "adaptive level %.1f %% from the recent origins' misses%s",
                100 * (1 - alpha), v.outOfSampleReplay() ? " (replayed out of sample)" : "");
        String method = v.legacy() ? String.format(Locale.ROOT, "conformal: rolling-origin errors of %d origins (%d a"
                + " year before), scaled by horizon and recent volatility; %s", m, cal.seasonal(), levelText)
                : String.format(Locale.ROOT, "normalised conformal: rolling-origin errors of %d origins (%d a year"
                + " before) relative to the forecast level, scaled by horizon and by a scale model of recent"
                + " volatility and the forecast change (x%.2f for this forecast); %s", m, cal.seasonal(), gNow,
                levelText);
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
