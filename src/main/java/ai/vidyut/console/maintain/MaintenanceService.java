package ai.vidyut.console.maintain;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.telemetry.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Headless predictive maintenance over stored history: for every asset of a site with condition signals (vibration,
 * temperature, current) it analyses the recent window, classifies the asset's health, projects each rising signal
 * to its failure threshold, and writes the asset health and the site's maintenance plan ({@link PlanStore}).
 * <p>
 * Live use: hand committed readings to {@link #onReadings} (a pipeline listener can do just that); sites that
 * received readings are re-planned by {@link #start}'s background thread at most once per period.
 */
public final class MaintenanceService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceService.class);

    /** How far back an assessment looks, and how many of the newest samples per series it reads at most. */
    public record Settings(Duration window, int maxPoints, int trendBuckets, int recentRawPoints) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), 40_000, 336, 600);
        }
    }

    private final SiteStore sites;
    private final ReadingStore readings;
    private final PlanStore plans;
    private final HistoryReader history;
    private volatile HealthClassifier model;
    private volatile String modelName;
    /** When set, the service follows the registry's active live model (see {@link #live}). */
    private volatile ai.vidyut.console.registry.ModelRegistry registry;
    private volatile long liveRunId = -1;
    private final Settings settings;
    private final Clock clock;
    private final MaintenancePlanner planner = new MaintenancePlanner();
    private final Set<String> dirtySites = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;

    public MaintenanceService(Database db, SiteStore sites, ReadingStore readings, HealthClassifier model,
                              String modelName, Settings settings, Clock clock) {
        this.sites = sites;
        this.readings = readings;
        this.plans = new PlanStore(db);
        this.history = new HistoryReader(db, readings);
        this.model = model;
        this.modelName = modelName;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Wires a service into a running console: loads (or trains and records) the live health model from the runtime's
     * registry, listens to the pipeline's committed readings, and re-plans sites with new readings every
     * {@code period}. Closing the service detaches it.
     */
    public static MaintenanceService attach(ai.vidyut.console.runtime.ConsoleRuntime runtime, Duration period) {
        MaintenanceService service = live(runtime.database(), runtime.siteStore(), runtime.readingStore(),
                runtime.registry(), Settings.defaults(), Clock.systemUTC());
        ai.vidyut.console.ingest.PipelineListener listener = service::onReadings;
        runtime.pipeline().addListener(listener);
        service.detach = () -> runtime.pipeline().removeListener(listener);
        service.start(period);
        return service;
    }

    private volatile Runnable detach = () -> { };

    /**
     * A service on the registry's live health model (loaded, or trained and recorded when there is none) that
     * follows the registry: when another run of kind {@value HealthClassifier#KIND}, scope
     * {@value LiveHealthModel#SCOPE} is activated (for example by {@code train-health --live}), the next refresh
     * loads and uses it.
     */
    public static MaintenanceService live(Database db, SiteStore sites, ReadingStore readings,
                                          ai.vidyut.console.registry.ModelRegistry registry, Settings settings,
                                          Clock clock) {
        LiveHealthModel.Loaded health = LiveHealthModel.loadOrTrain(registry);
        MaintenanceService service = new MaintenanceService(db, sites, readings, health.model(), health.describe(),
                settings, clock);
        service.registry = registry;
        service.liveRunId = health.run().id();
        return service;
    }

    /** The name of the health model in use ({@code kind/scope vN} for a registry model). */
    public String modelName() {
        return modelName;
    }

    /** Switches to the registry's active live model if it changed since the last refresh. */
    void followActiveModel() {
        ai.vidyut.console.registry.ModelRegistry r = registry;
        if (r == null) {
            return;
        }
        java.util.Optional<ai.vidyut.console.registry.ModelRun> active = r.active(HealthClassifier.KIND,
                LiveHealthModel.SCOPE);
        if (active.isEmpty() || active.get().id() == liveRunId || active.get().artifactPath() == null) {
            return;
        }
        ai.vidyut.console.registry.ModelRun run = active.get();
        try {
            HealthClassifier next = HealthClassifier.load(java.nio.file.Path.of(run.artifactPath()));
            model = next;
            modelName = new LiveHealthModel.Loaded(next, run).describe();
            liveRunId = run.id();
            LOG.info("maintenance now uses live health model {}", modelName);
        } catch (java.io.IOException | RuntimeException e) {
            liveRunId = run.id(); // do not retry a broken artifact on every refresh
            LOG.warn("cannot load the newly active live health model {} ({}); keeping {}", run.artifactPath(),
                    e.getMessage(), modelName);
        }
    }

    public PlanStore plans() {
        return plans;
    }

    /** Called with a site id after its plan was refreshed (on the service's thread). */
    public void addPlanListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Marks the sites of committed readings for the next background refresh. Cheap; safe from any thread. */
    public void onReadings(List<Reading> batch) {
        for (Reading r : batch) {
            dirtySites.add(r.siteId());
        }
    }

    /** Starts re-planning sites that received readings, every {@code period}. */
    public synchronized void start(Duration period) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maintenance-planner");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refreshDirty, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshDirty() {
        for (String site : List.copyOf(dirtySites)) {
            dirtySites.remove(site);
            try {
                refresh(site);
            } catch (RuntimeException e) {
                LOG.warn("maintenance refresh of site {} failed: {}", site, e.getMessage(), e);
            }
        }
    }

    /** Re-plans every known site as of now. */
    public Map<String, List<MaintenanceItem>> refreshAll() {
        Map<String, List<MaintenanceItem>> out = new LinkedHashMap<>();
        for (Site s : sites.sites()) {
            out.put(s.id(), refresh(s.id()));
        }
        return out;
    }

    /** Assesses a site's assets on the history up to now, stores health and plan, returns the plan. */
    public List<MaintenanceItem> refresh(String siteId) {
        return refresh(siteId, clock.instant());
    }

    /**
     * Assesses a site on the history up to {@code asOf} (for imported or replayed history, pass the time of its
     * latest reading), stores health and plan, and returns the plan, most urgent first.
     */
    public List<MaintenanceItem> refresh(String siteId, Instant asOf) {
        followActiveModel();
        List<AssetAssessment> assessments = assess(siteId, asOf);
        List<MaintenanceItem> plan = planner.plan(assessments, asOf);
        plans.replace(siteId, assessments, plan, modelName, asOf);
        for (Consumer<String> l : listeners) {
            l.accept(siteId);
        }
        return plan;
    }

    /** The time of a site's newest reading, if it has any. */
    public Instant latestReading(String siteId) {
        long t = history.latest(siteId);
        return t < 0 ? null : Instant.ofEpochMilli(t);
    }

    private record Candidate(Asset asset, ConditionSignal signal, ConditionAnalyzer.Series raw, double recentLevel) {
    }

    public List<AssetAssessment> assess(String siteId, Instant asOf) {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (Asset a : sites.assets(siteId)) {
            assets.put(a.id(), a);
        }
        List<Candidate> candidates = collect(siteId, assets, asOf);
        Map<String, RunningClock> clocks = clocks(siteId, asOf);
        // peers: the same signal of assets of the same kind at this site, else of that kind at other sites
        Map<String, List<Candidate>> byAsset = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byAsset.computeIfAbsent(c.asset().id(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> otherSites = null;
        List<AssetAssessment> out = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> e : byAsset.entrySet()) {
            Asset asset = e.getValue().get(0).asset();
            List<SignalCondition> conditions = new ArrayList<>();
            RunningClock clock = clocks.get(asset.id());
            Map<ConditionSignal, RemainingLife> usageLives = new HashMap<>();
            for (Candidate c : e.getValue()) {
                double[] peers = peers(candidates, c);
                boolean sameSite = peers.length >= 2;
                if (peers.length < 2) {
                    if (otherSites == null) {
                        otherSites = otherSiteCandidates(siteId, asOf);
                    }
                    peers = concat(peers, peers(otherSites, c));
                }
                ConditionAnalyzer.Series trend = ConditionAnalyzer.bucketMeans(c.raw().ts(), c.raw().values(),
                        settings.trendBuckets());
                if (trend.size() < ConditionAnalyzer.MIN_POINTS) {
                    continue;
                }
                int n = c.raw().size();
                double[] recent = Arrays.copyOfRange(c.raw().values(), Math.max(0, n - settings.recentRawPoints()), n);
                double threshold = c.signal().threshold(asset.kind(), asset.ratedValues());
                conditions.add(ConditionAnalyzer.analyze(c.signal(), trend.ts(), trend.values(), recent, peers,
                        sameSite, threshold));
                if (clock != null) {
                    RemainingLife life = usageLife(c.raw(), clock, threshold);
                    if (life != null) {
                        usageLives.put(c.signal(), life);
                    }
                }
            }
            if (conditions.isEmpty()) {
                continue;
            }
            out.add(assessAsset(asset, conditions, asOf, clock, usageLives));
        }
        return out;
    }

    /**
     * The remaining life of one signal in running hours: its samples taken while the asset runs, bucketed, placed on
     * the running-time axis, and projected to the threshold (horizon: {@link SignalCondition#HORIZON_DAYS} at the
     * asset's usage rate).
     */
    RemainingLife usageLife(ConditionAnalyzer.Series raw, RunningClock clock, double threshold) {
        int n = 0;
        boolean[] keep = new boolean[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            keep[i] = clock.isRunning(raw.ts()[i]);
            n += keep[i] ? 1 : 0;
        }
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0, k = 0; i < raw.size(); i++) {
            if (keep[i]) {
                ts[k] = raw.ts()[i];
                vs[k++] = raw.values()[i];
            }
        }
        ConditionAnalyzer.Series trend = ConditionAnalyzer.bucketMeans(ts, vs, settings.trendBuckets());
        double[] hours = new double[trend.size()];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = clock.runningHoursAt(trend.ts()[i]);
        }
        return ConditionAnalyzer.projectLife(hours, trend.values(), threshold,
                SignalCondition.HORIZON_DAYS * clock.hoursPerDay());
    }

    /** Per asset of a site, the running clock of its first load metric that tells running from idle. */
    private Map<String, RunningClock> clocks(String siteId, Instant asOf) {
        Map<String, RunningClock> out = new HashMap<>();
        for (String metric : RunningClock.LOAD_METRICS) {
            for (SeriesKey key : readings.series(siteId)) {
                if (!key.metric().equals(metric) || out.containsKey(key.assetId())) {
                    continue;
                }
                ConditionAnalyzer.Series load = history.read(key, asOf.toEpochMilli(), settings.window().toMillis(),
                        settings.maxPoints());
                RunningClock clock = RunningClock.of(metric, load.ts(), load.values());
                if (clock != null) {
                    out.put(key.assetId(), clock);
                }
            }
        }
        return out;
    }

    AssetAssessment assessAsset(Asset asset, List<SignalCondition> conditions, Instant asOf) {
        return assessAsset(asset, conditions, asOf, null, Map.of());
    }

    AssetAssessment assessAsset(Asset asset, List<SignalCondition> conditions, Instant asOf, RunningClock clock,
                                Map<ConditionSignal, RemainingLife> usageLives) {
        Map<String, Double> features = new HashMap<>();
        for (SignalCondition c : conditions) {
            features.putAll(c.features());
        }
        HealthClassifier.Prediction p = model.predict(features);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        List<String> classes = model.classes();
        for (int i = 0; i < classes.size(); i++) {
            probabilities.put(classes.get(i), p.posterior()[i]);
        }
        SignalCondition driving = driving(p.label(), conditions);
        RemainingLife life = null;
        RemainingLife usage = driving == null ? null : usageLives.get(driving.signal());
        if (usage != null && clock != null && clock.hoursPerDay() > 0) {
            double rate = clock.hoursPerDay();
            life = new RemainingLife(usage.rul() / rate, usage.lower() / rate, usage.upper() / rate);
        } else if (driving != null && !Double.isNaN(driving.daysToThreshold())) {
            usage = null;
            life = new RemainingLife(driving.daysToThreshold(), driving.daysLower(), driving.daysUpper());
        }
        return new AssetAssessment(asset.siteId(), asset.id(), asset.name(), asset.kind(), p.label(), p.probability(),
                AssetAssessment.score(probabilities), probabilities, conditions, life, driving, asOf, usage,
                usage == null ? Double.NaN : clock.hoursPerDay(), usage == null ? null : clock.metric());
    }

    /** The signal that explains the assessment: the earliest projected crossing, else the one the state names. */
    static SignalCondition driving(String state, List<SignalCondition> conditions) {
        SignalCondition best = null;
        for (SignalCondition c : conditions) {
            if (!Double.isNaN(c.daysToThreshold())
                    && (best == null || c.daysToThreshold() < best.daysToThreshold())) {
                best = c;
            }
        }
        if (best != null) {
            return best;
        }
        ConditionSignal named = HealthStates.OVERHEATING.equals(state) ? ConditionSignal.TEMPERATURE
                : HealthStates.VIBRATION_FAULT.equals(state) ? ConditionSignal.VIBRATION : null;
        double worst = -1;
        for (SignalCondition c : conditions) {
            if (c.signal() == named) {
                return c;
            }
            double dev = Math.max(nz(c.zOwn()), nz(c.zPeer()));
            if (dev > worst) {
                worst = dev;
                best = c;
            }
        }
        return best;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private List<Candidate> collect(String siteId, Map<String, Asset> assets, Instant asOf) {
        List<Candidate> out = new ArrayList<>();
        for (SeriesKey key : readings.series(siteId)) {
            ConditionSignal signal = ConditionSignal.ofMetric(key.metric());
            if (signal == null) {
                continue;
            }
            Asset asset = assets.getOrDefault(key.assetId(), Asset.discovered(siteId, key.assetId()));
            ConditionAnalyzer.Series raw = history.read(key, asOf.toEpochMilli(), settings.window().toMillis(),
                    settings.maxPoints());
            if (signal == ConditionSignal.VIBRATION) {
                raw = running(raw);
            }
            if (raw.size() < ConditionAnalyzer.MIN_POINTS) {
                continue;
            }
            long end = raw.ts()[raw.size() - 1];
            long span = end - raw.ts()[0];
            double level = recentMean(raw, end - (long) (span * ConditionAnalyzer.RECENT_SHARE));
            out.add(new Candidate(asset, signal, raw, level));
        }
        return out;
    }

    private List<Candidate> otherSiteCandidates(String siteId, Instant asOf) {
        List<Candidate> out = new ArrayList<>();
        for (Site s : sites.sites()) {
            if (s.id().equals(siteId)) {
                continue;
            }
            Map<String, Asset> assets = new LinkedHashMap<>();
            for (Asset a : sites.assets(s.id())) {
                assets.put(a.id(), a);
            }
            out.addAll(collect(s.id(), assets, asOf));
        }
        return out;
    }

    private static double[] peers(List<Candidate> pool, Candidate c) {
        return pool.stream()
                .filter(o -> o != c && o.signal() == c.signal() && o.asset().kind() == c.asset().kind()
                        && !(o.asset().siteId().equals(c.asset().siteId()) && o.asset().id().equals(c.asset().id())))
                .filter(o -> c.asset().kind() != AssetKind.OTHER)
                .mapToDouble(Candidate::recentLevel).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double recentMean(ConditionAnalyzer.Series s, long from) {
        double sum = 0;
        int n = 0;
        for (int i = s.size() - 1; i >= 0 && s.ts()[i] >= from; i--) {
            sum += s.values()[i];
            n++;
        }
        return n == 0 ? s.values()[s.size() - 1] : sum / n;
    }

    /**
     * Keeps the vibration samples taken while the machine runs: a stopped pump reads near zero, which would
     * otherwise swamp both the trend and the baseline. Running means at least 20 % of the 90th percentile.
     */
    static ConditionAnalyzer.Series running(ConditionAnalyzer.Series s) {
        if (s.size() == 0) {
            return s;
        }
        double[] sorted = s.values().clone();
        Arrays.sort(sorted);
        double cut = 0.2 * sorted[(int) Math.floor(0.9 * (sorted.length - 1))];
        int n = 0;
        for (double v : s.values()) {
            if (v >= cut) {
                n++;
            }
        }
        if (n == s.size()) {
            return s;
        }
        long[] ts = new long[n];
        double[] vs = new double[n];
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.values()[i] >= cut) {
                ts[k] = s.ts()[i];
                vs[k++] = s.values()[i];
            }
        }
        return new ConditionAnalyzer.Series(ts, vs);
    }

    @Override
    public synchronized void close() {
        detach.run();
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
