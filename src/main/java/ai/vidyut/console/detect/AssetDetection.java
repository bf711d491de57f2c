package ai.vidyut.console.detect;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Live multivariate detection per asset, for assets with several channels that are read together (the simulator's
 * pump: power, vibration, temperature, speed; the inverter: power, temperature). Called by {@link LiveDetection}
 * on its worker thread for every live reading.
 * <p>
 * <b>Alignment.</b> An asset's channels are the metrics of its first snapshot (readings within {@code tolerance}
 * of its first timestamp); an asset with fewer than two is left to the per-series path. Readings are gathered
 * into one row per timestamp; a row is complete when every channel has a reading at that time, and is also
 * emitted once a reading more than {@code tolerance} newer arrives, with a missing channel taken from that
 * channel's latest reading if it is at most {@code tolerance} older (else missing). So a channel arriving in a
 * different batch, or a few seconds apart, still lands in the same row. Rows are scored strictly in time order
 * (causal); a row older than the last scored one is dropped.
 * <p>
 * <b>Scoring.</b> The asset vector goes through a {@link RelationDetector} (each channel predicted from the
 * others; the Mahalanobis distance was tried first and also flags a cloudy day or a pump switching off, which
 * keep the channels' relation), trained on the asset's first normal rows — primed from stored history when the
 * asset is first seen. A row is anomalous at the series threshold of the parameters.
 * <p>
 * <b>Anomalies.</b> Anomalous rows merge as in the per-series path ({@link AnomalyBuilder}) into an anomaly of
 * type {@code pattern_change} whose metric is the channel contributing most to the distance when it opens; its
 * value is that channel's reading and its expected value what that channel should read given the asset's other
 * channels (the conditional mean under the learnt Gaussian), so the list and the timeline show it in the
 * asset's lane for that metric with a meaningful deviation. It is stored when it opens, updated while it grows,
 * and raises an alert.
 * <p>
 * <b>No duplicate alarms.</b> When an asset-level anomaly opens while the per-series detector already has an
 * open anomaly on any of the asset's channels, it is suppressed for its whole duration: it is the same event, and
 * the per-series anomaly is the better explanation (specific type, its own expected value). The multivariate path
 * only adds what the channels do not show one by one — a broken relation between them.
 */
final class AssetDetection {

    static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(30);
    /**
     * Asset kinds whose channels are physically coupled (one machine's load, speed, heat, vibration). Meters,
     * batteries, PV arrays and weather stations are left out: their channels are driven by separate outside causes
     * (loads behind the meter, the charge controller, the weather), so a "broken relation" there is normal life
     * and would only raise false alarms; assets of unknown kind too.
     */
    static final Set<AssetKind> COUPLED = EnumSet.of(AssetKind.INVERTER, AssetKind.PUMP, AssetKind.HVAC,
            AssetKind.GENERATOR, AssetKind.TRANSFORMER);
    private static final Duration PRIME_HISTORY = Duration.ofDays(2);
    private static final int MAX_PENDING_ROWS = 1024;
    private static final int MAX_CHANNELS = 12;

    private final AnomalyStore anomalies;
    private final AlertService alerts;
    private final ReadingStore readings;
    private final Function<SeriesKey, DetectorParams> params;
    private final BiFunction<String, String, AssetKind> kindOf;
    private final Predicate<SeriesKey> perSeriesOpen;
    private final Consumer<Anomaly> notify;
    private final long toleranceMs;
    private final Map<String, Asset> assets = new HashMap<>();
    private long rowsScored;
    private long suppressed;

    AssetDetection(AnomalyStore anomalies, AlertService alerts, ReadingStore readings,
                   Function<SeriesKey, DetectorParams> params, BiFunction<String, String, AssetKind> kindOf,
                   Predicate<SeriesKey> perSeriesOpen,
                   Consumer<Anomaly> notify, Duration tolerance) {
        this.anomalies = anomalies;
        this.alerts = alerts;
        this.readings = readings;
        this.params = params;
        this.kindOf = kindOf;
        this.perSeriesOpen = perSeriesOpen;
        this.notify = notify;
        this.toleranceMs = tolerance.toMillis();
    }

    /** Takes one live reading (after the per-series detector has seen it). */
    void accept(Reading r) {
        String id = r.siteId() + '\u0000' + r.assetId();
        assets.computeIfAbsent(id, k -> new Asset(r.siteId(), r.assetId())).accept(r);
    }

    /** Asset rows scored by the multivariate detectors so far. */
    long rowsScored() {
        return rowsScored;
    }

    /** Asset-level anomalies not stored because the per-series path already had one open on the asset. */
    long suppressed() {
        return suppressed;
    }

    /** The channels of an asset scored as a vector (empty while unknown or when it has fewer than two). */
    List<String> channels(String siteId, String assetId) {
        Asset a = assets.get(siteId + '\u0000' + assetId);
        return a == null || !a.multivariate ? List.of() : List.copyOf(a.channels);
    }

    private final class Asset {
        final String siteId;
        final String assetId;
        long firstTs = Long.MIN_VALUE;
        final Set<String> discovered = new LinkedHashSet<>();
        List<String> channels;
        boolean multivariate;
        Map<String, Integer> index;
        DetectorParams p;
        RelationDetector detector;
        double[] latest;
        long[] latestTs;
        final TreeMap<Long, double[]> pending = new TreeMap<>();
        long lastScored = Long.MIN_VALUE;
        // the anomaly in progress
        AnomalyBuilder builder;
        int builderChannel;
        final StoredAnomaly stored = new StoredAnomaly(anomalies, alerts, notify);
        boolean suppressing;

        Asset(String siteId, String assetId) {
            this.siteId = siteId;
            this.assetId = assetId;
        }

        void accept(Reading r) {
            if (channels == null) {
                discover(r);
                if (channels == null || !multivariate) {
                    return;
                }
            }
            if (!multivariate) {
                return;
            }
            Integer c = index.get(r.metric());
            if (c == null || Double.isNaN(r.value())) {
                return;
            }
            long ts = r.timestampMillis();
            if (ts >= latestTs[c]) {
                latest[c] = r.value();
                latestTs[c] = ts;
            }
            if (ts > lastScored) {
                double[] row = pending.computeIfAbsent(ts, t -> nanRow());
                row[c] = r.value();
            }
            emitReady(ts);
        }

        private void discover(Reading r) {
            if (firstTs == Long.MIN_VALUE) {
                firstTs = r.timestampMillis();
            }
            if (r.timestampMillis() <= firstTs + toleranceMs) {
                if (discovered.size() < MAX_CHANNELS) {
                    discovered.add(r.metric());
                }
                return;
            }
            channels = List.copyOf(discovered);
            multivariate = channels.size() >= 2 && COUPLED.contains(kindOf.apply(siteId, assetId));
            if (!multivariate) {
                return;
            }
            index = new HashMap<>();
            for (int i = 0; i < channels.size(); i++) {
                index.put(channels.get(i), i);
            }
            int k = channels.size();
            p = params.apply(new SeriesKey(siteId, assetId, channels.get(0)));
            detector = new RelationDetector(p, k);
            latest = nanRow();
            latestTs = new long[k];
            java.util.Arrays.fill(latestTs, Long.MIN_VALUE);
            prime(r.timestampMillis());
        }

        private double[] nanRow() {
            double[] row = new double[channels.size()];
            java.util.Arrays.fill(row, Double.NaN);
            return row;
        }

        /** Replays the asset's stored history before {@code until} (rows aligned by timestamp) to learn normal. */
        private void prime(long until) {
            if (readings == null) {
                return;
            }
            TreeMap<Long, double[]> history = new TreeMap<>();
            for (int c = 0; c < channels.size(); c++) {
                int channel = c;
                readings.forEachPoint(new SeriesKey(siteId, assetId, channels.get(c)),
                        until - PRIME_HISTORY.toMillis(), until, pt ->
                                history.computeIfAbsent(pt.timestampMillis(), t -> nanRow())[channel] = pt.value());
            }
            for (Map.Entry<Long, double[]> e : history.entrySet()) {
                if (e.getKey() < until) {
                    score(e.getKey(), e.getValue(), false);
                }
            }
        }

        private void emitReady(long newest) {
            while (!pending.isEmpty()) {
                Map.Entry<Long, double[]> first = pending.firstEntry();
                boolean complete = true;
                for (double v : first.getValue()) {
                    complete &= !Double.isNaN(v);
                }
                boolean stale = newest > first.getKey() + toleranceMs || pending.size() > MAX_PENDING_ROWS;
                if (!complete && !stale) {
                    return;
                }
                pending.pollFirstEntry();
                long ts = first.getKey();
                double[] row = first.getValue();
                for (int c = 0; c < row.length; c++) {
                    if (Double.isNaN(row[c]) && latestTs[c] != Long.MIN_VALUE && latestTs[c] <= ts
                            && ts - latestTs[c] <= toleranceMs) {
                        row[c] = latest[c];
                    }
                }
                score(ts, row, true);
            }
        }

        private void score(long ts, double[] row, boolean live) {
            if (ts <= lastScored) {
                return;
            }
            lastScored = ts;
            double s = detector.update(ts, row);
            if (!live) {
                return;
            }
            rowsScored++;
            boolean anomalous = s >= p.threshold() && s > 0;
            if (builder == null && !anomalous) {
                return;
            }
            if (builder == null) {
                builderChannel = Math.max(0, detector.topChannel());
                builder = new AnomalyBuilder(siteId, assetId, channels.get(builderChannel), p, 2,
                        this::closed);
                suppressing = perSeriesOpenOnAsset();
                if (suppressing) {
                    suppressed++;
                }
            }
            int c = builderChannel;
            double expected = detector.expected(c);
            double value = Double.isNaN(row[c]) ? latest[c] : row[c];
            SeriesDetector.Result result = new SeriesDetector.Result(s, anomalous,
                    anomalous ? AnomalyType.PATTERN_CHANGE : null, expected, new double[0], expected);
            builder.accept(ts, value, result);
            if (builder != null && !builder.isOpen()) { // dropped before its alarm delay: nothing was stored
                builder = null;
                suppressing = false;
            }
            Anomaly now = builder == null ? null : builder.snapshot();
            if (!suppressing) {
                stored.progress(now, anomalous);
            }
        }

        private boolean perSeriesOpenOnAsset() {
            for (String metric : channels) {
                if (perSeriesOpen.test(new SeriesKey(siteId, assetId, metric))) {
                    return true;
                }
            }
            return false;
        }

        private void closed(Anomaly a) {
            builder = null;
            stored.closed(a); // nothing was stored while suppressing
            suppressing = false;
        }
    }
}
