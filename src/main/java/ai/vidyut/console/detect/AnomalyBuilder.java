package ai.vidyut.console.detect;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Merges the labelled readings of one series into {@link Anomaly} events: anomalous readings separated by at most
 * {@code maxGap} normal ones belong to one anomaly. The type is the one most readings were given (stuck sensor and
 * overheating win ties as the most specific); value, expected value and deviation are taken at the peak score.
 */
public final class AnomalyBuilder {

    private final String siteId;
    private final String assetId;
    private final String metric;
    private final double threshold;
    private final int maxGap;
    private final Consumer<Anomaly> sink;

    private boolean open;
    private long start;
    private long end;
    private int readings;
    private int gap;
    private double peak;
    private double peakValue;
    private double peakExpected;
    private final Map<AnomalyType, Integer> votes = new EnumMap<>(AnomalyType.class);

    public AnomalyBuilder(String siteId, String assetId, String metric, double threshold, int maxGap,
                          Consumer<Anomaly> sink) {
        this.siteId = siteId;
        this.assetId = assetId;
        this.metric = metric;
        this.threshold = threshold;
        this.maxGap = maxGap;
        this.sink = sink;
    }

    /** Feeds one scored reading (value of the series' first channel). */
    public void accept(long ts, double value, SeriesDetector.Result r) {
        if (r.anomalous()) {
            if (!open) {
                open = true;
                start = ts;
                readings = 0;
                peak = -1;
                votes.clear();
            }
            end = ts;
            readings++;
            gap = 0;
            votes.merge(r.type(), 1, Integer::sum);
            if (r.score() > peak) {
                peak = r.score();
                peakValue = value;
                peakExpected = r.expected();
            }
        } else if (open && ++gap > maxGap) {
            flush();
        }
    }

    /** Closes the anomaly in progress, if any (end of input). */
    public void flush() {
        if (!open) {
            return;
        }
        open = false;
        AnomalyType type = null;
        int best = -1;
        for (Map.Entry<AnomalyType, Integer> e : votes.entrySet()) {
            int v = e.getValue();
            boolean specific = e.getKey() == AnomalyType.STUCK_SENSOR || e.getKey() == AnomalyType.OVERHEATING;
            if (v > best || (v == best && specific)) {
                best = v;
                type = e.getKey();
            }
        }
        if (type == AnomalyType.SPIKE && readings > 3) {
            type = AnomalyType.LEVEL_SHIFT;
        }
        double dev = Math.abs(peakExpected) > 1e-9 ? 100 * (peakValue - peakExpected) / Math.abs(peakExpected) : 0;
        Severity severity = Severity.of(peak, threshold, dev, type);
        sink.accept(new Anomaly(0, siteId, assetId, metric, type, severity, start, end, peakValue, peakExpected,
                dev, peak, readings));
    }

    public boolean inProgress() {
        return open;
    }
}
