package ai.vidyut.console.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forecasts a series: fits the models, chooses the blend on a rolling-origin backtest over the last
 * {@code calibrationOrigins} days, and sets the 95 % band from the empirical distribution of that backtest's errors
 * (split conformal prediction with horizon-dependent scale), not from a normal assumption.
 * <p>
 * Load and other metrics: decomposable model ({@link DecomposableModel}) + w × short-horizon residual model
 * ({@link DirectModel}), w ∈ [0, 1] picked on the calibration origins. PV (when a {@link SolarSite} is given):
 * {@link SolarModel}. Stateless and thread-safe; a call takes tens of milliseconds for two years of hourly history.
 */
public final class Forecaster {

    static final double ALPHA = 0.05;
    /** Calibration origins per calibration refit. */
    private static final int BLOCK = 28;
    /** Weight of each origin of the year-before block (a recent origin weighs 1, decaying with age). */
    static final double SEASONAL_WEIGHT = 0.5;
    /** Weight ratio between consecutive calibration origins (a day apart): half-weight after about 23 days. */
    static final double DECAY_PER_ORIGIN = 0.97;
    private static final double SHRINK_LOCAL = 0.5;
    /**
     * Step size of the adaptive conformal update (Gibbs &amp; Candès 2021) per calibration day: the miscoverage level
     * moves by {@code ACI_GAMMA × (α − share of that day's points outside its band)}.
     */
    static final double ACI_GAMMA = 0.1;
    /** Recent calibration origins used only to start the band before the adaptive replay begins. */
    private static final int ACI_WARMUP = 14;
    private static final double ACI_MIN_ALPHA = 0.005;
    private static final double ACI_MAX_ALPHA = 0.15;

    private final ForecastOptions options;

    public Forecaster(ForecastOptions options) {
        this.options = options;
    }

    public ForecastOptions options() {
        return options;
    }

    /**
     * Forecasts the {@code horizon} steps after the series' last point. Regressors are used when they have values
     * for all those steps; otherwise the models do without them.
     */
    public Forecast forecast(RegularSeries s, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 step");
        }
        int p = s.stepsPerDay();
        if (s.size() < Math.max(2 * p, 8)) {
            throw new IllegalArgumentException("too little history: " + s.size() + " points; need at least "
                    + Math.max(2 * p, 8) + " (two days)");
        }
        boolean useRegs = !s.regressors().isEmpty() && s.regressorsCover(horizon);
        return options.solar() != null ? solar(s, horizon, useRegs) : blended(s, horizon, useRegs);
    }

    /**
     * The latest origin whose whole horizon is observed and whose time of day is the forecast origin's, so that
     * calibration errors are those of forecasts made at the same time of day.
     */
    static int lastCalibrationOrigin(int n, int horizon, int p) {
        return n - 1 - p * ((horizon + p - 1) / p);
    }

    private int calibrationCount(RegularSeries s, int horizon, int minTrain) {
        int p = s.stepsPerDay();
        int room = lastCalibrationOrigin(s.size(), horizon, p) - minTrain;
        return room < 0 ? 0 : Math.min(options.calibrationOrigins(), room / p + 1);
    }

    /** What the blend and the band are made from: the final fit and point forecast, and the calibration backtest. */
    static final class Prepared {
        DecomposableModel.Fitted fit;
        double[] pred;
        double[] corr;
        double w;
        int from;
        double[] r;
        /** null when the history is too short for a rolling-origin backtest. */
        Calibration cal;
    }

    /**
     * The calibration backtest: errors of the forecasts made at past origins (year-before block first, then the
     * recent origins in time order), their weights, and per origin the features the band's scale is predicted from
     * (see {@link BandScale}); {@code now} holds the same features for the forecast being made.
     */
    record Calibration(double[][] err, int[] origins, double[] weights, int seasonal, double[][] predicted,
                       double[][] features, double[] now) {
    }

    Prepared prepare(RegularSeries s, int horizon, boolean useRegs) {
        int n = s.size();
        int p = s.stepsPerDay();
        DecomposableModel.Config cfg = DecomposableModel.Config.defaults(options.calendar())
                .withMode(options.mode()).withRegressors(useRegs).withMaxHistoryDays(options.maxHistoryDays());
        int minTrain = Math.max(14 * p, 2 * horizon);
        int c = calibrationCount(s, horizon, minTrain);
        double w = 0;
        double[][] err = null;
        int[] calOrigins = null;
        double[] calWeights = null;
        double[][] calPred = null;
        double[][] calCorr = null;
        double[] calResid = null;
        int seasonal = 0;
        // the final fit does not depend on the calibration: start it on another core meanwhile
        java.util.concurrent.CompletableFuture<DecomposableModel.Fitted> finalFit =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> DecomposableModel.fit(s, n, cfg));
        if (c >= 5) {
            int oMin = lastCalibrationOrigin(n, horizon, p) - (c - 1) * p;
            // Recent origins, one day apart, plus (with more than a year of history) a block at the same time of
            // year one year (52 weeks) before: a change of season then (autumn's first cold spells) warns of the
            // same now, which the recent weeks alone cannot.
            int yearBack = 364 * p;
            seasonal = oMin - yearBack - (BLOCK / 2) * p >= minTrain + 14 * p ? BLOCK : 0;
            calOrigins = new int[seasonal + c];
            calWeights = new double[seasonal + c];
            for (int k = 0; k < c; k++) {
                calOrigins[seasonal + k] = oMin + k * p;
                // older origins weigh less (non-exchangeable conformal prediction, Barber et al. 2023)
                calWeights[seasonal + k] = Math.pow(DECAY_PER_ORIGIN, c - 1 - k);
            }
            int seasonStart = lastCalibrationOrigin(n, horizon, p) - yearBack - (BLOCK / 2) * p;
            for (int k = 0; k < seasonal; k++) {
                calOrigins[k] = seasonStart + k * p;
                calWeights[k] = SEASONAL_WEIGHT;
            }
            int m = calOrigins.length;
            double[][] d = new double[m][];
            double[][] corr = new double[m][];
            double[] resid = new double[m];
            // Refit every BLOCK origins so that no calibration forecast comes from a model much older than a real
            // forecast would be (a stale trend would inflate the errors and so the bands). The blocks are
            // independent: they run in parallel (results do not depend on the order).
            int blocks = (m + BLOCK - 1) / BLOCK;
            boolean[] directFound = new boolean[blocks];
            int[] origins = calOrigins;
            unwrap(() -> java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
                int b0 = b * BLOCK;
                int fitOrigin = origins[b0];
                int b1 = Math.min(m, b0 + BLOCK);
                int lastTarget = origins[b1 - 1] + horizon + 1;
                DecomposableModel.Fitted fit = DecomposableModel.fit(s, fitOrigin + 1, cfg);
                int from = fit.trainStart();
                double[] base = new double[lastTarget];
                System.arraycopy(fit.fitted(), 0, base, from, fitOrigin + 1 - from);
                System.arraycopy(fit.predict(fitOrigin + 1, lastTarget), 0, base, fitOrigin + 1,
                        lastTarget - fitOrigin - 1);
                double[] r = residuals(s, base, from, lastTarget);
                DirectModel direct = DirectModel.fit(r, from, fitOrigin, fitOrigin, horizon, p);
                directFound[b] = direct != null;
                for (int k = b0; k < b1; k++) {
                    int o = origins[k];
                    d[k] = Arrays.copyOfRange(base, o + 1, o + 1 + horizon);
                    corr[k] = direct == null ? new double[horizon] : direct.predict(r, o);
                    resid[k] = recentRms(r, Math.max(from, o - p + 1), o);
                }
            }));
            boolean anyDirect = false;
            for (boolean f : directFound) {
                anyDirect |= f;
            }
            w = anyDirect ? bestWeight(s, calOrigins, d, corr) : 0;
            err = new double[m][horizon];
            calPred = new double[m][horizon];
            for (int k = 0; k < m; k++) {
                int o = calOrigins[k];
                for (int h = 0; h < horizon; h++) {
                    calPred[k][h] = d[k][h] + w * corr[k][h];
                    err[k][h] = s.value(o + 1 + h) - calPred[k][h];
                }
            }
            calCorr = corr;
            calResid = resid;
        }
        Prepared out = new Prepared();
        DecomposableModel.Fitted fit = unwrap(finalFit::join);
        int from = fit.trainStart();
        double[] base = new double[n];
        System.arraycopy(fit.fitted(), 0, base, from, n - from);
        double[] r = residuals(s, base, from, n);
        double[] future = fit.predict(n, n + horizon);
        double[] corr = new double[horizon];
        if (w > 0) {
            DirectModel direct = DirectModel.fit(r, from, n - 1, n - 1, horizon, p);
            if (direct != null) {
                corr = direct.predict(r, n - 1);
            }
        }
        double[] pred = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            pred[h] = future[h] + w * corr[h];
        }
        out.fit = fit;
        out.pred = pred;
        out.corr = corr;
        out.w = w;
        out.from = from;
        out.r = r;
        if (err != null) {
            int m = err.length;
            double[][] feats = new double[m][];
            for (int k = 0; k < m; k++) {
                feats[k] = BandScale.features(s, calOrigins[k], p, calPred[k], w, calCorr[k], calResid[k]);
            }
            double[] now = BandScale.features(s, n - 1, p, pred, w, corr, recentRms(r, Math.max(from, n - p), n - 1));
            out.cal = new Calibration(err, calOrigins, calWeights, seasonal, calPred, feats, now);
        }
        return out;
    }

    private static double recentRms(double[] r, int a, int b) {
        double ss = 0;
        for (int i = a; i <= b; i++) {
            ss += r[i] * r[i];
        }
        return b < a ? 0 : Math.sqrt(ss / (b - a + 1));
    }

    private Forecast blended(RegularSeries s, int horizon, boolean useRegs) {
        int n = s.size();
        Prepared prep = prepare(s, horizon, useRegs);
        double[] pred = prep.pred;
        double w = prep.w;
        int from = prep.from;
        Calibration cal = prep.cal;
        Accuracy.Accumulator calAcc = new Accuracy.Accumulator();
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        String bandMethod;
        double bandLevel = Double.NaN;
        if (cal != null) {
            BandScale.Band band = BandScale.band(BandScale.DEFAULT, cal, pred);
            System.arraycopy(band.lower(), 0, lo, 0, horizon);
            System.arraycopy(band.upper(), 0, hi, 0, horizon);
            for (int k = 0; k < cal.err().length; k++) {
                for (int h = 0; h < horizon; h++) {
                    double actual = s.value(cal.origins()[k] + 1 + h);
                    double fc = actual - cal.err()[k][h];
                    calAcc.add(actual, fc, fc + band.calLower()[k][h], fc + band.calUpper()[k][h]);
                }
            }
            bandMethod = band.method();
            bandLevel = 1 - band.alpha();
        } else {
            // Too little history for a backtest: in-sample residual quantiles, widened for the unknown.
            double[] res = new double[n - from];
            for (int i = from; i < n; i++) {
                res[i - from] = prep.r[i];
            }
            Arrays.sort(res);
            double qlo = res[(int) Math.floor(0.025 * (res.length - 1))];
            double qhi = res[(int) Math.ceil(0.975 * (res.length - 1))];
            for (int h = 0; h < horizon; h++) {
                lo[h] = pred[h] + 1.5 * qlo;
                hi[h] = pred[h] + 1.5 * qhi;
            }
            bandMethod = "in-sample residual quantiles x1.5 (history too short for a rolling-origin backtest)";
        }
        for (int h = 0; h < horizon; h++) {
            // a band that misses its own point forecast means the errors were biased; keep the point inside
            lo[h] = Math.min(lo[h], pred[h]);
            hi[h] = Math.max(hi[h], pred[h]);
        }
        if (nonNegative(s, from, n)) {
            for (int h = 0; h < horizon; h++) {
                pred[h] = Math.max(0, pred[h]);
                lo[h] = Math.max(0, lo[h]);
                hi[h] = Math.max(pred[h], hi[h]);
            }
        }
        Map<String, double[]> comps = prep.fit.components(n, n + horizon);
        double[] recent = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            recent[h] = w * prep.corr[h];
        }
        comps.put("recent", recent);
        Map<String, Object> details = new LinkedHashMap<>(prep.fit.describe());
        details.put("blendWeight", w);
        if (!Double.isNaN(bandLevel)) {
            details.put("bandLevel", bandLevel);
        }
        details.put("regressorsUsed", useRegs);
        String model = w > 0 ? "decomposable+direct" : "decomposable";
        return new Forecast(s.time(n), s.step(), pred, lo, hi, comps, model, w,
                cal == null ? new Accuracy.Accumulator().result() : calAcc.result(), cal == null ? 0 : cal.err().length,
                bandMethod, details);
    }

    private Forecast solar(RegularSeries s, int horizon, boolean useRegs) {
        int n = s.size();
        int p = s.stepsPerDay();
        SolarSite site = options.solar();
        int minTrain = Math.max(14 * p, 2 * horizon);
        int c = calibrationCount(s, horizon, minTrain);
        double[][] err = null;
        double[][] scales = null;
        double volMean = 1;
        if (c >= 5) {
            int oMin = lastCalibrationOrigin(n, horizon, p) - (c - 1) * p;
            SolarModel cal = SolarModel.fit(s, oMin + 1, site, options.utcOffset(), useRegs, options.maxHistoryDays());
            err = new double[c][horizon];
            scales = new double[c][horizon];
            for (int k = 0; k < c; k++) {
                int o = oMin + k * p;
                double[] pr = cal.predict(o, horizon).get("predicted");
                for (int h = 0; h < horizon; h++) {
                    err[k][h] = s.value(o + 1 + h) - pr[h];
                    scales[k][h] = cal.errorScale(o + 1 + h);
                }
            }
            double[] vol = new double[c];
            for (int k = 0; k < c; k++) {
                vol[k] = volatility(s, oMin + k * p, p, cal::errorScale);
            }
            volMean = shrink(vol);
            for (int k = 0; k < c; k++) {
                for (int h = 0; h < horizon; h++) {
                    scales[k][h] *= vol[k];
                }
            }
        }
        SolarModel model = SolarModel.fit(s, n, site, options.utcOffset(), useRegs, options.maxHistoryDays());
        Map<String, double[]> out = model.predict(n - 1, horizon);
        double[] pred = out.remove("predicted");
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        Accuracy.Accumulator calAcc = new Accuracy.Accumulator(Backtester.mapeFloor(options));
        String bandMethod;
        double[] q;
        if (err != null) {
            double[] wts = new double[c];
            for (int k = 0; k < c; k++) {
                wts[k] = Math.pow(DECAY_PER_ORIGIN, c - 1 - k);
            }
            q = conformalQuantiles(err, scales, wts);
            int oMin = lastCalibrationOrigin(n, horizon, p) - (c - 1) * p;
            for (int k = 0; k < c; k++) {
                for (int h = 0; h < horizon; h++) {
                    double actual = s.value(oMin + k * p + 1 + h);
                    double fc = actual - err[k][h];
                    calAcc.add(actual, fc, Math.max(0, fc + q[0] * scales[k][h]),
                            Math.min(site.capacityKw(), fc + q[1] * scales[k][h]));
                }
            }
            bandMethod = "conformal: rolling-origin errors of " + c + " origins, scaled by clear-sky output";
        } else {
            q = new double[] {-0.8, 0.8};
            bandMethod = "±80 % of clear-sky output (history too short for a rolling-origin backtest)";
        }
        double vNow = err == null ? 1 : shrunk(volatility(s, n - 1, p, model::errorScale), volMean);
        for (int h = 0; h < horizon; h++) {
            double sc = model.errorScale(n + h) * vNow;
            lo[h] = Math.max(0, Math.min(pred[h], pred[h] + q[0] * sc));
            hi[h] = Math.min(site.capacityKw(), Math.max(pred[h], pred[h] + q[1] * sc));
        }
        Map<String, Object> details = new LinkedHashMap<>(model.describe());
        details.put("regressorsUsed", useRegs);
        return new Forecast(s.time(n), s.step(), pred, lo, hi, out, "solar", 0,
                calAcc.result(), err == null ? 0 : c, bandMethod, details);
    }

    /** Runs a task, rethrowing what a parallel or asynchronous step threw as itself (e.g. a clear input error). */
    private static <T> T unwrap(java.util.function.Supplier<T> task) {
        try {
            return task.get();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static void unwrap(Runnable task) {
        unwrap(() -> {
            task.run();
            return null;
        });
    }

    /**
     * How changeable the series has been lately: RMS of the day-over-day change over the 14 days up to the origin
     * (each change divided by {@code scale} when given; points with zero scale skipped). Bands widen with it, so a
     * spell of changeable weather widens them before the errors arrive.
     */
    static double volatility(RegularSeries s, int origin, int p, java.util.function.IntToDoubleFunction scale) {
        double ss = 0;
        int n = 0;
        for (int t = Math.max(p, origin - 14 * p + 1); t <= origin; t++) {
            double d = s.value(t) - s.value(t - p);
            if (scale != null) {
                double sc = scale.applyAsDouble(t);
                if (sc <= 0) {
                    continue;
                }
                d /= sc;
            }
            ss += d * d;
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(ss / n);
    }

    /** Shrinks each volatility halfway (in variance) to their mean, in place; returns the mean. */
    static double shrink(double[] vol) {
        double m = 0;
        for (double v : vol) {
            m += v;
        }
        m /= vol.length;
        if (m <= 0) {
            java.util.Arrays.fill(vol, 1);
            return 1;
        }
        for (int k = 0; k < vol.length; k++) {
            vol[k] = shrunk(vol[k], m);
        }
        return m;
    }

    static double shrunk(double v, double mean) {
        double a = SHRINK_LOCAL;
        return Math.sqrt(a * v * v + (1 - a) * mean * mean);
    }

    private static double[] residuals(RegularSeries s, double[] base, int from, int n) {
        double[] r = new double[n];
        for (int i = from; i < n; i++) {
            r[i] = s.value(i) - base[i];
        }
        return r;
    }

    private static boolean nonNegative(RegularSeries s, int from, int n) {
        for (int i = from; i < n; i++) {
            if (s.value(i) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The weight in {0, 0.1, ..., 1} of the residual correction with the least squared error. */
    static double bestWeight(RegularSeries s, int[] origins, double[][] d, double[][] corr) {
        double best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int g = 0; g <= 10; g++) {
            double w = g / 10.0;
            double sse = 0;
            for (int k = 0; k < d.length; k++) {
                int o = origins[k];
                for (int h = 0; h < d[k].length; h++) {
                    double e = s.value(o + 1 + h) - (d[k][h] + w * corr[k][h]);
                    sse += e * e;
                }
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = w;
            }
        }
        return best;
    }

    /** Root-mean-square error per horizon, smoothed over neighbouring horizons (±2 steps). */
    static double[] horizonScale(double[][] err, int horizon) {
        double[] rms = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double ss = 0;
            for (double[] e : err) {
                ss += e[h] * e[h];
            }
            rms[h] = Math.sqrt(ss / err.length);
        }
        double[] out = new double[horizon];
        double floor = 0;
        for (double v : rms) {
            floor = Math.max(floor, v);
        }
        floor = Math.max(floor * 1e-3, 1e-12);
        for (int h = 0; h < horizon; h++) {
            double sum = 0;
            int cnt = 0;
            for (int j = Math.max(0, h - 2); j <= Math.min(horizon - 1, h + 2); j++) {
                sum += rms[j];
                cnt++;
            }
            out[h] = Math.max(floor, sum / cnt);
        }
        return out;
    }

    /**
     * Split-conformal lower and upper quantiles of the scaled errors {@code err / scale} (points with zero scale
     * are skipped): the ⌊(n+1)·α/2⌋-th and ⌈(n+1)·(1−α/2)⌉-th order statistics, which give at least 95 % coverage
     * when the errors of the next forecast are exchangeable with these.
     */
    static double[] conformalQuantiles(double[][] err, double[][] scale, double[] weights) {
        return conformalQuantiles(err, scale, weights, ALPHA);
    }

    /**
     * Adaptive conformal inference replayed over the recent calibration origins (in time order, after the
     * year-before block): each origin's band is the weighted conformal band of the origins before it at the current
     * level α_k, and α_{k+1} = α_k + γ (0.05 − misses_k / points_k). A run of misses (a cold snap, holiday weeks
     * the calibration did not contain) lowers α and widens the next band; a calm run narrows it back. Stateless:
     * the replay starts at α = 0.05 on every call and uses only origins whose targets are observed.
     */
    static double adaptiveAlpha(double[][] err, double[][] scale, int seasonal, double gamma) {
        return adaptiveAlpha(err, k -> scale, seasonal, gamma);
    }

    /**
     * The same with the scales of each replayed origin k given by {@code scalesAt.apply(k)} (rows 0 … k): scales
     * fitted on the origins before k only make the replay out of sample, as the forecast being made is.
     */
    static double adaptiveAlpha(double[][] err, java.util.function.IntFunction<double[][]> scalesAt, int seasonal,
                                double gamma) {
        double a = ALPHA;
        int m = err.length;
        for (int k = seasonal + ACI_WARMUP; k < m; k++) {
            double[][] scale = scalesAt.apply(k);
            double[] w = new double[k];
            for (int j = 0; j < k; j++) {
                w[j] = j < seasonal ? SEASONAL_WEIGHT : Math.pow(DECAY_PER_ORIGIN, k - 1 - j);
            }
            double[] q = conformalQuantiles(Arrays.copyOf(err, k), Arrays.copyOf(scale, k), w, a);
            int miss = 0;
            int pts = 0;
            for (int h = 0; h < err[k].length; h++) {
                if (scale[k][h] > 0) {
                    double z = err[k][h] / scale[k][h];
                    pts++;
                    if (z < q[0] || z > q[1]) {
                        miss++;
                    }
                }
            }
            if (pts > 0) {
                a += gamma * (ALPHA - (double) miss / pts);
                a = Math.max(ACI_MIN_ALPHA, Math.min(ACI_MAX_ALPHA, a));
            }
        }
        return a;
    }

    static double[] conformalQuantiles(double[][] err, double[][] scale, double[] weights, double alpha) {
        int n = 0;
        for (int k = 0; k < err.length; k++) {
            for (int h = 0; h < err[k].length; h++) {
                if (scale[k][h] > 0) {
                    n++;
                }
            }
        }
        if (n == 0) {
            return new double[] {0, 0};
        }
        double[][] zw = new double[n][2];
        int i = 0;
        double total = 0;
        for (int k = 0; k < err.length; k++) {
            // older origins weigh less (non-exchangeable conformal prediction, Barber et al. 2023): the band follows
            // a change of season or weather regime instead of averaging over the whole calibration window
            double w = weights == null ? 1 : weights[k];
            for (int h = 0; h < err[k].length; h++) {
                if (scale[k][h] > 0) {
                    zw[i][0] = err[k][h] / scale[k][h];
                    zw[i][1] = w;
                    total += w;
                    i++;
                }
            }
        }
        java.util.Arrays.sort(zw, java.util.Comparator.comparingDouble(a -> a[0]));
        // the test point carries weight 1 (the newest); its mass goes to +/- infinity in the conformal quantile
        double lowMass = alpha / 2 * (total + 1);
        double highMass = (1 - alpha / 2) * (total + 1);
        double lo = zw[0][0];
        double hi = zw[n - 1][0];
        double cum = 0;
        boolean loSet = false;
        for (double[] z : zw) {
            cum += z[1];
            if (!loSet && cum >= lowMass) {
                lo = z[0];
                loSet = true;
            }
            if (cum >= highMass) {
                hi = z[0];
                break;
            }
        }
        return new double[] {lo, hi};
    }
}
