package ai.vidyut.console.maintain;

import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.GradientTreeBoost;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remaining-useful-life regressor for multivariate run-to-failure histories (one row per unit and time step).
 * <p>
 * Each row is described by windowed degradation features of its unit's history up to that row: for every
 * informative signal (z-scored with the training statistics) the mean of the last 5 and 15 steps, the slope over the
 * last 30 steps, and the drift of the recent mean from the unit's own first 15 steps; plus the age (time) of the
 * unit; plus a {@link HealthIndex} (a linear fit of the capped remaining life on all signals of a step, which pools
 * the noisy sensors into one signal) as its mean over the last 5, 15 and 30 steps, its slope over the last 30 steps
 * and its slope since the unit's first step. The target is the remaining life capped at {@code cap} (piece-wise
 * linear degradation, the C-MAPSS convention). Gradient-boosted trees give the point estimate; two quantile-loss
 * boosters give the interval, which is conformalised (CQR, Romano et al. 2019): the quantile models are fitted on
 * three quarters of the units and the interval is widened by the margin that makes it cover the intended share of
 * the remaining units' rows.
 */
public final class RulModel implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String KIND = "maintenance-rul";
    public static final int FORMAT = 2;
    private static final String TARGET = "__rul";

    /**
     * @param rowStride train on every n-th step of each history (consecutive steps are nearly identical, so 2 halves
     *                  the training time at no measurable cost); the last step of every unit is always kept
     */
    public record Options(double cap, int trees, int quantileTrees, int maxNodes, double shrinkage, double subsample,
                          double lowerQuantile, double upperQuantile, boolean intervals, int rowStride)
            implements Serializable {
        public static Options defaults() {
            return new Options(125, 200, 100, 16, 0.05, 0.7, 0.1, 0.9, true, 2);
        }

        public Options withoutIntervals() {
            return new Options(cap, trees, quantileTrees, maxNodes, shrinkage, subsample, lowerQuantile, upperQuantile,
                    false, rowStride);
        }

        public double coverage() {
            return upperQuantile - lowerQuantile;
        }
    }

    /** The remaining life of one unit at its last observation, in the unit of the time column. */
    public record UnitEstimate(String unit, double time, double rul, double lower, double upper) {
        public RemainingLife life() {
            return new RemainingLife(rul, lower, upper);
        }
    }

    private final String idColumn;
    private final String timeColumn;
    private final List<String> signals;
    private final double[] mean;
    private final double[] sd;
    private final Options options;
    private final GradientTreeBoost point;
    private final GradientTreeBoost lower;
    private final GradientTreeBoost upper;
    private final double conformalMargin;
    private final Map<String, Double> metrics;
    /** Null in models saved before the health index was added (their features are the per-signal ones only). */
    private final HealthIndex healthIndex;

    private RulModel(String idColumn, String timeColumn, List<String> signals, double[] mean, double[] sd,
                     Options options, GradientTreeBoost point, GradientTreeBoost lower, GradientTreeBoost upper,
                     double conformalMargin, Map<String, Double> metrics, HealthIndex healthIndex) {
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.signals = signals;
        this.mean = mean;
        this.sd = sd;
        this.options = options;
        this.point = point;
        this.lower = lower;
        this.upper = upper;
        this.conformalMargin = conformalMargin;
        this.metrics = metrics;
        this.healthIndex = healthIndex;
    }

    /** Histories grouped by unit, each sorted by time. */
    public record Histories(List<String> units, List<double[]> times, List<double[][]> signals,
                            List<int[]> sourceRows) {
        public int size() {
            return units.size();
        }
    }

    public static Histories histories(Table table, String idColumn, String timeColumn, List<String> signalColumns) {
        String[] ids = table.text(idColumn);
        double[] time = table.numeric(timeColumn);
        double[][] cols = new double[signalColumns.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = table.numeric(signalColumns.get(j));
        }
        Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (Double.isNaN(time[i])) {
                throw new IllegalArgumentException("line " + table.lineNumber(i) + ": missing time value");
            }
            byUnit.computeIfAbsent(ids[i], k -> new ArrayList<>()).add(i);
        }
        List<String> units = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        List<double[][]> sig = new ArrayList<>();
        List<int[]> source = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byUnit.entrySet()) {
            int[] rows = e.getValue().stream().sorted((a, b) -> Double.compare(time[a], time[b]))
                    .mapToInt(Integer::intValue).toArray();
            double[] t = new double[rows.length];
            double[][] s = new double[rows.length][cols.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = time[rows[i]];
                for (int j = 0; j < cols.length; j++) {
                    s[i][j] = cols[j][rows[i]];
                }
            }
            units.add(e.getKey());
            times.add(t);
            sig.add(s);
            source.add(rows);
        }
        return new Histories(units, times, sig, source);
    }

    /** Trains on a run-to-failure table: every unit is assumed to fail at its last time value. */
    public static RulModel train(Table table, String idColumn, String timeColumn, Options options) {
        String id = table.name(idColumn);
        String time = table.name(timeColumn);
        List<String> candidates = new ArrayList<>();
        for (String c : table.columns()) {
            if (!c.equals(id) && !c.equals(time) && table.isNumeric(c)) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no numeric feature columns besides '" + id + "' and '" + time + "'");
        }
        Histories h = histories(table, id, time, candidates);
        return train(h, candidates, id, time, options);
    }

    /**
     * Held-out validation: trains on 80 % of the units and scores the others, each cut at a random step as the
     * C-MAPSS test set is (remaining life capped). Returns holdout_rmse, holdout_phm08, holdout_coverage,
     * holdout_units; empty with fewer than 5 units.
     */
    public static Map<String, Double> holdoutMetrics(Table table, String idColumn, String timeColumn, Options options,
                                                     long seed) {
        String id = table.name(idColumn);
        String time = table.name(timeColumn);
        List<String> columns = new ArrayList<>();
        for (String c : table.columns()) {
            if (!c.equals(id) && !c.equals(time) && table.isNumeric(c)) {
                columns.add(c);
            }
        }
        Histories h = histories(table, id, time, columns);
        Map<String, Double> out = new LinkedHashMap<>();
        if (h.size() < 5) {
            return out;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            order.add(i);
        }
        java.util.Random rnd = new java.util.Random(seed);
        java.util.Collections.shuffle(order, rnd);
        int test = Math.max(1, h.size() / 5);
        List<Integer> te = order.subList(0, test);
        List<Integer> tr = order.subList(test, order.size());
        Histories train = new Histories(tr.stream().map(h.units()::get).toList(), tr.stream().map(h.times()::get).toList(),
                tr.stream().map(h.signals()::get).toList(), tr.stream().map(h.sourceRows()::get).toList());
        RulModel m = train(train, columns, id, time, options);
        int[] keep = m.signals.stream().mapToInt(columns::indexOf).toArray();
        double[] truth = new double[te.size()];
        double[] pred = new double[te.size()];
        double[] lo = new double[te.size()];
        double[] hi = new double[te.size()];
        for (int k = 0; k < te.size(); k++) {
            double[] t = h.times().get(te.get(k));
            double[][] s = h.signals().get(te.get(k));
            int minLen = Math.min(31, Math.max(1, t.length / 2));
            int len = minLen + rnd.nextInt(Math.max(1, t.length - minLen));
            double[][] sk = new double[len][keep.length];
            for (int i = 0; i < len; i++) {
                for (int j = 0; j < keep.length; j++) {
                    sk[i][j] = s[i][keep[j]];
                }
            }
            List<RemainingLife> steps = m.predictSteps(java.util.Arrays.copyOf(t, len), sk);
            RemainingLife last = steps.get(len - 1);
            truth[k] = Math.min(options.cap(), t[t.length - 1] - t[len - 1]);
            pred[k] = last.rul();
            lo[k] = last.lower();
            hi[k] = last.upper();
        }
        out.put("holdout_rmse", Metrics.rmse(truth, pred));
        out.put("holdout_phm08", Metrics.phm08(truth, pred));
        out.put("holdout_coverage", Metrics.coverage(truth, lo, hi));
        out.put("holdout_units", (double) te.size());
        return out;
    }

    public static RulModel train(Histories h, List<String> columns, String id, String time, Options options) {
        int rows = 0;
        for (double[] t : h.times()) {
            rows += t.length;
        }
        if (h.size() < 2) {
            throw new IllegalArgumentException("cannot train a remaining-life model from " + h.size()
                    + " unit(s); need run-to-failure histories of at least 2 units");
        }
        // keep signals that vary; a constant sensor carries no degradation information
        int p = columns.size();
        double[] mean = new double[p];
        double[] sd = new double[p];
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double s = 0;
            double ss = 0;
            int n = 0;
            for (double[][] unit : h.signals()) {
                for (double[] r : unit) {
                    if (!Double.isNaN(r[j])) {
                        s += r[j];
                        ss += r[j] * r[j];
                        n++;
                    }
                }
            }
            mean[j] = n == 0 ? 0 : s / n;
            sd[j] = n < 2 ? 0 : Math.sqrt(Math.max(0, ss / n - mean[j] * mean[j]));
            if (sd[j] > 1e-6 * Math.max(1, Math.abs(mean[j]))) {
                keep.add(j);
            }
        }
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("every feature column is constant; nothing to learn remaining life from");
        }
        List<String> signals = keep.stream().map(columns::get).toList();
        double[] m = keep.stream().mapToDouble(j -> mean[j]).toArray();
        double[] s = keep.stream().mapToDouble(j -> sd[j]).toArray();

        HealthIndex health = fitHealthIndex(h, keep, m, s, options.cap());
        List<double[][]> unitX = new ArrayList<>();
        List<double[]> unitY = new ArrayList<>();
        int k = 0;
        for (int u = 0; u < h.size(); u++) {
            double[][] feats = features(h.times().get(u), select(h.signals().get(u), keep), m, s, health);
            double[] t = h.times().get(u);
            double last = t[t.length - 1];
            List<double[]> ux = new ArrayList<>();
            List<Double> uy = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                if ((t.length - 1 - i) % Math.max(1, options.rowStride()) != 0) {
                    continue;
                }
                ux.add(feats[i]);
                uy.add(Math.min(options.cap(), last - t[i]));
            }
            unitX.add(ux.toArray(double[][]::new));
            unitY.add(uy.stream().mapToDouble(Double::doubleValue).toArray());
            k += ux.size();
        }
        List<Integer> all = new ArrayList<>();
        for (int u = 0; u < h.size(); u++) {
            all.add(u);
        }
        DataFrame df = frameOf(unitX, unitY, all);
        double[] y = df.column(TARGET).toDoubleArray();
        Formula f = Formula.lhs(TARGET);
        GradientTreeBoost pt = GradientTreeBoost.fit(f, df, Loss.ls(), options.trees(), 20, options.maxNodes(), 5,
                options.shrinkage(), options.subsample());
        GradientTreeBoost lo = null;
        GradientTreeBoost hi = null;
        double margin = 0;
        if (options.intervals()) {
            // Conformalised quantile regression: quantile models on ~75 % of the units, their interval widened by the
            // margin that makes it cover the intended share of the held-back units' rows.
            List<Integer> shuffled = new ArrayList<>(all);
            java.util.Collections.shuffle(shuffled, new java.util.Random(17));
            int calibrationUnits = h.size() >= 4 ? Math.max(1, h.size() / 4) : 0;
            List<Integer> calibration = shuffled.subList(0, calibrationUnits);
            List<Integer> proper = shuffled.subList(calibrationUnits, shuffled.size());
            DataFrame qdf = calibrationUnits > 0 ? frameOf(unitX, unitY, proper) : df;
            int qt = options.quantileTrees();
            lo = GradientTreeBoost.fit(f, qdf, Loss.quantile(options.lowerQuantile()), qt, 20, options.maxNodes(), 5,
                    options.shrinkage() * 2, options.subsample());
            hi = GradientTreeBoost.fit(f, qdf, Loss.quantile(options.upperQuantile()), qt, 20, options.maxNodes(), 5,
                    options.shrinkage() * 2, options.subsample());
            if (calibrationUnits > 0) {
                DataFrame cdf = frameOf(unitX, unitY, calibration);
                double[] cy = cdf.column(TARGET).toDoubleArray();
                double[] clo = lo.predict(cdf);
                double[] chi = hi.predict(cdf);
                double[] score = new double[cy.length];
                for (int i = 0; i < cy.length; i++) {
                    score[i] = Math.max(clo[i] - cy[i], cy[i] - chi[i]);
                }
                java.util.Arrays.sort(score);
                int rank = (int) Math.ceil((score.length + 1) * options.coverage()) - 1;
                margin = score[Math.min(score.length - 1, Math.max(0, rank))];
            }
        }
        double[] fitted = pt.predict(df);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_rmse", Metrics.rmse(y, fitted));
        metrics.put("units", (double) h.size());
        metrics.put("rows", (double) rows);
        metrics.put("training_rows", (double) k);
        metrics.put("signals", (double) signals.size());
        metrics.put("cap", options.cap());
        metrics.put("conformal_margin", margin);
        return new RulModel(id, time, signals, m, s, options, pt, lo, hi, margin, metrics, health);
    }

    /** The health index of the training histories: fitted on every step, target the capped remaining life. */
    private static HealthIndex fitHealthIndex(Histories h, List<Integer> keep, double[] mean, double[] sd, double cap) {
        List<double[][]> steps = new ArrayList<>();
        List<double[]> life = new ArrayList<>();
        for (int u = 0; u < h.size(); u++) {
            double[] t = h.times().get(u);
            steps.add(zScores(select(h.signals().get(u), keep), mean, sd));
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                y[i] = Math.min(cap, t[t.length - 1] - t[i]);
            }
            life.add(y);
        }
        return HealthIndex.fit(steps, life);
    }

    private static DataFrame frameOf(List<double[][]> unitX, List<double[]> unitY, List<Integer> units) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int u : units) {
            x.addAll(java.util.Arrays.asList(unitX.get(u)));
            for (double v : unitY.get(u)) {
                y.add(v);
            }
        }
        return HealthClassifier.frame(x.toArray(double[][]::new))
                .merge(DoubleVector.of(TARGET, y.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static double[][] select(double[][] rows, List<Integer> keep) {
        double[][] out = new double[rows.length][keep.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < keep.size(); j++) {
                out[i][j] = rows[i][keep.get(j)];
            }
        }
        return out;
    }

    static final int SHORT = 5;
    static final int MEDIUM = 15;
    static final int TREND = 30;
    static final int BASELINE = 15;

    /** z-scores of one unit's raw signals; a missing value carries the previous step's (0 at the start). */
    static double[][] zScores(double[][] raw, double[] mean, double[] sd) {
        int n = raw.length;
        int p = mean.length;
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = raw[i][j];
                z[i][j] = Double.isNaN(v) ? (i > 0 ? z[i - 1][j] : 0) : (v - mean[j]) / sd[j];
            }
        }
        return z;
    }

    /** Features per signal: short and medium mean, trend slope, drift from the unit's baseline. */
    static final int PER_SIGNAL = 4;
    /** Health-index features: short, medium and trend-window mean, trend slope, slope since the first step. */
    static final int HEALTH_FEATURES = 5;

    /**
     * Windowed features of every step of one unit's history (signals already in training column order): per signal
     * {@link #PER_SIGNAL}, then the age, then (when {@code healthIndex} is not null) {@link #HEALTH_FEATURES}.
     * Causal: a step's features depend on that step and the ones before it only.
     */
    static double[][] features(double[] t, double[][] raw, double[] mean, double[] sd, HealthIndex healthIndex) {
        int n = t.length;
        int p = mean.length;
        double[][] z = zScores(raw, mean, sd);
        double[][] prefix = new double[n + 1][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                prefix[i + 1][j] = prefix[i][j] + z[i][j];
            }
        }
        double[] health = healthIndex == null ? null : healthIndex.series(z);
        double[] healthPrefix = health == null ? null : prefixSums(health);
        int width = PER_SIGNAL * p + 1 + (health == null ? 0 : HEALTH_FEATURES);
        double[][] out = new double[n][width];
        double[] col = new double[TREND];
        double[] tt = new double[TREND];
        for (int i = 0; i < n; i++) {
            double[] f = out[i];
            int k = 0;
            int b = Math.min(BASELINE, i + 1);
            int from = Math.max(0, i - TREND + 1);
            int len = i - from + 1;
            for (int j = 0; j < p; j++) {
                double shortMean = windowMean(prefix, i, SHORT, j);
                double mediumMean = windowMean(prefix, i, MEDIUM, j);
                for (int q = 0; q < len; q++) {
                    col[q] = z[from + q][j];
                    tt[q] = t[from + q];
                }
                double slope = len < 3 ? 0 : ConditionFeatures.slope(java.util.Arrays.copyOf(tt, len),
                        java.util.Arrays.copyOf(col, len));
                double baseline = prefix[b][j] / b;
                f[k++] = shortMean;
                f[k++] = mediumMean;
                f[k++] = slope;
                f[k++] = mediumMean - baseline;
            }
            f[k++] = t[i];
            if (health != null) {
                f[k++] = windowMean(healthPrefix, i, SHORT);
                f[k++] = windowMean(healthPrefix, i, MEDIUM);
                f[k++] = windowMean(healthPrefix, i, TREND);
                f[k++] = slopeOver(t, health, from, i);
                f[k++] = slopeOver(t, health, 0, i);
            }
        }
        return out;
    }

    private static double[] prefixSums(double[] v) {
        double[] prefix = new double[v.length + 1];
        for (int i = 0; i < v.length; i++) {
            prefix[i + 1] = prefix[i] + v[i];
        }
        return prefix;
    }

    /** Least-squares slope of {@code y} over steps {@code from..to} (inclusive); 0 with fewer than 3 steps. */
    private static double slopeOver(double[] t, double[] y, int from, int to) {
        return to - from < 2 ? 0 : ConditionFeatures.slope(java.util.Arrays.copyOfRange(t, from, to + 1),
                java.util.Arrays.copyOfRange(y, from, to + 1));
    }

    private static double windowMean(double[] prefix, int i, int w) {
        int from = Math.max(0, i - w + 1);
        return (prefix[i + 1] - prefix[from]) / (i + 1 - from);
    }

    private static double windowMean(double[][] prefix, int i, int w, int j) {
        int from = Math.max(0, i - w + 1);
        return (prefix[i + 1][j] - prefix[from][j]) / (i + 1 - from);
    }

    /** Features of every row of the histories, in history order; used by the benchmark and by predictLast. */
    double[][] unitFeatures(double[] time, double[][] rawSignals) {
        return features(time, rawSignals, mean, sd, healthIndex);
    }

    /** Estimates at every step of one unit's history (raw signal values in {@link #signals()} order). */
    public List<RemainingLife> predictSteps(double[] time, double[][] rawSignals) {
        double[][] x = unitFeatures(time, rawSignals);
        List<RemainingLife> out = new ArrayList<>(x.length);
        for (double[] row : x) {
            out.add(estimate(row));
        }
        return out;
    }

    private RemainingLife estimate(double[] row) {
        DataFrame df = HealthClassifier.frame(new double[][] {row});
        double r = clamp(point.predict(df.get(0)));
        double lo = lower == null ? r : clamp(lower.predict(df.get(0)) - conformalMargin);
        double hi = upper == null ? r : clamp(upper.predict(df.get(0)) + conformalMargin);
        return new RemainingLife(r, Math.min(lo, r), Math.max(hi, r));
    }

    private double clamp(double v) {
        return Math.max(0, Math.min(options.cap(), v));
    }

    /** One estimate per unit at its last observation, units in order of first appearance. */
    public List<UnitEstimate> predictLast(Table table) {
        for (String c : List.of(idColumn, timeColumn)) {
            if (!table.has(c)) {
                throw new IllegalArgumentException("input lacks column '" + c + "' that the model was trained on");
            }
        }
        for (String c : signals) {
            if (!table.has(c)) {
                throw new IllegalArgumentException("input lacks column '" + c + "' that the model was trained on");
            }
        }
        Histories h = histories(table, idColumn, timeColumn, signals);
        List<UnitEstimate> out = new ArrayList<>();
        for (int u = 0; u < h.size(); u++) {
            double[] t = h.times().get(u);
            double[][] x = unitFeatures(t, h.signals().get(u));
            RemainingLife life = estimate(x[x.length - 1]);
            out.add(new UnitEstimate(h.units().get(u), t[t.length - 1], life.rul(), life.lower(), life.upper()));
        }
        return out;
    }

    public void save(Path file) throws IOException {
        ModelFiles.write(file, KIND, FORMAT, this);
    }

    public static RulModel load(Path file) throws IOException {
        return ModelFiles.read(file, KIND, FORMAT, RulModel.class);
    }

    public String idColumn() {
        return idColumn;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public List<String> signals() {
        return List.copyOf(signals);
    }

    public Options options() {
        return options;
    }

    public Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }
}
