package ai.vidyut.console.detect;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.eval.HistoryTraining;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.registry.TrainingTasks;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic trainer on a real H2 file filled with simulator history: every scope with enough history gets a
 * recorded run with held-out metrics, activated only when it beats the active parameters; a scope with a few hours
 * of history is not trained automatically and gets a failed run with the reason on demand; live detection switches
 * to a newly activated run.
 */
class AutoTrainingTest {

    private static final long FROM = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long STEP = 300_000; // 5 min

    @TempDir
    Path dir;

    @Test
    void trainsEligibleScopesFromHistoryActivatesOnlyWhenBetterAndLiveDetectionReloads() throws Exception {
        SiteProfile longSite = SiteProfile.standard(1);
        SiteProfile shortSite = SiteProfile.standard(2);
        long longEnd = FROM + Duration.ofHours(60).toMillis();
        try (Database db = Database.open(dir)) {
            SiteStore sites = new SiteStore(db);
            ReadingStore readings = new ReadingStore(db, sites);
            readings.append(new SiteSimulator(longSite, 11).readings(FROM, longEnd, STEP));
            readings.append(new SiteSimulator(shortSite, 12).readings(FROM, FROM + Duration.ofHours(5).toMillis(), STEP));
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            SeriesKey inverter = new SeriesKey(longSite.siteId(), SiteProfile.INVERTER, "power_kw");
            SeriesKey shortKey = readings.series(shortSite.siteId()).get(0);

            // an active global run that detects nothing: a trained run must beat it
            DetectorParams blind = DetectorParams.shippedDefault().withThreshold(1.01);
            Path blindFile = registry.nextArtifactPath(Training.KIND, "global", "json");
            blind.write(blindFile);
            ModelRun blindRun = registry.activate(registry.record(NewRun.trained(Training.KIND, "global",
                    blind.asMap(), Map.of(), FROM, longEnd, blindFile)).id());

            try (LiveDetection live = new LiveDetection(new AnomalyStore(db), new AlertService(db), readings, registry)) {
                List<SeriesKey> longSeries = readings.series(longSite.siteId());
                live.onCommitted(longSeries.stream().map(k -> new Reading(longEnd, k.siteId(), k.assetId(),
                        k.metric(), 50)).toList());
                assertThat(live.awaitIdle(Duration.ofSeconds(30))).isTrue();
                assertThat(live.paramsInUse(inverter)).contains(blind);

                HistoryTraining.Options options = HistoryTraining.Options.defaults().withTrials(2);
                AutoTraining.Settings settings = new AutoTraining.Settings(options, Duration.ofDays(7),
                        Duration.ofHours(1), Duration.ZERO);
                List<SeriesKey> activated = new java.util.concurrent.CopyOnWriteArrayList<>();
                try (AutoTraining auto = new AutoTraining(readings, sites, registry, new TrainingTasks(), settings)) {
                    auto.onActivated(live::reload);
                    auto.onActivated(activated::add);
                    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
                    auto.onActivated(k -> threads.add(Thread.currentThread().getName()));
                    assertThat(auto.dueReason(shortKey)).contains("needs 2 days of history, has 4 h");

                    List<SeriesKey> queued = auto.check();
                    assertThat(queued).containsExactlyInAnyOrderElementsOf(longSeries).contains(inverter);
                    assertThat(auto.awaitIdle(Duration.ofSeconds(120))).isTrue();

                    for (SeriesKey key : longSeries) {
                        List<ModelRun> runs = registry.runs(Training.KIND, key.toString());
                        assertThat(runs).as("runs of %s", key).isNotEmpty();
                        ModelRun run = runs.get(0);
                        if (!ModelRun.TRAINED.equals(run.status())) {
                            // only a series that never changes may fail, and it says why
                            assertThat(run.message()).as("%s", key).contains("constant");
                            continue;
                        }
                        assertThat(run.params()).containsEntry("source", "history");
                        assertThat(run.metrics()).containsKeys("nab", "f1", "precision", "recall", "objective",
                                "activeObjective", "activeNab", "activeF1");
                        assertThat(run.trainFromMillis()).isEqualTo(FROM);
                        boolean beats = run.metrics().get("objective")
                                > run.metrics().get("activeObjective") + options.minGain()
                                && run.metrics().get("recall") > 0;
                        assertThat(run.active()).as("%s: %s", key, run.message()).isEqualTo(beats);
                        assertThat(run.message()).startsWith(beats ? "activated: " : "not activated: ");
                        assertThat(activated.contains(key)).isEqualTo(beats);
                    }
                    assertThat(activated).as("scopes whose trained run beats the blind one").isNotEmpty();
                    assertThat(threads).containsOnly("model-training");
                    assertThat(auto.tasks().snapshot()).hasSize(longSeries.size()).allSatisfy(t -> {
                        assertThat(t.finished()).isTrue();
                        assertThat(t.trigger()).isEqualTo(AutoTraining.AUTO);
                        ModelRun r = registry.runs(Training.KIND, t.scope()).get(0);
                        assertThat(t.runId()).isEqualTo(r.id());
                        assertThat(t.state()).isEqualTo(ModelRun.TRAINED.equals(r.status())
                                ? TrainingTasks.State.DONE : TrainingTasks.State.FAILED);
                    });
                    SeriesKey better = activated.get(0);
                    ModelRun betterRun = registry.runs(Training.KIND, better.toString()).get(0);
                    assertThat(betterRun.metrics().get("activeObjective")).isEqualTo(0.0);
                    assertThat(betterRun.metrics().get("f1")).isGreaterThan(0);
                    assertThat(betterRun.message()).contains("run " + blindRun.id() + " (global v1)");

                    // live detection now runs every activated series with its new parameters, the others unchanged
                    live.onCommitted(longSeries.stream().map(k -> new Reading(longEnd + STEP, k.siteId(),
                            k.assetId(), k.metric(), 51)).toList());
                    assertThat(live.awaitIdle(Duration.ofSeconds(30))).isTrue();
                    for (SeriesKey key : longSeries) {
                        ModelRun r = registry.runs(Training.KIND, key.toString()).get(0);
                        DetectorParams expected = r.active() ? DetectorParams.read(Path.of(r.artifactPath())) : blind;
                        assertThat(live.paramsInUse(key)).as("%s", key).contains(expected);
                    }

                    // trained scopes are not due again; the short one is never due, but on demand says why
                    assertThat(auto.check()).isEmpty();
                    TrainingTasks.Task task = auto.trainNow(shortKey);
                    assertThat(task.trigger()).isEqualTo(AutoTraining.ON_DEMAND);
                    assertThat(auto.awaitIdle(Duration.ofSeconds(30))).isTrue();
                    ModelRun failed = registry.runs(Training.KIND, shortKey.toString()).get(0);
                    assertThat(failed.status()).isEqualTo(ModelRun.FAILED);
                    assertThat(failed.message()).isEqualTo("needs 2 days of history, has 4 h");
                    assertThat(auto.tasks().find(task.id()).orElseThrow().state()).isEqualTo(TrainingTasks.State.FAILED);
                }

                // a run that does not beat the active one by the required gain is recorded but not activated
                SeriesKey better = activated.get(0);
                ModelRun before = registry.active(Training.KIND, better.toString()).orElseThrow();
                List<Double> fractions = new ArrayList<>();
                ModelRun kept = HistoryTraining.train(registry, readings, better, options.withMinGain(1000), false,
                        (f, m) -> fractions.add(f));
                assertThat(kept.status()).isEqualTo(ModelRun.TRAINED);
                assertThat(kept.active()).isFalse();
                assertThat(kept.message()).startsWith("not activated: ").contains("does not beat")
                        .contains("run " + before.id());
                assertThat(registry.active(Training.KIND, better.toString())).map(ModelRun::id).contains(before.id());
                assertThat(fractions).isSorted().last().isEqualTo(1.0);
                assertThat(kept.metrics().get("activeObjective")).isGreaterThan(0); // measured the active run
            }
        }
    }

    @Test
    void humanDurations() {
        assertThat(HistoryTraining.human(Duration.ofDays(2).toMillis())).isEqualTo("2 days");
        assertThat(HistoryTraining.human(Duration.ofHours(36).toMillis())).isEqualTo("1.5 days");
        assertThat(HistoryTraining.human(Duration.ofHours(5).toMillis())).isEqualTo("5 h");
        assertThat(HistoryTraining.human(Duration.ofMinutes(12).toMillis())).isEqualTo("12 min");
    }

    @Test
    void tasksReportProgressInOrderAndKeepOutcomes() {
        TrainingTasks tasks = new TrainingTasks();
        TrainingTasks.Task a = tasks.submit(Training.KIND, "s/a/m", AutoTraining.AUTO);
        TrainingTasks.Task b = tasks.submit(Training.KIND, "s/b/m", AutoTraining.ON_DEMAND);
        long v = tasks.version();
        tasks.progress(b.id(), 0.4, "search trial 2/5");
        assertThat(tasks.version()).isGreaterThan(v);
        assertThat(tasks.snapshot()).extracting(TrainingTasks.Task::id).containsExactly(b.id(), a.id());
        tasks.progress(b.id(), 0.2, "late report");
        assertThat(tasks.find(b.id()).orElseThrow().fraction()).isEqualTo(0.4); // never goes backwards
        tasks.done(b.id(), "run 3", 3L);
        tasks.progress(b.id(), 0.5, "after the end");
        assertThat(tasks.find(b.id()).orElseThrow().state()).isEqualTo(TrainingTasks.State.DONE);
        assertThat(tasks.pending()).extracting(TrainingTasks.Task::id).containsExactly(a.id());
    }
}
