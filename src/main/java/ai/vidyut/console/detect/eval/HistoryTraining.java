package ai.vidyut.console.detect.eval;

import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.DetectorParams;
import ai.vidyut.console.detect.LiveDetection;
import ai.vidyut.console.detect.SeriesTable;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.SeriesKey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * Self-supervised training of one series' detector from its own stored history, which has no labels.
 * <ol>
 *   <li>The newest history (at most {@code maxHistory}, {@code maxRows} readings) is cut into overlapping segments,
 *       each a learning part of about one day (so the hour-of-day profile is learnt) and a scored part.</li>
 *   <li>Copies of the segments get one synthetic fault each ({@link SyntheticFaults#inject}: spike, power drop,
 *       stuck sensor, drift, level shift, and overheating for temperature series; four segments per type) or none
 *       (four clean segments), which makes labelled runs at the series' own level, noise and sampling interval.</li>
 *   <li>The runs are split in two halves, each with every fault type. On one half, the streaming detector's
 *       parameters are random-searched (trial 0 is what is active now) and the threshold is chosen by the benchmark
 *       objective (F1 × 100 + NAB); on the other half both the new parameters and the active ones (scope run, else
 *       {@code global}, else shipped defaults) are measured at their own thresholds.</li>
 *   <li>The run is recorded in the registry (kind {@value Training#KIND}, scope {@code site/asset/metric}) with both
 *       measurements, and activated only if it beats the active parameters on the held-out half by more than
 *       {@code minGain} objective points and finds at least some of the injected faults there (recall &gt; 0: being
 *       quieter than a noisy active run is not enough); its message says which way it went. A history too short or unusable gives
 *       a failed run with the reason.</li>
 * </ol>
 */
public final class HistoryTraining {

    private static final long DAY_MS = 86_400_000L;
    /** Segments per fault type (and clean ones): half tune, half held out. */
    static final int RUNS_PER_TYPE = 4;

    private HistoryTraining() {
    }

    /**
     * @param minHistory  least span of stored history: one day to learn the daily cycle and one to score on
     * @param minReadings least readings: enough for the detector's warm-up and a scored part of a few hundred
     * @param maxHistory  newest span used
     * @param maxRows     newest readings used at most (bounds the training time of fast series)
     * @param trials      random-search trials
     * @param minGain     objective points (F1 × 100 + NAB, 0–200) the new run must gain over the active one
     */
    public record Options(Duration minHistory, int minReadings, Duration maxHistory, int maxRows, int trials,
                          long seed, double minGain) {

        public static Options defaults() {
            return new Options(Duration.ofDays(2), 500, Duration.ofDays(14), 200_000, 6, 42, 1.0);
        }

        public Options withTrials(int t) {
            return new Options(minHistory, minReadings, maxHistory, maxRows, t, seed, minGain);
        }

        public Options withSeed(long s) {
            return new Options(minHistory, minReadings, maxHistory, maxRows, trials, s, minGain);
        }

        public Options withMinGain(double g) {
            return new Options(minHistory, minReadings, maxHistory, maxRows, trials, seed, g);
        }

        public Options withMinimum(Duration history, int readings) {
            return new Options(history, readings, maxHistory, maxRows, trials, seed, minGain);
        }
    }

    /** Progress: fraction done in [0, 1] and what is happening. May throw {@link CancellationException}. */
    public interface Progress {
        void update(double fraction, String message);
    }

    /** Stored readings of one series, oldest first. */
    public record History(SeriesKey key, long[] timestamps, double[] values) {
        public int size() {
            return values.length;
        }

        public long spanMillis() {
            return values.length < 2 ? 0 : timestamps[values.length - 1] - timestamps[0];
        }
    }

    /** The newest stored history of a series within the options' limits. */
    public static History read(ReadingStore store, SeriesKey key, Options o) {
        long latest = store.latestTimestamp(key).orElse(Long.MIN_VALUE);
        if (latest == Long.MIN_VALUE) {
            return new History(key, new long[0], new double[0]);
        }
        long from = latest - o.maxHistory().toMillis();
        long[][] ts = {new long[4096]};
        double[][] vs = {new double[4096]};
        int[] n = {0};
        store.forEachPoint(key, from, latest + 1, p -> {
            if (n[0] == ts[0].length) {
                ts[0] = Arrays.copyOf(ts[0], n[0] * 2);
                vs[0] = Arrays.copyOf(vs[0], n[0] * 2);
            }
            ts[0][n[0]] = p.timestampMillis();
            vs[0][n[0]] = p.value();
            n[0]++;
        });
        int start = Math.max(0, n[0] - o.maxRows());
        return new History(key, Arrays.copyOfRange(ts[0], start, n[0]), Arrays.copyOfRange(vs[0], start, n[0]));
    }

    /** Why a history of this span and size is not enough to train on (empty when it is enough). */
    public static Optional<String> insufficient(long spanMillis, long readings, Options o) {
        if (spanMillis < o.minHistory().toMillis()) {
            return Optional.of("needs " + human(o.minHistory().toMillis()) + " of history, has "
                    + (readings == 0 && spanMillis == 0 ? "none" : human(spanMillis)));
        }
        if (readings < o.minReadings()) {
            return Optional.of("needs " + o.minReadings() + " readings of history, has " + readings);
        }
        return Optional.empty();
    }

    /** {@code 2 days}, {@code 1.5 days}, {@code 5 h}, {@code 12 min}. */
    public static String human(long millis) {
        if (millis >= DAY_MS) {
            double d = Math.floor(millis * 10.0 / DAY_MS) / 10;
            return (d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d))
                    + (d == 1 ? " day" : " days");
        }
        if (millis >= 3_600_000L) {
            return (millis / 3_600_000L) + " h";
        }
        return (millis / 60_000L) + " min";
    }

    /** Reads the series' history and trains on it (see the class comment); always records a run. */
    public static ModelRun train(ModelRegistry registry, ReadingStore store, SeriesKey key, Options o,
                                 boolean forceActivate, Progress progress) {
        progress.update(0.01, "reading stored history");
        History h;
        try {
            h = read(store, key, o);
        } catch (RuntimeException e) {
            return registry.record(NewRun.failed(Training.KIND, key.toString(), requested(o, 0),
                    "cannot read the stored history: " + e.getMessage()));
        }
        return train(registry, h, o, forceActivate, progress);
    }

    /** Trains on a history already read; always records a run (failed with the reason when it cannot train). */
    public static ModelRun train(ModelRegistry registry, History h, Options o, boolean forceActivate,
                                 Progress progress) {
        String scope = h.key().toString();
        Optional<String> notEnough = insufficient(h.spanMillis(), h.size(), o);
        if (notEnough.isPresent()) {
            return registry.record(NewRun.failed(Training.KIND, scope, requested(o, h.size()), notEnough.get()));
        }
        try {
            return fit(registry, h, o, forceActivate, progress);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return registry.record(NewRun.failed(Training.KIND, scope, requested(o, h.size()),
                    "training failed: " + e.getMessage()));
        }
    }

    private static Map<String, Object> requested(Options o, int readings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "history");
        m.put("trials", o.trials());
        m.put("seed", o.seed());
        m.put("readings", readings);
        return m;
    }

    /** What one parameter set achieves on labelled runs at its own threshold. */
    public record Measured(double f1, double precision, double recall, double nab) {
        public double objective() {
            return 100 * f1 + nab;
        }
    }

    public static Measured measure(List<LabelledRun> runs, DetectorParams p) {
        List<Scoring.Scored> s = Benchmark.scored(Benchmark.partsAsConfigured(runs, p), null, p);
        Scoring.PointMetrics pm = Scoring.pointwise(s, p.threshold());
        return new Measured(pm.f1(), pm.precision(), pm.recall(), Scoring.nab(s, p.threshold()));
    }

    private static ModelRun fit(ModelRegistry registry, History h, Options o, boolean forceActivate,
                                Progress progress) {
        String scope = h.key().toString();
        LiveDetection.ActiveParams inUse = LiveDetection.active(registry, h.key());
        DetectorParams active = inUse.params();
        String activeName = inUse.run().map(r -> "run " + r.id() + " (" + r.scope() + " v" + r.version() + ")")
                .orElse("the shipped defaults");
        progress.update(0.05, "cutting " + h.size() + " readings into labelled segments");
        List<LabelledRun> runs = labelledRuns(h, active, o.seed());
        List<List<LabelledRun>> halves = Benchmark.split(runs);
        List<LabelledRun> tune = halves.get(0);
        List<LabelledRun> test = halves.get(1);

        // one series, one channel: the univariate streaming detector does the work; the trained detectors stay off
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(DetectorParams.SURPRISE, 1.0);
        w.put(DetectorParams.MAHALANOBIS, active.weight(DetectorParams.MAHALANOBIS));
        w.put(DetectorParams.IFOREST, 0.0);
        w.put(DetectorParams.OCSVM, 0.0);
        DetectorParams start = active.withWeights(w, active.combine()).withSeed(o.seed());
        HyperparameterSearch.Result search = HyperparameterSearch.streaming(start, tune, o.trials(), o.seed() + 1,
                (d, t) -> progress.update(0.1 + 0.6 * d / t, "search trial " + d + "/" + t));
        DetectorParams p = search.params();
        progress.update(0.72, "choosing the threshold");
        Scoring.Best op = Scoring.bestCombined(Benchmark.scored(Benchmark.partsAsConfigured(tune, p), null, p));
        DetectorParams trained = p.withThreshold(Math.round(op.threshold() * 1e4) / 1e4);
        progress.update(0.8, "measuring the new parameters on the held-out half");
        Measured now = measure(test, trained);
        progress.update(0.9, "measuring " + activeName + " on the held-out half");
        Measured before = measure(test, active);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("nab", now.nab());
        metrics.put("f1", now.f1());
        metrics.put("precision", now.precision());
        metrics.put("recall", now.recall());
        metrics.put("objective", now.objective());
        metrics.put("activeNab", before.nab());
        metrics.put("activeF1", before.f1());
        metrics.put("activeObjective", before.objective());
        metrics.put("tuneObjective", op.value());
        metrics.put("searchObjective", search.objective());
        boolean better = now.objective() > before.objective() + o.minGain();
        // quieter is not enough: a run that finds none of the held-out faults is never activated on its own
        boolean blind = now.recall() == 0;
        boolean beats = better && !blind;
        String verdict = String.format(Locale.ROOT, "held-out F1×100+NAB %.1f %s %.1f of %s", now.objective(),
                better ? "beats" : "does not beat", before.objective(), activeName)
                + (o.minGain() > 0 ? String.format(Locale.ROOT, " by more than %.1f", o.minGain()) : "")
                + (blind ? ", but it finds none of the injected faults" : "");
        String message = (beats ? "activated: " : forceActivate ? "activated on request: " : "not activated: ")
                + verdict;

        Path artifact = registry.nextArtifactPath(Training.KIND, scope, "json");
        trained.write(artifact);
        Map<String, Object> params = new LinkedHashMap<>(trained.asMap());
        params.put("source", "history");
        params.put("trials", o.trials());
        params.put("readings", h.size());
        params.put("trainingRuns", tune.size());
        params.put("heldOutRuns", test.size());
        progress.update(0.97, "recording the run");
        ModelRun run = registry.record(new NewRun(Training.KIND, scope, params, metrics, h.timestamps()[0],
                h.timestamps()[h.size() - 1], artifact, ModelRun.TRAINED, message));
        if (beats || forceActivate) {
            run = registry.activate(run.id());
        }
        progress.update(1, message);
        return run;
    }

    /**
     * Labelled runs cut from the history: four per fault type and four clean ones, ordered so that
     * {@link Benchmark#split} puts two of each in either half. Deterministic for a seed.
     */
    public static List<LabelledRun> labelledRuns(History h, DetectorParams p, long seed) {
        int n = h.size();
        double[] v = h.values();
        long step = medianStep(h.timestamps());
        double minutesPerRow = step / 60_000.0;
        int rowsPerDay = (int) Math.min(Integer.MAX_VALUE, Math.max(1, DAY_MS / Math.max(1, step)));
        int learn = Math.max(Math.min(rowsPerDay, n / 2), Math.min(n / 2, 2 * p.warmup() + 20));
        int score = Math.min(n - learn, Math.max(learn, 200));
        int length = learn + score;

        double mean = 0;
        double meanAbs = 0;
        for (double x : v) {
            mean += x;
            meanAbs += Math.abs(x);
        }
        mean /= n;
        meanAbs /= n;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / n);
        if (sd <= 1e-9 * (1 + Math.abs(mean))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the series is constant (%.4g) over its history; there is nothing to learn", mean));
        }
        double base = Math.max(meanAbs, 2 * sd);

        List<AnomalyType> types = new ArrayList<>(List.of(AnomalyType.SPIKE, AnomalyType.POWER_DROP,
                AnomalyType.STUCK_SENSOR, AnomalyType.DRIFT, AnomalyType.LEVEL_SHIFT));
        if (h.key().metric().contains("temperature")) {
            types.add(AnomalyType.OVERHEATING);
        }
        List<AnomalyType> plan = new ArrayList<>();
        for (AnomalyType t : types) {
            for (int k = 0; k < RUNS_PER_TYPE; k++) {
                plan.add(t);
            }
        }
        for (int k = 0; k < RUNS_PER_TYPE; k++) {
            plan.add(null);
        }
        Random r = new Random(seed);
        List<LabelledRun> runs = new ArrayList<>();
        int room = n - length;
        for (int j = 0; j < plan.size(); j++) {
            int offset = plan.size() == 1 ? 0 : (int) Math.round((double) room * j / (plan.size() - 1));
            long[] ts = Arrays.copyOfRange(h.timestamps(), offset, offset + length);
            double[] values = Arrays.copyOfRange(v, offset, offset + length);
            boolean[] labels = new boolean[length];
            AnomalyType fault = plan.get(j);
            if (fault != null) {
                int lo = learn + Math.max(1, score / 10);
                int hi = Math.max(lo + 1, learn + (int) (score * 0.6));
                int at = lo + r.nextInt(hi - lo);
                // a drop, spike or stuck value needs a level to act on (not a PV panel at night)
                boolean needsLevel = fault == AnomalyType.SPIKE || fault == AnomalyType.POWER_DROP
                        || fault == AnomalyType.STUCK_SENSOR;
                for (int tries = 0; needsLevel && tries < 20 && Math.abs(values[at]) < 0.5 * meanAbs; tries++) {
                    at = lo + r.nextInt(hi - lo);
                }
                int len = SyntheticFaults.inject(fault, values, values, at, base, minutesPerRow, r);
                for (int i = at; i < at + len; i++) {
                    labels[i] = true;
                }
            }
            SeriesTable t = SeriesTable.of(ts, List.of(h.key().metric()), values);
            String name = (fault == null ? "clean" : fault.wireName()) + "@" + offset;
            runs.add(new LabelledRun(name, t, labels, learn));
        }
        return runs;
    }

    static long medianStep(long[] ts) {
        int n = Math.min(ts.length - 1, 10_000);
        long[] d = new long[Math.max(1, n)];
        int from = ts.length - 1 - n;
        for (int i = 0; i < n; i++) {
            d[i] = ts[from + i + 1] - ts[from + i];
        }
        Arrays.sort(d);
        return Math.max(1, d[d.length / 2]);
    }
}
