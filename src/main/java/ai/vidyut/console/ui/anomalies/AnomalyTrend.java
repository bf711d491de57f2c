package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.SeriesKey;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored series around one anomaly, with the expected band to draw behind it. Loaded off the FX thread.
 *
 * <p>An anomaly stores only its expected value (the detector's context estimate at the peak), not a band. The band
 * is therefore the expected value ± {@value #BAND_SIGMAS} standard deviations of the series' raw readings in the
 * window before the anomaly started (its normal variability); with fewer than two such readings, or none varying,
 * it is ± {@value #FALLBACK_FRACTION} of the expected value's magnitude.
 */
public record AnomalyTrend(Anomaly anomaly, long fromMillis, long toMillis, List<ReadingStore.Point> points,
                           double expected, double low, double high) {

    static final double BAND_SIGMAS = 2.0;
    static final double FALLBACK_FRACTION = 0.05;
    /** Context shown on each side of the anomaly: at least this, or the anomaly's own duration if longer. */
    static final long MIN_PAD_MILLIS = 30 * 60_000L;
    /** At most this much history before the anomaly goes into the variability estimate. */
    static final long MAX_STATS_MILLIS = 6 * 3_600_000L;
    static final int MAX_POINTS = 600;

    public static AnomalyTrend load(ReadingStore readings, Anomaly a) {
        long duration = Math.max(0, a.endMillis() - a.startMillis());
        long pad = Math.max(MIN_PAD_MILLIS, duration);
        long from = a.startMillis() - pad;
        long to = a.endMillis() + pad;
        SeriesKey key = new SeriesKey(a.siteId(), a.assetId(), a.metric());
        ReadingStore.Chart chart = readings.chart(key, from, to + 1, MAX_POINTS);
        List<ReadingStore.Point> points = new ArrayList<>(chart.buckets().size());
        for (ReadingStore.Bucket b : chart.buckets()) {
            long mid = b.startMillis() + chart.bucketMillis() / 2;
            points.add(new ReadingStore.Point(Math.max(from, Math.min(to, mid)), b.mean()));
        }
        double[] welford = new double[3]; // count, mean, M2
        readings.forEachPoint(key, a.startMillis() - Math.min(pad, MAX_STATS_MILLIS), a.startMillis(), p -> {
            if (!Double.isFinite(p.value())) {
                return;
            }
            welford[0]++;
            double delta = p.value() - welford[1];
            welford[1] += delta / welford[0];
            welford[2] += delta * (p.value() - welford[1]);
        });
        double sigma = welford[0] >= 2 ? Math.sqrt(welford[2] / (welford[0] - 1)) : 0;
        double expected = a.expectedValue();
        double half = sigma > 0 ? BAND_SIGMAS * sigma : FALLBACK_FRACTION * Math.abs(expected);
        if (!(half > 0)) {
            half = FALLBACK_FRACTION * Math.max(1e-9, Math.abs(a.value() - expected));
        }
        return new AnomalyTrend(a, from, to, List.copyOf(points), expected, expected - half, expected + half);
    }
}
