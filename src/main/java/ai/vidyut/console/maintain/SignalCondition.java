package ai.vidyut.console.maintain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The condition of one signal of one asset over an analysis window: where it is now against its own baseline and its
 * peers, how fast it is moving, its waveform shape, and when its trend is projected to cross the failure threshold.
 *
 * @param level          mean of the recent part of the window
 * @param baselineMean   mean of the early part of the window (the asset's own baseline)
 * @param slopePerDay    least-squares trend of the later half of the window, units per day
 * @param zOwn           deviation of level from the baseline in baseline standard deviations
 * @param zPeer          robust deviation of level from the same signal of similar assets (NaN without peers)
 * @param daysToThreshold projected days until the trend crosses the threshold (NaN when not rising or no threshold)
 * @param peersAtSameSite whether the peers were assets of the same site (else similar assets at other sites)
 */
public record SignalCondition(ConditionSignal signal, double level, double baselineMean, double baselineStd,
                              double slopePerDay, double slopeStdErrPerDay, double trendR2, double zOwn, double zPeer,
                              double rms, double peak, double crest, double kurtosis, double skewness,
                              double threshold, double daysToThreshold, double daysLower, double daysUpper,
                              long windowStartMillis, long windowEndMillis, boolean peersAtSameSite) {

    /** Longest horizon projected; beyond it a crossing is reported as "not within a year". */
    public static final double HORIZON_DAYS = 365;

    public boolean projectedCrossing() {
        return !Double.isNaN(daysToThreshold) && daysToThreshold <= HORIZON_DAYS;
    }

    public boolean overThreshold() {
        return !Double.isNaN(threshold) && level >= threshold;
    }

    /** Named, scale-free features for the health classifier (see {@link ConditionSignal#featureNames()}). */
    public Map<String, Double> features() {
        Map<String, Double> f = new LinkedHashMap<>();
        String p = signal.label() + ".";
        f.put(p + "z_own", zOwn);
        f.put(p + "z_peer", zPeer);
        double sd = Math.max(baselineStd, 0.01 * Math.abs(baselineMean) + 1e-9);
        f.put(p + "slope_sigma_day", slopePerDay / sd);
        f.put(p + "level_ratio", baselineMean == 0 ? Double.NaN : level / baselineMean);
        f.put(p + "threshold_fraction", Double.isNaN(threshold) || threshold == 0 ? Double.NaN : level / threshold);
        f.put(p + "crest", crest);
        f.put(p + "kurtosis", kurtosis);
        f.put(p + "skewness", skewness);
        return f;
    }
}
