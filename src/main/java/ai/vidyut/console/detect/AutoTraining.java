package ai.vidyut.console.detect;

import ai.vidyut.console.detect.eval.HistoryTraining;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.TrainingTasks;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.telemetry.SeriesKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Trains each series' anomaly detector from its stored history without being asked: at start and then every
 * {@code checkEvery} it looks at every stored series, and queues one whose history is long enough
 * ({@link HistoryTraining.Options#minHistory()}, {@link HistoryTraining.Options#minReadings()}) and that has no run
 * yet, or whose newest run is older than {@code retrainAfter}. {@link #trainNow} queues one on demand, whatever its
 * history (a failed run then says why). Training runs one at a time on a low-priority background thread (never on
 * the pipeline's writer or the FX thread) through {@link HistoryTraining}, reporting progress to
 * {@link #tasks()}; a run that beats the active one is activated and the live detector of that series reloads it.
 */
public final class AutoTraining implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoTraining.class);
    public static final String AUTO = "auto";
    public static final String ON_DEMAND = "on demand";

    /**
     * @param training     history limits and search settings of each training
     * @param retrainAfter a series is trained again once its newest run is this old
     * @param checkEvery   how often stored series are checked
     * @param startDelay   first check after start (lets the console settle)
     */
    public record Settings(HistoryTraining.Options training, Duration retrainAfter, Duration checkEvery,
                           Duration startDelay) {
        public static Settings defaults() {
            return new Settings(HistoryTraining.Options.defaults(), Duration.ofDays(7), Duration.ofMinutes(15),
                    Duration.ofSeconds(30));
        }
    }

    private final ReadingStore readings;
    private final SiteStore sites;
    private final ModelRegistry registry;
    private final TrainingTasks tasks;
    private final Settings settings;
    private final List<Consumer<SeriesKey>> activated = new CopyOnWriteArrayList<>();
    private final Map<SeriesKey, Long> queued = new ConcurrentHashMap<>();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> thread(r, "model-training",
            Thread.MIN_PRIORITY));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> thread(r, "model-training-check", Thread.NORM_PRIORITY));
    private volatile boolean closed;

    private static Thread thread(Runnable r, String name, int priority) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setPriority(priority);
        return t;
    }

    public AutoTraining(ReadingStore readings, SiteStore sites, ModelRegistry registry, TrainingTasks tasks,
                        Settings settings) {
        this.readings = readings;
        this.sites = sites;
        this.registry = registry;
        this.tasks = tasks;
        this.settings = settings;
    }

    /** An automatic trainer over a running console, reloading {@code live}'s series when their run changes. */
    public static AutoTraining attach(ConsoleRuntime runtime, LiveDetection live) {
        return attach(runtime, live, Settings.defaults());
    }

    public static AutoTraining attach(ConsoleRuntime runtime, LiveDetection live, Settings settings) {
        AutoTraining t = new AutoTraining(runtime.readingStore(), runtime.siteStore(), runtime.registry(),
                new TrainingTasks(), settings);
        if (live != null) {
            t.onActivated(live::reload);
        }
        t.start();
        return t;
    }

    /** Called on the training thread after a run was activated for a series. */
    public void onActivated(Consumer<SeriesKey> listener) {
        activated.add(listener);
    }

    public TrainingTasks tasks() {
        return tasks;
    }

    public Settings settings() {
        return settings;
    }

    /** Starts the periodic checks (the first after {@code startDelay}). */
    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("checking series for training failed", e);
            }
        }, settings.startDelay().toMillis(), Math.max(1, settings.checkEvery().toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Every stored series, site by site. */
    public List<SeriesKey> storedSeries() {
        List<SeriesKey> out = new ArrayList<>();
        for (Site s : sites.sites()) {
            out.addAll(readings.series(s.id()));
        }
        return out;
    }

    /** Queues every series that is due for automatic training; returns those queued now. */
    public List<SeriesKey> check() {
        List<SeriesKey> now = new ArrayList<>();
        for (SeriesKey key : storedSeries()) {
            if (closed) {
                break;
            }
            if (!queued.containsKey(key) && dueReason(key).isEmpty()) {
                submit(key, AUTO);
                now.add(key);
            }
        }
        return now;
    }

    /** Why a series is not due for automatic training now (empty when it is due). */
    public Optional<String> dueReason(SeriesKey key) {
        OptionalLong first = readings.earliestTimestamp(key);
        OptionalLong last = readings.latestTimestamp(key);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.of("no stored readings");
        }
        long span = last.getAsLong() - first.getAsLong();
        long count = 0;
        if (span >= settings.training().minHistory().toMillis()) {
            for (ReadingStore.Bucket b : readings.downsample(key, first.getAsLong(), last.getAsLong() + 1,
                    86_400_000L)) {
                count += b.count();
            }
        }
        Optional<String> notEnough = HistoryTraining.insufficient(span, count, settings.training());
        if (notEnough.isPresent()) {
            return notEnough;
        }
        List<ModelRun> runs = registry.runs(Training.KIND, key.toString());
        if (!runs.isEmpty()) {
            long age = System.currentTimeMillis() - runs.get(0).createdAtMillis();
            if (age < settings.retrainAfter().toMillis()) {
                return Optional.of("trained " + HistoryTraining.human(age) + " ago (run " + runs.get(0).id() + ")");
            }
        }
        return Optional.empty();
    }

    /** Queues an on-demand training of a series (or returns the task already queued for it). */
    public TrainingTasks.Task trainNow(SeriesKey key) {
        Long existing = queued.get(key);
        if (existing != null) {
            Optional<TrainingTasks.Task> t = tasks.find(existing);
            if (t.isPresent() && !t.get().finished()) {
                return t.get();
            }
        }
        return submit(key, ON_DEMAND).task();
    }

    /** A queued training: its task and the run it will record. */
    public record Queued(TrainingTasks.Task task, CompletableFuture<ModelRun> run) {
    }

    private synchronized Queued submit(SeriesKey key, String trigger) {
        TrainingTasks.Task task = tasks.submit(Training.KIND, key.toString(), trigger);
        queued.put(key, task.id());
        CompletableFuture<ModelRun> result = new CompletableFuture<>();
        if (closed) {
            tasks.failed(task.id(), "the console is closing", null);
            result.cancel(false);
            return new Queued(task, result);
        }
        trainer.execute(() -> {
            try {
                result.complete(train(key, task.id()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                queued.remove(key, task.id());
            }
        });
        return new Queued(task, result);
    }

    /** Queues a training and returns its future (for the CLI and tests). */
    public CompletableFuture<ModelRun> submit(SeriesKey key) {
        return submit(key, ON_DEMAND).run();
    }

    private ModelRun train(SeriesKey key, long taskId) {
        try {
            ModelRun run = HistoryTraining.train(registry, readings, key, settings.training(), false, (f, m) -> {
                if (closed) {
                    throw new CancellationException("the console is closing");
                }
                tasks.progress(taskId, f, m);
            });
            if (ModelRun.TRAINED.equals(run.status())) {
                tasks.done(taskId, "run " + run.id() + " " + run.message(), run.id());
                if (run.active()) {
                    for (Consumer<SeriesKey> l : activated) {
                        l.accept(key);
                    }
                }
            } else {
                tasks.failed(taskId, run.message(), run.id());
            }
            LOG.info("trained {}: run {} {} {}", key, run.id(), run.status(), run.message());
            return run;
        } catch (CancellationException e) {
            tasks.failed(taskId, "cancelled: " + e.getMessage(), null);
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("training {} failed", key, e);
            tasks.failed(taskId, "training failed: " + e.getMessage(), null);
            throw e;
        }
    }

    /** Waits until nothing is queued or training (for tests and orderly shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!tasks.pending().isEmpty()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        trainer.shutdown();
        try {
            if (!trainer.awaitTermination(5, TimeUnit.SECONDS)) {
                trainer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TrainingTasks.Task t : tasks.pending()) {
            tasks.failed(t.id(), "cancelled: the console closed", null);
        }
    }
}
