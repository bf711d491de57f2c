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
    private AnomalyType firstType;

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
                firstType = r.type();
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
        sink.accept(current());
    }

    /** The anomaly in progress as it stands now (null when none is open). */
    public Anomaly snapshot() {
        return open ? current() : null;
    }

    private Anomaly current() {
        AnomalyType type = typeOf();
        double dev = Math.abs(peakExpected) > 1e-9 ? 100 * (peakValue - peakExpected) / Math.abs(peakExpected) : 0;
        Severity severity = Severity.of(peak, threshold, dev, type);
        return new Anomaly(0, siteId, assetId, metric, type, severity, start, end, peakValue, peakExpected,
                dev, peak, readings);
    }

    /**
     * The anomaly's type from the per-reading types: a specific type (stuck sensor, overheating, power drop) given
     * to at least 30 % of the readings wins; a short event keeps the type of its onset; an abrupt onset followed by
     * a lasting deviation is a level shift even when the later readings look like drift; else the majority.
     */
    private AnomalyType typeOf() {
        for (AnomalyType specific : new AnomalyType[]{AnomalyType.STUCK_SENSOR, AnomalyType.OVERHEATING,
                AnomalyType.POWER_DROP}) {
            if (votes.getOrDefault(specific, 0) >= 0.3 * readings) {
                return specific;
            }
        }
        if (readings <= 3) {
            return firstType;
        }
        AnomalyType majority = firstType;
        int best = -1;
        for (Map.Entry<AnomalyType, Integer> e : votes.entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                majority = e.getKey();
            }
        }
        boolean abrupt = firstType == AnomalyType.SPIKE || firstType == AnomalyType.LEVEL_SHIFT;
        if (abrupt && (majority == AnomalyType.DRIFT || majority == AnomalyType.SPIKE
                || majority == AnomalyType.ERRATIC)) {
            return AnomalyType.LEVEL_SHIFT;
        }
        return majority;
    }

    public boolean inProgress() {
        return open;
    }
}
