package ai.vidyut.console.forecast;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.MetricCatalog;
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

    /**
     * Whether a stored weather series of the site was used as a regressor, and why: {@code series} is the weather
     * series tried (null: the site has none, or the request is not a load forecast), {@code lagSteps} how far back
     * its values are taken (the horizon rounded up to whole days, so they are known over the whole horizon, in the
     * backtest as in the forecast), {@code used} whether it was kept, decided by the calibration backtest's MAPE with
     * and without it ({@code mapeWith}, {@code mapeWithout}; NaN when not measured), {@code reason} in words.
     */
    public record WeatherChoice(String series, int lagSteps, boolean used, double mapeWith, double mapeWithout,
                                String reason) {

        public static final WeatherChoice NONE = new WeatherChoice(null, 0, false, Double.NaN, Double.NaN,
                "no stored weather series");

        public boolean tried() {
            return series != null;
        }
    }

    /** A forecast with the history it was made from; times are wall-clock times in {@code zone}. */
    public record Result(Request request, Instant computedAt, RegularSeries history, Forecast forecast,
                         WeatherChoice weather) {

        public Result(Request request, Instant computedAt, RegularSeries history, Forecast forecast) {
            this(request, computedAt, history, forecast, WeatherChoice.NONE);
        }

        public Instant instant(LocalDateTime wallClock) {
            return ZonedDateTime.ofLocal(wallClock, request.zone(), null).toInstant();
        }
    }

    /** Weather metrics tried as load regressors, in order of preference. */
    static final List<String> WEATHER_METRICS = List.of(MetricCatalog.AMBIENT_TEMPERATURE_C,
            MetricCatalog.IRRADIANCE_W_M2);
    /** How long a with/without-weather decision stands before the backtest is run again. */
    static final Duration REDECIDE = Duration.ofHours(6);

    private record Decision(Instant at, WeatherChoice choice) {
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
    private final Map<Request, Decision> decisions = new ConcurrentHashMap<>();
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
        decisions.remove(request);
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
        Forecaster forecaster = new Forecaster(request.options());
        Forecast forecast = null;
        WeatherChoice weather = WeatherChoice.NONE;
        SeriesKey weatherKey = request.options().solar() == null ? weatherSeries(request.key()) : null;
        if (weatherKey != null) {
            int p = series.stepsPerDay();
            int lag = p * ((request.horizon() + p - 1) / p);
            RegularSeries withWeather = withLaggedWeather(series, weatherKey, lag, request, from, to);
            Decision last = decisions.get(request);
            boolean reuse = last != null && Duration.between(last.at(), now).compareTo(REDECIDE) < 0;
            if (withWeather == null) {
                weather = new WeatherChoice(weatherKey.toString(), lag, false, Double.NaN, Double.NaN,
                        "the weather series does not cover the history and the horizon");
            } else if (reuse) {
                weather = last.choice();
                forecast = forecaster.forecast(weather.used() ? withWeather : series, request.horizon());
            } else {
                // the backtest decides: both fits are calibrated on the same rolling origins
                Forecast without = forecaster.forecast(series, request.horizon());
                Forecast with = forecaster.forecast(withWeather, request.horizon());
                double mWith = with.calibration().mape();
                double mWithout = without.calibration().mape();
                boolean comparable = with.calibrationOrigins() > 0
                        && with.calibrationOrigins() == without.calibrationOrigins()
                        && Double.isFinite(mWith) && Double.isFinite(mWithout)
                        && Boolean.TRUE.equals(with.details().get("regressorsUsed"));
                boolean keep = comparable && mWith <= mWithout;
                weather = new WeatherChoice(weatherKey.toString(), lag, keep, mWith, mWithout, !comparable
                        ? "not enough comparable backtest origins"
                        : keep ? "kept: backtest MAPE no worse with it" : "dropped: backtest MAPE worse with it");
                decisions.put(request, new Decision(now, weather));
                forecast = keep ? with : without;
            }
        }
        if (forecast == null) {
            forecast = forecaster.forecast(series, request.horizon());
        }
        Result result = new Result(request, now, series, forecast, weather);
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
            WeatherChoice w = r.weather();
            params.put("weatherRegressor", w.tried() ? w.series() : "none");
            if (w.tried()) {
                params.put("weatherRegressorUsed", w.used());
                params.put("weatherRegressorLagSteps", w.lagSteps());
                // no null values: registry readers copy params into immutable maps
                if (Double.isFinite(w.mapeWith()) && Double.isFinite(w.mapeWithout())) {
                    params.put("weatherBacktestMapeWith", w.mapeWith());
                    params.put("weatherBacktestMapeWithout", w.mapeWithout());
                }
                params.put("weatherRegressorReason", w.reason());
            }
            registry.record(NewRun.trained("forecast", key.toString(), params, r.forecast().calibration().asMap(),
                    r.instant(r.history().start()).toEpochMilli(), r.instant(r.history().lastTime()).toEpochMilli(),
                    null));
        } catch (RuntimeException e) {
            LOG.warn("could not record forecast run of {}: {}", key, e.getMessage());
        }
    }

    /**
     * The site's stored weather series that can explain a load: its ambient temperature, else its irradiance; null
     * when it has neither, or when {@code key} is not a power series (or is itself a weather series).
     */
    private SeriesKey weatherSeries(SeriesKey key) {
        if (!key.metric().equals(MetricCatalog.POWER_KW)) {
            return null;
        }
        List<SeriesKey> all = store.series(key.siteId());
        for (String metric : WEATHER_METRICS) {
            for (SeriesKey k : all) {
                if (k.metric().equals(metric)) {
                    return k;
                }
            }
        }
        return null;
    }

    /**
     * {@code series} with the weather series as a regressor named after it, taken {@code lag} steps back (its value
     * at the same time of day {@code lag / stepsPerDay} days earlier) and extended over the horizon — a proxy for a
     * weather forecast, which the console does not have. The history is trimmed to start where the weather series
     * does; its first {@code lag} steps use the same-time values (training rows only). Null when the weather series
     * does not cover the trimmed history and the horizon.
     */
    private RegularSeries withLaggedWeather(RegularSeries series, SeriesKey weatherKey, int lag, Request request,
                                            long from, long to) {
        List<ReadingStore.Point> points = store.range(weatherKey, from, to);
        if (points.isEmpty()) {
            return null;
        }
        RegularSeries w = toSeries(weatherKey.toString(), points, request.zone(), request.step());
        long stepSec = request.step().getSeconds();
        long offset = Duration.between(series.start(), w.start()).getSeconds() / stepSec; // w index 0 in series
        int first = (int) Math.max(0, offset);
        int n = series.size();
        int total = n - first + request.horizon();
        if (n - first < 2 * series.stepsPerDay()) {
            return null;
        }
        double[] x = new double[total];
        for (int k = 0; k < total; k++) {
            int i = first + k;
            long src = i - lag - offset;
            long same = i - offset;
            if (src >= 0 && src < w.size()) {
                x[k] = w.value((int) src);
            } else if (i < n && src < 0 && same >= 0 && same < w.size()) {
                x[k] = w.value((int) same);
            } else {
                return null;
            }
        }
        double[] v = java.util.Arrays.copyOfRange(series.values(), first, n);
        boolean[] obs = new boolean[n - first];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = series.observed(first + k);
        }
        return new RegularSeries(series.name(), series.time(first), series.step(), v, obs,
                Map.of(weatherKey.metric(), x));
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
