package ai.vidyut.console.detect;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.SeriesKey;

import ai.vidyut.console.telemetry.Reading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Batch detection over stored history (imported CSV or anything else in the reading store): every series of a site
 * (optionally one asset and/or one metric) is read in time order over [from, to) and run through the same
 * {@link SeriesDetector} and {@link AnomalyBuilder} live detection uses, with the series' active parameters
 * ({@link LiveDetection#active}). The detector is first primed on up to two days of history before {@code from}
 * (scored and remembered for shape typing, but not reported), so a scan of a recent range judges it against what
 * came before, as live detection does. Per-asset multivariate detection ({@link AssetDetection}) is live only.
 *
 * <p>Idempotent: an anomaly whose span overlaps one already stored for the same series (by an earlier scan or by
 * live detection) is not stored again, so re-scanning a range adds nothing. Scans raise no alerts: they report on
 * the past, and operators see them in the Anomalies view.
 */
public final class HistoryScan {

    static final Duration PRIME_HISTORY = Duration.ofDays(2);

    /** What a scan did: series and readings scanned, anomalies found, newly stored, and already stored before. */
    public record Summary(String siteId, int series, long readings, int anomaliesFound, int anomaliesStored,
                          int alreadyStored, List<Anomaly> stored) {
    }

    private final ReadingStore readings;
    private final AnomalyStore anomalies;
    private final ModelRegistry registry;
    private final SiteStore sites;

    /** {@code registry} may be null: then every series is scanned with the shipped default parameters. */
    public HistoryScan(ReadingStore readings, AnomalyStore anomalies, ModelRegistry registry) {
        this.readings = readings;
        this.anomalies = anomalies;
        this.registry = registry;
        this.sites = new SiteStore(anomalies.database());
    }

    /**
     * Scans the stored series of {@code siteId} matching {@code assetId} and {@code metric} (null = any) over
     * {@code [fromMillis, toMillis)}.
     */
    public Summary scan(String siteId, String assetId, String metric, long fromMillis, long toMillis) {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("a site is required");
        }
        if (fromMillis >= toMillis) {
            throw new IllegalArgumentException("the scan range is empty: from must be before to");
        }
        List<SeriesKey> keys = readings.series(siteId).stream()
                .filter(k -> assetId == null || k.assetId().equals(assetId))
                .filter(k -> metric == null || k.metric().equals(metric))
                .toList();
        return scan(siteId, keys, fromMillis, toMillis);
    }

    /** Scans the given series (all of one site) over {@code [fromMillis, toMillis)}. */
    public Summary scan(String siteId, List<SeriesKey> keys, long fromMillis, long toMillis) {
        long total = 0;
        int found = 0;
        int already = 0;
        List<Anomaly> stored = new ArrayList<>();
        for (SeriesKey key : keys) {
            List<Anomaly> seriesAnomalies = new ArrayList<>();
            total += scanSeries(key, fromMillis, toMillis, seriesAnomalies);
            for (Anomaly a : seriesAnomalies) {
                found++;
                if (!anomalies.overlapping(a.siteId(), a.assetId(), a.metric(), a.startMillis(), a.endMillis())
                        .isEmpty()) {
                    already++;
                } else {
                    stored.add(anomalies.save(a));
                }
            }
        }
        return new Summary(siteId, keys.size(), total, found, stored.size(), already, List.copyOf(stored));
    }

    private long scanSeries(SeriesKey key, long fromMillis, long toMillis, List<Anomaly> out) {
        AssetKind kind = sites.kindOf(key.siteId(), key.assetId());
        DetectorParams params = LiveDetection.active(registry, key, kind).params();
        SeriesDetector detector = new SeriesDetector(params, List.of(key.metric()));
        AnomalyBuilder builder = new AnomalyBuilder(key.siteId(), key.assetId(), key.metric(), params, 2,
                out::add);
        double[] row = new double[1];
        long[] last = {Long.MIN_VALUE};
        long[] count = {0};
        long primeFrom = fromMillis - PRIME_HISTORY.toMillis();
        if (primeFrom < fromMillis) { // no overflow: a scan from the beginning has nothing to prime on
            readings.forEachPoint(key, primeFrom, fromMillis, p -> {
                row[0] = p.value();
                builder.observe(p.timestampMillis(), p.value(), detector.update(p.timestampMillis(), row));
                last[0] = p.timestampMillis();
            });
        }
        readings.forEachPoint(key, fromMillis, toMillis, p -> {
            if (p.timestampMillis() <= last[0]) {
                return;
            }
            last[0] = p.timestampMillis();
            row[0] = p.value();
            SeriesDetector.Result r = detector.update(p.timestampMillis(), row);
            builder.accept(p.timestampMillis(), p.value(), r);
            count[0]++;
        });
        builder.flush();
        return count[0];
    }

    /**
     * The time span of each series seen in batches of stored readings (an import's batches, see
     * {@code CsvImporter.onBatchStored}), so that exactly the imported range can be scanned afterwards.
     */
    public static final class Span implements Consumer<List<Reading>> {

        private final Map<SeriesKey, long[]> spans = new LinkedHashMap<>();

        @Override
        public synchronized void accept(List<Reading> batch) {
            for (Reading r : batch) {
                long[] s = spans.computeIfAbsent(r.seriesKey(), k -> new long[]{Long.MAX_VALUE, Long.MIN_VALUE});
                s[0] = Math.min(s[0], r.timestampMillis());
                s[1] = Math.max(s[1], r.timestampMillis());
            }
        }

        public synchronized boolean isEmpty() {
            return spans.isEmpty();
        }

        synchronized Map<SeriesKey, long[]> snapshot() {
            Map<SeriesKey, long[]> copy = new LinkedHashMap<>();
            spans.forEach((k, v) -> copy.put(k, v.clone()));
            return copy;
        }
    }

    /** Scans each series of a {@link Span} over the range it covers; one summary per site, in order of appearance. */
    public List<Summary> scan(Span span) {
        Map<String, List<Summary>> perSite = new LinkedHashMap<>();
        span.snapshot().forEach((key, range) -> perSite.computeIfAbsent(key.siteId(), s -> new ArrayList<>())
                .add(scan(key.siteId(), List.of(key), range[0], range[1] + 1)));
        List<Summary> out = new ArrayList<>();
        perSite.forEach((site, parts) -> {
            int series = 0;
            long total = 0;
            int found = 0;
            int stored = 0;
            int already = 0;
            List<Anomaly> all = new ArrayList<>();
            for (Summary p : parts) {
                series += p.series();
                total += p.readings();
                found += p.anomaliesFound();
                stored += p.anomaliesStored();
                already += p.alreadyStored();
                all.addAll(p.stored());
            }
            out.add(new Summary(site, series, total, found, stored, already, List.copyOf(all)));
        });
        return out;
    }
}
