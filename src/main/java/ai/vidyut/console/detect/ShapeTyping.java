package ai.vidyut.console.detect;

/**
 * The shape of one series' deviation around an anomaly, for telling a spike from a level shift and a drift from
 * both. It remembers the last {@value #HISTORY} readings with the detector's slow baseline; when an anomaly opens
 * it freezes what came before it: the local level (mean of the last {@value #LOCAL} readings), the local noise,
 * and whether the residual from the baseline was ramping (a straight line fits the pre-anomaly window clearly
 * better than the best single step, and the line rises or falls by at least 4 noise deviations). Beside the readings
 * it keeps per-minute means over the last day ({@link MinuteMeans}), for comparing a step with the day before when
 * the readings come faster than the ring can hold a day of them.
 */
final class ShapeTyping {

    /** Readings before an anomaly whose shape is examined. */
    static final int HISTORY = 240;
    /** Readings remembered: a day of one-minute readings plus the window, for comparing with the day before. */
    private static final int CAPACITY = 1440 + HISTORY + 64;
    private static final long DAY_MS = 86_400_000L;
    static final int LOCAL = 10;
    private static final int NOISE_WINDOW = 30;
    private static final int MIN_RAMP_WINDOW = 60;

    private final long[] ts = new long[CAPACITY];
    private final double[] xs = new double[CAPACITY];
    private final double[] bs = new double[CAPACITY];
    private final MinuteMeans dayBefore = new MinuteMeans();
    private int count;
    private int pos;

    // frozen at the anomaly's start
    private double preLevel = Double.NaN;
    private double noise;
    private double rampChange;
    private boolean ramp;
    // during the anomaly
    private static final int MAX_DURING = 4096;
    private double[] during = new double[16];
    private int duringCount;
    private double afterSum;
    private int afterCount;

    void remember(long t, double x, double baseline) {
        if (Double.isNaN(x) || (count > 0 && t <= ts[index(0)])) {
            return;
        }
        ts[pos] = t;
        xs[pos] = x;
        bs[pos] = Double.isNaN(baseline) ? x : baseline;
        dayBefore.add(t, x);
        pos = (pos + 1) % CAPACITY;
        count = Math.min(CAPACITY, count + 1);
    }

    private int index(int back) {
        return Math.floorMod(pos - 1 - back, CAPACITY);
    }

    private double x(int back) {
        return xs[index(back)];
    }

    void open() {
        duringCount = 0;
        afterSum = 0;
        afterCount = 0;
        if (count == 0) {
            preLevel = Double.NaN;
            ramp = false;
            return;
        }
        int local = Math.min(LOCAL, count);
        double sum = 0;
        for (int k = 0; k < local; k++) {
            sum += x(k);
        }
        preLevel = sum / local;
        int nw = Math.min(NOISE_WINDOW, count);
        double m = 0;
        for (int k = 0; k < nw; k++) {
            m += x(k) / nw;
        }
        double v = 0;
        for (int k = 0; k < nw; k++) {
            v += (x(k) - m) * (x(k) - m) / Math.max(1, nw - 1);
        }
        noise = Math.max(Math.sqrt(v), 1e-9 * (1 + Math.abs(preLevel)));
        ramp = false;
        rampChange = 0;
        int n = Math.min(HISTORY, count);
        if (n < MIN_RAMP_WINDOW) {
            return;
        }
        // residual from the detector's slow baseline (oldest first)
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            int k = index(n - 1 - i);
            r[i] = xs[k] - bs[k];
        }
        if (!testRamp(r)) {
            double[] daily = dayDifferences(n);
            if (daily != null) {
                testRamp(daily);
            }
        }
    }

    /**
     * The window's readings minus the readings a day earlier (the nearest within a few sampling intervals), which
     * removes the daily pattern without relying on the baseline that a slow drift has partly taught itself; null
     * when the memory does not reach back a day for most of the window.
     */
    private double[] dayDifferences(int n) {
        long span = ts[index(0)] - ts[index(n - 1)];
        double interval = span / (double) Math.max(1, n - 1);
        double[] out = new double[n];
        int found = 0;
        for (int i = 0; i < n; i++) {
            int k = index(n - 1 - i);
            int j = nearest(ts[k] - DAY_MS);
            if (j >= 0 && Math.abs(ts[j] - (ts[k] - DAY_MS)) <= 3 * interval) {
                out[found++] = xs[k] - xs[j];
            }
        }
        return found >= 0.8 * n && found >= MIN_RAMP_WINDOW ? java.util.Arrays.copyOf(out, found) : null;
    }

    /** Ring index of the remembered reading nearest to {@code t} (binary search, oldest to newest); -1 if none. */
    private int nearest(long t) {
        if (count == 0 || t < ts[index(count - 1)] - DAY_MS) {
            return -1;
        }
        int lo = 0;
        int hi = count - 1; // positions from oldest (0) to newest (count - 1)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[index(count - 1 - mid)] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int best = index(count - 1 - lo);
        if (lo > 0) {
            int prev = index(count - lo);
            if (Math.abs(ts[prev] - t) < Math.abs(ts[best] - t)) {
                best = prev;
            }
        }
        return best;
    }

    /** Line vs best single step over {@code r}: a ramp when the line fits clearly better and moves far enough. */
    private boolean testRamp(double[] r) {
        int n = r.length;
        double tMean = (n - 1) / 2.0;
        double rMean = 0;
        for (double v : r) {
            rMean += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - tMean) * (r[i] - rMean);
            sxx += (i - tMean) * (i - tMean);
        }
        double slope = sxy / sxx;
        double lineSse = 0;
        for (int i = 0; i < n; i++) {
            double e = r[i] - rMean - slope * (i - tMean);
            lineSse += e * e;
        }
        // best single step: two means, split anywhere with at least 10 % of the window on each side
        double total = rMean * n;
        double totalSq = 0;
        for (double v : r) {
            totalSq += v * v;
        }
        double left = 0;
        double stepSse = Double.POSITIVE_INFINITY;
        int minSide = Math.max(3, n / 10);
        for (int s = 1; s < n; s++) {
            left += r[s - 1];
            if (s < minSide || n - s < minSide) {
                continue;
            }
            double right = total - left;
            stepSse = Math.min(stepSse, totalSq - left * left / s - right * right / (n - s));
        }
        double sigma = Math.sqrt(lineSse / (n - 2));
        double change = slope * (n - 1);
        boolean isRamp = lineSse < 0.9 * stepSse && Math.abs(change) >= 3 * Math.max(sigma, noise);
        if (isRamp) {
            ramp = true;
            rampChange = change;
        }
        return isRamp;
    }

    void anomalous(double x) {
        afterSum = 0;
        afterCount = 0;
        if (duringCount < MAX_DURING && !Double.isNaN(x)) {
            if (duringCount == during.length) {
                during = java.util.Arrays.copyOf(during, Math.min(MAX_DURING, 2 * during.length));
            }
            during[duringCount++] = x;
        }
    }

    void after(double x) {
        if (!Double.isNaN(x)) {
            afterSum += x;
            afterCount++;
        }
    }

    boolean hasAfter() {
        return afterCount > 0 && !Double.isNaN(preLevel);
    }

    /** The series was ramping before the anomaly and the anomaly jumps back against the ramp: a drift ended. */
    boolean returnAfterRamp(double peakValue) {
        if (!ramp || Double.isNaN(preLevel)) {
            return false;
        }
        double d = peakValue - preLevel;
        return Math.signum(d) == -Math.signum(rampChange) && Math.abs(d) >= 0.5 * Math.abs(rampChange);
    }

    /** After a short excursion the series stays at least half as far from the level before it, same direction. */
    boolean staysDisplaced(double peakValue) {
        double d = peakValue - preLevel;
        double post = afterSum / afterCount - preLevel;
        return Math.signum(post) == Math.signum(d) && Math.abs(post) >= 0.5 * Math.abs(d)
                && Math.abs(post) >= 3 * noise;
    }

    /**
     * The step of a short excursion — from the level before it to the level after it (after {@code start}, up to
     * {@code t}) — is not what the series did at the same time the day before (the mean of the {@value #LOCAL}
     * remembered readings before {@code start} minus a day to those before {@code t} minus a day): the two steps
     * differ by at least half today's step and three noise deviations. A pump's first start of the day or a
     * battery starting to charge repeats yesterday's step; a power drop does not, even on a day as cloudy as the
     * day before. True when neither the remembered readings nor the per-minute means reach back a day.
     */
    boolean unlikeDayBefore(long start, long t) {
        double before = levelAround(start - 1 - DAY_MS);
        double after = levelAround(t - DAY_MS);
        if (Double.isNaN(before) || Double.isNaN(after) || afterCount == 0) {
            return true;
        }
        double step = afterSum / afterCount - preLevel;
        double difference = Math.abs(step - (after - before));
        return difference >= 0.5 * Math.abs(step) && difference >= 3 * noise;
    }

    /**
     * The series' level just before {@code t}: the mean of the remembered readings in the {@value #LOCAL} sampling
     * intervals up to {@code t} when the ring still holds them (one reading a minute and slower), else the mean of the
     * per-minute means over the {@value #LOCAL} sampling intervals, and at least {@value #LOCAL} minutes, up to
     * {@code t} (faster rates); NaN if neither reaches back to {@code t}.
     */
    private double levelAround(long t) {
        if (count < 2) {
            return Double.NaN;
        }
        double interval = (ts[index(0)] - ts[index(count - 1)]) / (double) (count - 1);
        double remembered = rememberedLevelAround(t, interval);
        if (!Double.isNaN(remembered)) {
            return remembered;
        }
        long window = Math.round(LOCAL * Math.max(interval, MinuteMeans.MINUTE_MS));
        return dayBefore.mean(t - window, t);
    }

    private double rememberedLevelAround(long t, double interval) {
        int j = nearest(t);
        if (j < 0) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (int k = 0; k < LOCAL && k < count; k++) {
            int i = Math.floorMod(j - k, CAPACITY);
            if (t - ts[i] > LOCAL * interval || ts[i] - t > 3 * interval) {
                break;
            }
            sum += xs[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * For a longer anomaly: {@link AnomalyType#DRIFT} when the series was already ramping the same way before it
     * or when its deviation from the level before it grows (first quarter under half of the last quarter),
     * {@link AnomalyType#LEVEL_SHIFT} when the deviation is there from the start (first quarter at least 70 % of
     * the last); null when the shape says neither.
     */
    AnomalyType stepOrRamp() {
        if (Double.isNaN(preLevel) || duringCount < 4) {
            return null;
        }
        int q = Math.max(1, duringCount / 4);
        double first = 0;
        double last = 0;
        for (int i = 0; i < q; i++) {
            first += (during[i] - preLevel) / q;
            last += (during[duringCount - 1 - i] - preLevel) / q;
        }
        if (ramp && Math.signum(last) == Math.signum(rampChange)) {
            return AnomalyType.DRIFT;
        }
        if (Math.abs(last) < 3 * noise) {
            return null;
        }
        if (Math.signum(first) == Math.signum(last) && Math.abs(first) >= 0.7 * Math.abs(last)) {
            return AnomalyType.LEVEL_SHIFT;
        }
        if (Math.abs(first) <= 0.5 * Math.abs(last)) {
            return AnomalyType.DRIFT;
        }
        return null;
    }
}
