package ai.vidyut.console.detect;

/**
 * Contextual surprise: a streaming univariate detector that learns the series' normal context online and scores
 * how improbable each reading is under it.
 * <p>
 * Context is a slow baseline (level plus, for series sampled every 30 s or slower, an hour-of-day profile: additive
 * Holt–Winters without trend) and a fast local level. Five features are watched, each against its own running
 * mean and deviation learnt on normal readings (so autocorrelated or quantised series calibrate themselves):
 * <ul>
 *   <li>{@link Component#POINT}: the jump from the local level (spikes, dips);</li>
 *   <li>{@link Component#SHIFT}: a short moving average of the residual from the slow baseline (level shifts,
 *       power drops);</li>
 *   <li>{@link Component#DRIFT}: the same over a longer window (slow drifts);</li>
 *   <li>{@link Component#VARIANCE}: log of short-term over long-term residual energy (erratic behaviour);</li>
 *   <li>{@link Component#STUCK}: a run of identical values, scored by how rare such runs are in this series.</li>
 * </ul>
 * The largest surprise becomes a Gaussian tail probability; {@code -log10} of it over {@code decades} is the
 * score. A surprising reading still teaches the baselines, but only with {@code anomalyWeight}, so a lasting fault
 * stays visible while a permanent change of regime is eventually learnt.
 */
public final class SurpriseDetector implements StreamingDetector {

    public enum Component { NONE, POINT, SHIFT, DRIFT, VARIANCE, STUCK }

    private static final long SEASONAL_MIN_INTERVAL_MS = 30_000;
    private static final int STUCK_MIN_RUN = 4;
    /** Deviations beyond this many standard deviations teach the running statistics no more than this much. */
    private static final double CLIP = 3;
    /** Clipping starts after this many half-lives' worth of readings, once the statistics have seen normal life. */
    private static final double MATURE = 2;
    /** Readings more surprising than this z teach the baselines only with {@code anomalyWeight}. */
    private static final double SURPRISING_Z = 3;
    /** ... and learn from surprising readings with this weight (not zero: a new normal must win eventually). */
    private static final double STATS_WEIGHT = 0.2;

    private final int warmup;
    private final double alphaLong;
    private final double alphaShort;
    private final double alphaMedium;
    private final double alphaFast = 0.3;
    private final double anomalyWeight;
    private final double decades;

    private long n;
    private long lastTs = Long.MIN_VALUE;
    private double intervalMs;
    private double level;
    private double fastLevel;
    private final double[] season = new double[24];
    private final int[] seasonCount = new int[24];
    private double absDevFast;
    private double shortMean;
    private double mediumMean;
    private final RunningStats shortStats = new RunningStats();
    private final RunningStats mediumStats = new RunningStats();
    private final RunningStats varStats = new RunningStats();
    private double shortEnergy;
    private double longEnergy;
    private double previous = Double.NaN;
    private int run;
    private double zeroDiffShare = 0.05;

    private double expected = Double.NaN;
    private double recentLevel = Double.NaN;
    private double residual;
    private Component dominant = Component.NONE;
    private double lastScore;

    public SurpriseDetector(DetectorParams p) {
        this(p.warmup(), p.longHalfLife(), p.shortWindow(), p.mediumWindow(), p.anomalyWeight(), p.decades());
    }

    public SurpriseDetector(int warmup, double longHalfLife, int shortWindow, int mediumWindow, double anomalyWeight,
                            double decades) {
        this.warmup = warmup;
        this.alphaLong = 1 - Math.pow(2, -1 / longHalfLife);
        this.alphaShort = 2.0 / (shortWindow + 1);
        this.alphaMedium = 2.0 / (mediumWindow + 1);
        this.anomalyWeight = anomalyWeight;
        this.decades = decades;
    }

    @Override
    public String name() {
        return DetectorParams.SURPRISE;
    }

    /** Running mean and variance with a caller-given learning rate. */
    private static final class RunningStats {
        double mean;
        double var;
        boolean started;

        double z(double x) {
            double sd = Math.sqrt(var);
            double floor = 1e-9 + 1e-9 * Math.abs(mean);
            return (x - mean) / Math.max(sd, floor);
        }

        boolean clip;

        void learn(double x, double a) {
            if (!started) {
                mean = x;
                var = 0;
                started = true;
                return;
            }
            double d = x - mean;
            // Huber-style: a surprising value moves the statistics at most as much as a 3-sigma one, so a fault
            // cannot inflate the "normal" spread it is judged against
            double sd = Math.sqrt(var);
            if (clip && sd > 0) {
                d = Math.max(-CLIP * sd, Math.min(CLIP * sd, d));
            }
            mean += a * d;
            var = (1 - a) * (var + a * d * d);
        }
    }

    @Override
    public double update(long ts, double[] row) {
        return update(ts, row[0]);
    }

    public double update(long ts, double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        n++;
        if (lastTs != Long.MIN_VALUE && ts > lastTs) {
            double dt = ts - lastTs;
            intervalMs = intervalMs == 0 ? dt : intervalMs + 0.05 * (dt - intervalMs);
        }
        lastTs = ts;
        if (n == 1) {
            level = x;
            fastLevel = x;
            previous = x;
            expected = x;
            residual = 0;
            return 0;
        }
        int hour = Timestamps.hourOfDay(ts);
        boolean seasonal = intervalMs >= SEASONAL_MIN_INTERVAL_MS;
        double s = seasonal && seasonCount[hour] >= 2 ? season[hour] : 0;
        expected = level + s;
        double e = x - expected;
        residual = e;
        double jump = x - fastLevel;
        recentLevel = fastLevel;
        double sigmaFast = Math.max(1.2533 * absDevFast, 1e-9 + 1e-6 * Math.abs(level));
        double zPoint = Math.abs(jump) / sigmaFast;

        double newShort = shortMean + alphaShort * (e - shortMean);
        double newMedium = mediumMean + alphaMedium * (e - mediumMean);
        double zShift = Math.abs(shortStats.z(newShort));
        double zDrift = Math.abs(mediumStats.z(newMedium));
        // energies use jumps clipped at 4 sigma: one spike must not look like an erratic period
        double clipped = Math.min(Math.abs(jump), 4 * sigmaFast);
        double newShortEnergy = shortEnergy + alphaShort * (clipped * clipped - shortEnergy);
        double logRatio = Math.log((newShortEnergy + 1e-12) / (longEnergy + 1e-12));
        double zVar = varStats.z(logRatio);

        // a run of exact zeros is a state (no sun, switched off), not a frozen sensor
        boolean same = x != 0 && Math.abs(x - previous) <= 1e-12 * Math.max(1, Math.abs(x));
        run = same ? run + 1 : 0;
        double stuckDecades = run >= STUCK_MIN_RUN ? -run * Math.log10(Math.max(zeroDiffShare, 0.02)) : 0;

        double z = zPoint;
        Component top = Component.POINT;
        if (zShift > z) {
            z = zShift;
            top = Component.SHIFT;
        }
        if (zDrift > z) {
            z = zDrift;
            top = Component.DRIFT;
        }
        if (zVar > z) {
            z = zVar;
            top = Component.VARIANCE;
        }
        double score = Stats.tailScore(z, decades);
        double stuck = Stats.decadesScore(stuckDecades, decades);
        if (stuck > score) {
            score = stuck;
            top = Component.STUCK;
        }
        boolean learning = n <= warmup;
        if (learning) {
            score = 0;
        }
        dominant = score > 0 ? top : Component.NONE;
        lastScore = score;

        // learn: count-based rates at the start, then the long half-life; surprising readings teach less
        double w = z > SURPRISING_Z || stuck > 0.3 ? anomalyWeight : 1.0;
        double aLong = Math.max(alphaLong, 1.0 / n) * w;
        level += aLong * (x - s - level);
        if (seasonal) {
            // about 5 % per day of the hour's readings, so the profile follows the season, not the last hour
            double perHour = Math.max(1, 3_600_000.0 / intervalMs);
            double aSeason = Math.max(0.05 / perHour, 1.0 / (seasonCount[hour] + 1)) * w;
            season[hour] += aSeason * (x - level - season[hour]);
            seasonCount[hour]++;
        }
        shortMean = newShort;
        mediumMean = newMedium;
        boolean mature = n > MATURE / alphaLong;
        shortStats.clip = mature;
        mediumStats.clip = mature;
        varStats.clip = mature;
        // the statistics that judge surprise learn from unsurprising readings only (after warm-up), so a slowly
        // growing fault cannot teach them that it is normal; the baselines above still adapt, slowly
        double aStats = Math.max(alphaLong, 1.0 / n) * (learning || z <= SURPRISING_Z ? 1 : STATS_WEIGHT);
        shortStats.learn(newShort, aStats);
        mediumStats.learn(newMedium, aStats);
        absDevFast += Math.max(alphaLong, 1.0 / n) * w * (Math.abs(jump) - absDevFast);
        fastLevel += alphaFast * (zPoint > SURPRISING_Z ? anomalyWeight : 1.0) * (x - fastLevel);
        shortEnergy = newShortEnergy;
        longEnergy += aLong * (clipped * clipped - longEnergy);
        if (n > 2) {
            varStats.learn(logRatio, aStats);
        }
        zeroDiffShare += Math.max(alphaLong, 1.0 / n) * w * ((same ? 1 : 0) - zeroDiffShare);
        previous = x;
        return score;
    }

    /** The learnt hour-of-day component at {@code ts} (0 for series sampled faster than every 30 s). */
    public double seasonal(long ts) {
        int hour = Timestamps.hourOfDay(ts);
        return intervalMs >= SEASONAL_MIN_INTERVAL_MS && seasonCount[hour] >= 2 ? season[hour] : 0;
    }

    /** What the slow baseline expected for the last reading. */
    public double expected() {
        return expected;
    }

    /** The local level just before the last reading (a fast moving average of the readings before it). */
    public double recentLevel() {
        return recentLevel;
    }

    /** Last reading minus its expected value. */
    public double residual() {
        return residual;
    }

    /** Which feature drove the last score. */
    public Component dominant() {
        return dominant;
    }

    public double lastScore() {
        return lastScore;
    }

    /** Sign of the sustained deviation (short moving average of the residual): +1, -1 or 0. */
    public int shiftSign() {
        return (int) Math.signum(shortMean);
    }
}
