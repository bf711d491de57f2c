package ai.vidyut.console.detect;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Merges the labelled readings of one series into {@link Anomaly} events: anomalous readings separated by at most
 * {@code maxGap} normal ones belong to one anomaly. Value, expected value and deviation are taken at the peak score.
 * <p>
 * The type comes from the per-reading types (specific ones — stuck sensor, overheating, power drop — win when
 * frequent) and from the <em>shape</em> of the deviation against the series just before the anomaly (see
 * {@link ShapeTyping}): a short excursion that does not come back is a level shift, not a spike; an abrupt
 * return after a ramp in the readings before is the end of a drift. The shape needs the readings after the last
 * anomalous one, so the type of a short anomaly is final when it ends ({@link #snapshot()} gives the provisional
 * one while it is open).
 * <p>
 * With an alarm delay (an on-delay, {@link DetectorParams#alarmDelaySeconds()}) an anomaly is only raised once it has
 * lasted that long (first to latest anomalous reading), or when the delay has passed since it started and the series
 * has stayed displaced (the readings after it stay at least half as far from the level before it) <em>and</em> the
 * step is not the one the series made at the same time the day before — a lasting change that the detector has
 * already started to learn (a power drop) rather than a passing cloud or a pump's daily start. Until then
 * {@link #snapshot()} gives nothing; an anomaly that is neither is dropped (counted by {@link #dropped()}), and an
 * anomalous reading after more than {@code maxGap} normal ones starts a new candidate. A raised anomaly still starts
 * at its first anomalous reading.
 */
public final class AnomalyBuilder {

    private final String siteId;
    private final String assetId;
    private final String metric;
    private final double threshold;
    private final int maxGap;
    private final Consumer<Anomaly> sink;
    private final long alarmDelayMillis;
    private long dropped;
    private boolean confirmed;
    private final ShapeTyping shape = new ShapeTyping();
    /** Anomalies of at most this many readings are typed by what follows them (spike or level shift). */
    private static final int SHORT = 6;

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
        this(siteId, assetId, metric, threshold, maxGap, 0, sink);
    }

    /** A builder with the threshold and alarm delay of {@code params}. */
    public AnomalyBuilder(String siteId, String assetId, String metric, DetectorParams params, int maxGap,
                          Consumer<Anomaly> sink) {
        this(siteId, assetId, metric, params.threshold(), maxGap, Math.round(params.alarmDelaySeconds() * 1000),
                sink);
    }

    private AnomalyBuilder(String siteId, String assetId, String metric, double threshold, int maxGap,
                           long alarmDelayMillis, Consumer<Anomaly> sink) {
        this.alarmDelayMillis = alarmDelayMillis;
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
            if (open && !confirmed && gap > maxGap) { // a new excursion: the one waiting for its delay did not last
                dropped++;
                open = false;
            }
            if (!open) {
                open = true;
                start = ts;
                readings = 0;
                peak = -1;
                votes.clear();
                firstType = r.type();
                confirmed = alarmDelayMillis == 0;
                shape.open();
            }
            end = ts;
            readings++;
            gap = 0;
            confirmed |= end - start >= alarmDelayMillis;
            votes.merge(r.type(), 1, Integer::sum);
            if (r.score() > peak) {
                peak = r.score();
                peakValue = value;
                peakExpected = r.expected();
            }
            shape.anomalous(value);
        } else if (open) {
            shape.after(value);
            gap++;
            if (!confirmed) {
                if (ts - start >= alarmDelayMillis) {
                    confirmed = shape.hasAfter() && shape.staysDisplaced(peakValue)
                            && shape.unlikeDayBefore(start, ts);
                    if (!confirmed) {
                        dropped++;
                        open = false;
                    }
                }
            } else if (gap > maxGap) {
                flush();
            }
        }
        shape.remember(ts, value, r.baseline());
    }

    /**
     * Remembers a reading that is not to be judged (history replayed to prime a detector), so the shape of the
     * first live anomaly can be compared with what came before it.
     */
    public void observe(long ts, double value, SeriesDetector.Result r) {
        if (!open) {
            shape.remember(ts, value, r.baseline());
        }
    }

    /** Closes the anomaly in progress, if any (end of input). */
    public void flush() {
        if (!open) {
            return;
        }
        if (confirmed) {
            sink.accept(current(true));
        } else {
            dropped++;
        }
        open = false;
    }

    /** The anomaly in progress as it stands now (null when none is open or it has not lasted the alarm delay). */
    public Anomaly snapshot() {
        return open && confirmed ? current(false) : null;
    }

    /** Anomalies that ended before they lasted the alarm delay, and so were never raised. */
    public long dropped() {
        return dropped;
    }

    private Anomaly current(boolean ended) {
        AnomalyType type = typeOf(ended);
        double dev = Math.abs(peakExpected) > 1e-9 ? 100 * (peakValue - peakExpected) / Math.abs(peakExpected) : 0;
        Severity severity = Severity.of(peak, threshold, dev, type);
        return new Anomaly(0, siteId, assetId, metric, type, severity, start, end, peakValue, peakExpected,
                dev, peak, readings);
    }

    /**
     * The anomaly's type: stuck sensor or overheating given to at least 30 % of the readings win; then the end of a
     * ramp (drift), then power drop (30 %); a short event (at most {@value #SHORT} readings) is a level shift when the series stays displaced after it
     * and a spike when it comes back; a longer one that was already ramping before it started is a drift; an abrupt
     * onset followed by a lasting deviation is a level shift; else the majority of the per-reading types.
     */
    private AnomalyType typeOf(boolean ended) {
        for (AnomalyType specific : new AnomalyType[]{AnomalyType.STUCK_SENSOR, AnomalyType.OVERHEATING}) {
            if (votes.getOrDefault(specific, 0) >= 0.3 * readings) {
                return specific;
            }
        }
        if (shape.returnAfterRamp(peakValue)) {
            return AnomalyType.DRIFT;
        }
        if (votes.getOrDefault(AnomalyType.POWER_DROP, 0) >= 0.3 * readings) {
            return AnomalyType.POWER_DROP;
        }
        boolean generic = firstType == AnomalyType.SPIKE || firstType == AnomalyType.LEVEL_SHIFT
                || firstType == AnomalyType.DRIFT;
        if (readings <= SHORT) {
            if (ended && generic && shape.hasAfter()) {
                return shape.staysDisplaced(peakValue) ? AnomalyType.LEVEL_SHIFT : AnomalyType.SPIKE;
            }
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
        if (generic && (majority == AnomalyType.DRIFT || majority == AnomalyType.LEVEL_SHIFT
                || majority == AnomalyType.SPIKE)) {
            AnomalyType byShape = shape.stepOrRamp();
            if (byShape != null) {
                return byShape;
            }
        }
        boolean abrupt = firstType == AnomalyType.SPIKE || firstType == AnomalyType.LEVEL_SHIFT;
        if (abrupt && (majority == AnomalyType.DRIFT || majority == AnomalyType.SPIKE
                || majority == AnomalyType.ERRATIC)) {
            return AnomalyType.LEVEL_SHIFT;
        }
        return majority;
    }

    /** An anomaly is open and raised (past the alarm delay). */
    public boolean inProgress() {
        return open && confirmed;
    }

    /** An anomaly is open, raised or still waiting for the alarm delay. */
    public boolean isOpen() {
        return open;
    }
}
