package ai.vidyut.console.forecast;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Live forecasts from stored history, for the console (headless; no JavaFX). A watched series is re-forecast on a
 * single worker thread when committed readings arrive for it (at most once per {@code minInterval}); listeners get
 * each new result on that worker thread and must hand off to their own thread (the UI to the FX thread).
 */
public final class ForecastService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastService.class);

    /** What to forecast: a stored series, averaged to {@code step} in the site's zone, {@code horizon} steps ahead. */
    public record Request(SeriesKey key, Duration step, int horizon, ZoneId zone, int historyDays,
                          ForecastOptions options) {

        public Request {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1");
            }
            if (historyDays < 2) {
                throw new IllegalArgumentException("history must be at least 2 days");
            }
        }

        /** Hourly, 24 h ahead, 400 days of history, no holidays. */
        public static Request hourly(SeriesKey key, ZoneId zone) {
            return new Request(key, Duration.ofHours(1), 24, zone, 400, ForecastOptions.defaults());
        }
    }

    /** A forecast with the history it was made from; times are wall-clock times in {@code zone}. */
    public record Result(Request request, Instant computedAt, RegularSeries history, Forecast forecast) {

        public Instant instant(LocalDateTime wallClock) {
            return ZonedDateTime.ofLocal(wallClock, request.zone(), null).toInstant();
        }
    }

    private final ReadingStore store;
    private final ModelRegistry registry;
    private final Clock clock;
    private final Duration minInterval;
    private final ExecutorService worker;
    private final Map<SeriesKey, Set<Request>> watched = new ConcurrentHashMap<>();
    private final Map<Request, Result> latest = new ConcurrentHashMap<>();
    private final Map<SeriesKey, Instant> lastRecorded = new ConcurrentHashMap<>();
    private final Set<Request> pending = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Result>> listeners = new CopyOnWriteArrayList<>();

    /** {@code registry} may be null (no runs recorded). */
    public ForecastService(ReadingStore store, ModelRegistry registry, Clock clock, Duration minInterval) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.minInterval = minInterval;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "forecast-service");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    public void addListener(Consumer<Result> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Result> listener) {
        listeners.remove(listener);
    }

    /**
     * Keeps this request's forecast fresh as data arrives; computes one now. Several requests may watch one series
     * (e.g. a view's 72-hour forecast and the dashboard's 24-hour tile).
     */
    public CompletableFuture<Result> watch(Request request) {
        watched.computeIfAbsent(request.key(), k -> new java.util.concurrent.CopyOnWriteArraySet<>()).add(request);
        return refresh(request);
    }

    public void unwatch(Request request) {
        Set<Request> set = watched.get(request.key());
        if (set != null) {
            set.remove(request);
        }
        latest.remove(request);
    }

    public void unwatch(SeriesKey key) {
        Set<Request> set = watched.remove(key);
        if (set != null) {
            set.forEach(latest::remove);
        }
    }

    /** The newest forecast of the series, whatever its request. */
    public Optional<Result> latest(SeriesKey key) {
        return latest.values().stream().filter(r -> r.request().key().equals(key))
                .max(java.util.Comparator.comparing(Result::computedAt));
    }

    public Optional<Result> latest(Request request) {
        return Optional.ofNullable(latest.get(request));
    }

    /** Forecasts on the worker thread. Fails (exceptionally) with the reason when the history is too short. */
    public CompletableFuture<Result> refresh(Request request) {
        return CompletableFuture.supplyAsync(() -> compute(request), worker);
    }

    /**
     * Hook for the ingestion pipeline's committed batches (same signature as {@code PipelineListener}): watched
     * series with new readings are re-forecast unless their forecast is younger than the minimum interval.
     */
    public void onCommitted(List<Reading> batch) {
        Set<SeriesKey> seen = new java.util.HashSet<>();
        for (Reading r : batch) {
            SeriesKey key = r.seriesKey();
            if (!seen.add(key)) {
                continue;
            }
            for (Request req : watched.getOrDefault(key, Set.of())) {
                Result last = latest.get(req);
                if (pending.contains(req) || last != null
                        && Duration.between(last.computedAt(), clock.instant()).compareTo(minInterval) < 0) {
                    continue;
                }
                if (pending.add(req)) {
                    refresh(req).whenComplete((res, err) -> {
                        pending.remove(req);
                        if (err != null) {
                            LOG.info("forecast of {} not refreshed: {}", key, err.getMessage());
                        }
                    });
                }
            }
        }
    }

    /** Synchronous forecast (the caller's thread). */
    public Result compute(Request request) {
        Instant now = clock.instant();
        long to = now.toEpochMilli() + 1;
        long from = now.minus(Duration.ofDays(request.historyDays())).toEpochMilli();
        List<ReadingStore.Point> points = store.range(request.key(), from, to);
        RegularSeries series = toSeries(request.key().toString(), points, request.zone(), request.step());
        Forecast forecast = new Forecaster(request.options()).forecast(series, request.horizon());
        Result result = new Result(request, now, series, forecast);
        latest.put(request, result);
        maybeRecord(result);
        for (Consumer<Result> l : listeners) {
            try {
                l.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("forecast listener failed", e);
            }
        }
        return result;
    }

    private void maybeRecord(Result r) {
        if (registry == null) {
            return;
        }
        SeriesKey key = r.request().key();
        Instant last = lastRecorded.get(key);
        if (last != null && Duration.between(last, r.computedAt()).toHours() < 6) {
            return;
        }
        lastRecorded.put(key, r.computedAt());
        try {
            Map<String, Object> params = new java.util.LinkedHashMap<>(r.forecast().details());
            params.put("horizon", r.request().horizon());
            params.put("step", r.request().step().toString());
            params.put("model", r.forecast().model());
            registry.record(NewRun.trained("forecast", key.toString(), params, r.forecast().calibration().asMap(),
                    r.instant(r.history().start()).toEpochMilli(), r.instant(r.history().lastTime()).toEpochMilli(),
                    null));
        } catch (RuntimeException e) {
            LOG.warn("could not record forecast run of {}: {}", key, e.getMessage());
        }
    }

    /**
     * Averages raw points onto a regular wall-clock grid in {@code zone}: readings in one step are averaged (so the
     * hour repeated when DST ends is one point), empty steps are interpolated and marked unobserved.
     */
    public static RegularSeries toSeries(String name, List<ReadingStore.Point> points, ZoneId zone, Duration step) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no stored history for " + name);
        }
        long stepSec = step.getSeconds();
        TreeMap<Long, double[]> buckets = new TreeMap<>();
        for (ReadingStore.Point p : points) {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(p.timestampMillis()), zone);
            long sec = local.toEpochSecond(ZoneOffset.UTC);
            long b = Math.floorDiv(sec, stepSec);
            double[] acc = buckets.computeIfAbsent(b, k -> new double[2]);
            acc[0] += p.value();
            acc[1]++;
        }
        long first = buckets.firstKey();
        int n = (int) (buckets.lastKey() - first + 1);
        double[] v = new double[n];
        boolean[] obs = new boolean[n];
        int prev = -1;
        for (var e : buckets.entrySet()) {
            int i = (int) (e.getKey() - first);
            v[i] = e.getValue()[0] / e.getValue()[1];
            obs[i] = true;
            if (prev >= 0) {
                for (int j = prev + 1; j < i; j++) {
                    v[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (double) (i - prev);
                }
            }
            prev = i;
        }
        LocalDateTime start = LocalDateTime.ofEpochSecond(first * stepSec, 0, ZoneOffset.UTC);
        return new RegularSeries(name, start, step, v, obs, Map.of());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
