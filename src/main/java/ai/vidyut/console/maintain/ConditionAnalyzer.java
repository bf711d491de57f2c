package ai.vidyut.console.maintain;

/**
 * Computes the {@link SignalCondition} of one signal from its history: the trend series (evenly spaced bucket means
 * over the analysis window, oldest first), the most recent raw samples (for waveform shape), and the recent levels of
 * the same signal on similar assets.
 */
public final class ConditionAnalyzer {

    /** Share of the window (from its start) that forms the asset's own baseline. */
    static final double BASELINE_SHARE = 0.3;
    /** Share of the window (at its end) whose mean is the current level. */
    static final double RECENT_SHARE = 0.1;
    /** The trend is fitted over this last share of the window, so that a fault that began midway shows at full rate. */
    static final double TREND_SHARE = 0.5;
    /** z for a two-sided 90 % interval on the projected crossing. */
    static final double Z90 = 1.645;
    public static final int MIN_POINTS = 12;

    private ConditionAnalyzer() {
    }

    public static SignalCondition analyze(ConditionSignal signal, long[] ts, double[] values, double[] recentRaw,
                                          double[] peerLevels, double threshold) {
        return analyze(signal, ts, values, recentRaw, peerLevels, true, threshold);
    }

    public static SignalCondition analyze(ConditionSignal signal, long[] ts, double[] values, double[] recentRaw,
                                          double[] peerLevels, boolean peersAtSameSite, double threshold) {
        int n = ts.length;
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException("need at least " + MIN_POINTS + " points of " + signal.metric()
                    + " to assess condition, got " + n);
        }
        long start = ts[0];
        long end = ts[n - 1];
        double span = Math.max(1, end - start);
        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = (ts[i] - start) / 86_400_000.0;
        }
        int baselineEnd = Math.max(3, indexAtShare(ts, start + (long) (span * BASELINE_SHARE)));
        int recentStart = Math.min(n - 3, indexAtShare(ts, end - (long) (span * RECENT_SHARE)));
        int trendStart = Math.min(n - 4, indexAtShare(ts, end - (long) (span * TREND_SHARE)));
        double[] baseline = ConditionFeatures.slice(values, 0, baselineEnd);
        double[] recent = ConditionFeatures.slice(values, recentStart, n);
        double baselineMean = ConditionFeatures.mean(baseline);
        double baselineStd = ConditionFeatures.std(baseline);
        double level = ConditionFeatures.mean(recent);
        ConditionFeatures.Line line = ConditionFeatures.fit(ConditionFeatures.slice(days, trendStart, n),
                ConditionFeatures.slice(values, trendStart, n));
        double zOwn = ConditionFeatures.zScore(level, baselineMean, baselineStd);
        double zPeer = peerLevels == null ? Double.NaN : ConditionFeatures.peerZScore(level, peerLevels);

        double[] shape = recentRaw != null && ConditionFeatures.count(recentRaw) >= 8 ? recentRaw : recent;
        // shape statistics of the fluctuation around the recent mean: a bearing defect shows as impulses on top of it
        double shapeMean = ConditionFeatures.mean(shape);
        double[] ac = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            ac[i] = shape[i] - shapeMean;
        }
        double rms = ConditionFeatures.rms(shape);
        double peak = ConditionFeatures.peak(shape);
        double acRms = ConditionFeatures.rms(ac);
        double crest = acRms > 0 ? ConditionFeatures.peak(ac) / acRms : 0;
        double kurtosis = ConditionFeatures.kurtosis(shape);
        double skewness = ConditionFeatures.skewness(shape);

        double daysTo = Double.NaN;
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (!Double.isNaN(threshold)) {
            double now = Double.isNaN(line.slope()) ? level : Math.max(level, line.at(days[n - 1]));
            if (level >= threshold) {
                daysTo = 0;
                lower = 0;
                upper = 0;
            } else if (line.slope() > 0 && line.slope() > 2 * line.slopeStdError()) {
                double gap = threshold - Math.min(now, threshold);
                daysTo = gap / line.slope();
                lower = gap / (line.slope() + Z90 * line.slopeStdError());
                double slow = line.slope() - Z90 * line.slopeStdError();
                upper = slow > 0 ? gap / slow : SignalCondition.HORIZON_DAYS;
                upper = Math.min(upper, SignalCondition.HORIZON_DAYS);
                if (daysTo > SignalCondition.HORIZON_DAYS) {
                    daysTo = Double.NaN;
                    lower = Double.NaN;
                    upper = Double.NaN;
                }
            }
        }
        return new SignalCondition(signal, level, baselineMean, Double.isNaN(baselineStd) ? 0 : baselineStd,
                line.slope(), line.slopeStdError(), line.r2(), zOwn, zPeer, rms, peak, crest, kurtosis, skewness,
                threshold, daysTo, lower, upper, start, end, peersAtSameSite);
    }

    /**
     * Projects when a degradation trend crosses {@code threshold} on an arbitrary ascending axis {@code x} (for
     * example cumulative running hours): the level is the mean of the last {@link #RECENT_SHARE} of the axis, the
     * trend a least-squares line over its last {@link #TREND_SHARE}, the interval 90 % from the slope's standard
     * error. Returns the remaining life in units of {@code x} — zero when already over the threshold — or null when
     * the signal is not rising significantly, the crossing lies beyond {@code horizon}, or there are too few points.
     */
    public static RemainingLife projectLife(double[] x, double[] values, double threshold, double horizon) {
        int n = x.length;
        if (n < MIN_POINTS || Double.isNaN(threshold)) {
            return null;
        }
        double first = x[0];
        double last = x[n - 1];
        double span = last - first;
        if (!(span > 0)) {
            return null;
        }
        int recentStart = Math.min(n - 3, indexAtShare(x, last - span * RECENT_SHARE));
        int trendStart = Math.min(n - 4, indexAtShare(x, last - span * TREND_SHARE));
        double level = ConditionFeatures.mean(ConditionFeatures.slice(values, recentStart, n));
        if (level >= threshold) {
            return new RemainingLife(0, 0, 0);
        }
        ConditionFeatures.Line line = ConditionFeatures.fit(ConditionFeatures.slice(x, trendStart, n),
                ConditionFeatures.slice(values, trendStart, n));
        if (!(line.slope() > 0 && line.slope() > 2 * line.slopeStdError())) {
            return null;
        }
        double now = Math.max(level, line.at(last));
        double gap = threshold - Math.min(now, threshold);
        double rul = gap / line.slope();
        if (rul > horizon) {
            return null;
        }
        double lower = gap / (line.slope() + Z90 * line.slopeStdError());
        double slow = line.slope() - Z90 * line.slopeStdError();
        double upper = Math.min(slow > 0 ? gap / slow : horizon, horizon);
        return new RemainingLife(rul, lower, Math.max(upper, rul));
    }

    private static int indexAtShare(double[] x, double v) {
        int i = java.util.Arrays.binarySearch(x, v);
        return i >= 0 ? i : -i - 1;
    }

    private static int indexAtShare(long[] ts, long t) {
        int i = java.util.Arrays.binarySearch(ts, t);
        return i >= 0 ? i : -i - 1;
    }

    /** A series of timestamps (epoch ms, ascending) and values. */
    public record Series(long[] ts, double[] values) {
        public int size() {
            return ts.length;
        }
    }

    /** Means of evenly spaced buckets (empty buckets skipped), stamped at the bucket centres. */
    public static Series bucketMeans(long[] ts, double[] v, int buckets) {
        if (ts.length == 0) {
            return new Series(new long[0], new double[0]);
        }
        long start = ts[0];
        long width = Math.max(1, (ts[ts.length - 1] - start) / buckets + 1);
        double[] sum = new double[buckets + 1];
        int[] cnt = new int[buckets + 1];
        for (int i = 0; i < ts.length; i++) {
            int b = (int) ((ts[i] - start) / width);
            if (!Double.isNaN(v[i])) {
                sum[b] += v[i];
                cnt[b]++;
            }
        }
        int m = 0;
        for (int c : cnt) {
            if (c > 0) {
                m++;
            }
        }
        long[] t = new long[m];
        double[] mean = new double[m];
        int k = 0;
        for (int b = 0; b < cnt.length; b++) {
            if (cnt[b] > 0) {
                t[k] = start + b * width + width / 2;
                mean[k++] = sum[b] / cnt[b];
            }
        }
        return new Series(t, mean);
    }
}
