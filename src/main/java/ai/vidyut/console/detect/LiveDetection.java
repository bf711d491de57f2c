package ai.vidyut.console.detect;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.ingest.PipelineListener;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Live detection: a {@link PipelineListener} that scores every committed reading of every series on its own
 * worker thread (the pipeline's writer is never held up), stores an anomaly as soon as it opens (and updates it
 * while it grows and when it ends), and raises an alert for it. A series seen for the first time is primed by
 * replaying its recent stored history, so detection works right after a restart. Parameters come from the active
 * registry run of kind {@value Training#KIND} for the series scope, else for {@code global}, else the shipped
 * defaults. Assets with several coupled channels are also scored as a whole ({@link AssetDetection}).
 */
public final class LiveDetection implements PipelineListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDetection.class);
    private static final Duration PRIME_HISTORY = Duration.ofDays(2);

    private final AnomalyStore anomalies;
    private final AlertService alerts;
    private final ReadingStore readings;
    private final ModelRegistry registry;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-detection");
        t.setDaemon(true);
        return t;
    });
    private final Map<SeriesKey, Series> series = new HashMap<>();
    private final List<Consumer<Anomaly>> listeners = new CopyOnWriteArrayList<>();
    private volatile long scored;
    private final AssetDetection assets;
    private final SiteStore sites;

    private final class Series {
        final SeriesDetector detector;
        final AnomalyBuilder builder;
        final double[] row = new double[1];
        final StoredAnomaly stored = new StoredAnomaly(anomalies, alerts, LiveDetection.this::notifyListeners);
        /** Per-minute means in front of the detector (null: every reading is scored). */
        final MinuteAggregator perMinute;
        long lastTs = Long.MIN_VALUE;
        long scores;

        Series(SeriesKey key, DetectorParams params, boolean scoredPerMinute) {
            detector = new SeriesDetector(params, List.of(key.metric()));
            builder = new AnomalyBuilder(key.siteId(), key.assetId(), key.metric(), params, 2,
                    stored::closed);
            perMinute = scoredPerMinute ? new MinuteAggregator() : null;
        }

        void accept(long ts, double value, boolean live) {
            if (ts <= lastTs) {
                return; // out of order or repeated: scoring stays causal per series
            }
            lastTs = ts;
            if (perMinute == null) {
                score(ts, value, live);
            } else {
                perMinute.accept(ts, value, (minuteTs, mean) -> score(minuteTs, mean, live));
            }
        }

        private void score(long ts, double value, boolean live) {
            row[0] = value;
            scores++;
            SeriesDetector.Result r = detector.update(ts, row);
            if (!live) {
                builder.observe(ts, value, r);
                return;
            }
            builder.accept(ts, value, r);
            stored.progress(builder.snapshot(), r.anomalous());
        }
    }

    private volatile Runnable detach = () -> { };

    /** A detector listening to a running console's pipeline; closing it detaches it. */
    public static LiveDetection attach(ai.vidyut.console.runtime.ConsoleRuntime runtime) {
        LiveDetection d = new LiveDetection(new AnomalyStore(runtime.database()), new AlertService(runtime.database()),
                runtime.readingStore(), runtime.registry());
        runtime.pipeline().addListener(d);
        d.detach = () -> runtime.pipeline().removeListener(d);
        return d;
    }

    public LiveDetection(AnomalyStore anomalies, AlertService alerts, ReadingStore readings, ModelRegistry registry) {
        this.anomalies = anomalies;
        this.alerts = alerts;
        this.readings = readings;
        this.registry = registry;
        this.sites = new SiteStore(anomalies.database());
        this.assets = new AssetDetection(anomalies, alerts, readings, this::paramsFor,
                (site, asset) -> kindOf(new SeriesKey(site, asset, "")), key -> {
            Series s = series.get(key);
            return s != null && s.stored.isOpen();
        }, this::notifyListeners, AssetDetection.DEFAULT_TOLERANCE);
    }

    /** Called (on the detection thread) when an anomaly opens and when it ends. */
    public void addAnomalyListener(Consumer<Anomaly> listener) {
        listeners.add(listener);
    }

    private void notifyListeners(Anomaly a) {
        for (Consumer<Anomaly> l : listeners) {
            try {
                l.accept(a);
            } catch (RuntimeException e) {
                LOG.warn("anomaly listener failed", e);
            }
        }
    }

    @Override
    public void onCommitted(List<Reading> batch) {
        List<Reading> copy = List.copyOf(batch);
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            for (Reading r : copy) {
                try {
                    series(r.seriesKey(), r.timestampMillis()).accept(r.timestampMillis(), r.value(), true);
                    assets.accept(r); // multivariate per asset, after the per-series detector
                    scored++;
                } catch (RuntimeException e) {
                    LOG.warn("detection failed for {}", r.seriesKey(), e);
                }
            }
        });
    }

    private Series series(SeriesKey key, long firstLiveTs) {
        Series s = series.get(key);
        if (s == null) {
            AssetKind kind = kindOf(key);
            ActiveParams active = active(registry, key, kind);
            s = new Series(key, active.params(), scoredPerMinute(key, kind, active));
            series.put(key, s);
            if (readings != null) {
                Series primed = s;
                readings.forEachPoint(key, firstLiveTs - PRIME_HISTORY.toMillis(), firstLiveTs,
                        p -> primed.accept(p.timestampMillis(), p.value(), false));
            }
        }
        return s;
    }

    /**
     * A series is scored on per-minute means when it comes faster than one reading a minute ({@link MinuteAggregator})
     * if it runs on the shipped parameters and those of its asset kind carry an alarm delay: they were tuned at one
     * reading a minute and already ignore excursions shorter than the delay. Other kinds, and series with a trained
     * run (tuned on their own stored readings, at their own rate), are scored reading by reading.
     */
    private static boolean scoredPerMinute(SeriesKey key, AssetKind kind, ActiveParams active) {
        return active.run().isEmpty() && ShippedDefault.params(kind, key.metric()).alarmDelaySeconds() > 0;
    }

    DetectorParams paramsFor(SeriesKey key) {
        return active(registry, key, kindOf(key)).params();
    }

    private AssetKind kindOf(SeriesKey key) {
        return sites.kindOf(key.siteId(), key.assetId());
    }

    /** The parameters live detection runs a series with, and the registry run they come from (empty = defaults). */
    public record ActiveParams(Optional<ModelRun> run, DetectorParams params) {
    }

    /**
     * What live detection uses for a series: the active run of its scope, else of {@code global} (a run whose
     * artifact cannot be read is passed over), else the shipped defaults for the kind of its asset
     * ({@link ShippedDefault#params}).
     */
    public static ActiveParams active(ModelRegistry registry, SeriesKey key, AssetKind kind) {
        if (registry != null) {
            for (String scope : new String[]{key.toString(), "global"}) {
                Optional<ModelRun> active = registry.active(Training.KIND, scope);
                if (active.isPresent() && active.get().artifactPath() != null) {
                    try {
                        return new ActiveParams(active, DetectorParams.read(Path.of(active.get().artifactPath())));
                    } catch (RuntimeException e) {
                        LOG.warn("cannot read active model {}, using defaults: {}", active.get().id(), e.getMessage());
                    }
                }
            }
        }
        return new ActiveParams(Optional.empty(), ShippedDefault.params(kind, key.metric()));
    }

    /** {@link #active(ModelRegistry, SeriesKey, AssetKind)} with the asset's kind from the registry's database. */
    public static ActiveParams active(ModelRegistry registry, SeriesKey key) {
        AssetKind kind = registry == null ? AssetKind.OTHER
                : new SiteStore(registry.database()).kindOf(key.siteId(), key.assetId());
        return active(registry, key, kind);
    }

    /**
     * Makes a series pick up its currently active parameters (after a run was activated for its scope): its detector
     * is rebuilt with them on the next reading and re-primed from stored history; an anomaly in progress is closed.
     */
    public void reload(SeriesKey key) {
        if (!worker.isShutdown()) {
            worker.execute(() -> forget(key));
        }
    }

    /** {@link #reload} for every series (after the {@code global} run changed). */
    public void reloadAll() {
        if (!worker.isShutdown()) {
            worker.execute(() -> List.copyOf(series.keySet()).forEach(this::forget));
        }
    }

    private void forget(SeriesKey key) {
        Series old = series.remove(key);
        if (old != null) {
            old.builder.flush();
        }
    }

    /** The parameters the live detector of a series runs with now (empty when it has not started). */
    Optional<DetectorParams> paramsInUse(SeriesKey key) throws Exception {
        return worker.submit(() -> Optional.ofNullable(series.get(key)).map(s -> s.detector.params()))
                .get(30, TimeUnit.SECONDS);
    }

    /** How many values the detector of a series has scored, primed history included (0 when it has not started). */
    long scoresOf(SeriesKey key) throws Exception {
        return worker.submit(() -> Optional.ofNullable(series.get(key)).map(s -> s.scores).orElse(0L))
                .get(30, TimeUnit.SECONDS);
    }

    /** The multivariate per-asset path (for tests and status). */
    AssetDetection assets() {
        return assets;
    }

    /** Readings scored so far. */
    public long scored() {
        return scored;
    }

    /** Waits until everything handed over so far is scored (for tests and orderly shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Future<?> marker = worker.submit(() -> { });
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        detach.run();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
