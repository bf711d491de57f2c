package ai.vidyut.console.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Background training tasks and their progress, for any model kind: queued, running (with the fraction done and
 * what it is doing), then done or failed. Trainers update it from their own threads; readers take a
 * {@link #snapshot()} or listen. A view polls {@link #version()} and re-reads only when it changed, so it gets
 * coalesced updates however often a trainer reports. Finished tasks are kept (the newest {@value #KEEP_FINISHED})
 * so that the outcome stays visible.
 */
public final class TrainingTasks {

    public static final int KEEP_FINISHED = 20;

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * One task. {@code trigger} says why it runs ({@code auto}, {@code on demand}); {@code runId} is the registry
     * run it recorded (null until it finished, or when it failed before recording).
     */
    public record Task(long id, String kind, String scope, String trigger, State state, double fraction,
                       String message, long createdAtMillis, long updatedAtMillis, Long runId) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        Task with(State s, double f, String m, Long run) {
            return new Task(id, kind, scope, trigger, s, f, m, createdAtMillis, System.currentTimeMillis(), run);
        }
    }

    private final Map<Long, Task> tasks = new LinkedHashMap<>();
    private final List<Consumer<Task>> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private long version;

    /** A new task in state QUEUED. */
    public Task submit(String kind, String scope, String trigger) {
        Task t;
        synchronized (this) {
            long now = System.currentTimeMillis();
            t = new Task(nextId++, kind, scope, trigger, State.QUEUED, 0, "queued", now, now, null);
            tasks.put(t.id(), t);
            version++;
        }
        notifyListeners(t);
        return t;
    }

    /** The task is running: {@code fraction} in [0, 1] done, doing {@code message}. */
    public void progress(long id, double fraction, String message) {
        change(id, t -> t.with(State.RUNNING, Math.max(t.fraction(), Math.min(1, Math.max(0, fraction))),
                message, null));
    }

    public void done(long id, String message, Long runId) {
        change(id, t -> t.with(State.DONE, 1, message, runId));
    }

    public void failed(long id, String message, Long runId) {
        change(id, t -> t.with(State.FAILED, t.fraction(), message, runId));
    }

    private void change(long id, java.util.function.UnaryOperator<Task> f) {
        Task now;
        synchronized (this) {
            Task t = tasks.get(id);
            if (t == null || t.finished()) {
                return;
            }
            now = f.apply(t);
            tasks.put(id, now);
            version++;
            if (now.finished()) {
                trimFinished();
            }
        }
        notifyListeners(now);
    }

    private void trimFinished() {
        List<Task> finished = tasks.values().stream().filter(Task::finished)
                .sorted(Comparator.comparingLong(Task::updatedAtMillis).thenComparingLong(Task::id)).toList();
        for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
            tasks.remove(finished.get(i).id());
        }
    }

    public synchronized Optional<Task> find(long id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** Every known task: running first, then queued (oldest first), then finished (newest first). */
    public synchronized List<Task> snapshot() {
        List<Task> out = new ArrayList<>(tasks.values());
        out.sort(Comparator.comparingInt((Task t) -> switch (t.state()) {
            case RUNNING -> 0;
            case QUEUED -> 1;
            default -> 2;
        }).thenComparing((a, b) -> a.finished() ? Long.compare(b.updatedAtMillis(), a.updatedAtMillis())
                : Long.compare(a.id(), b.id())));
        return out;
    }

    /** Queued or running tasks. */
    public synchronized List<Task> pending() {
        return snapshot().stream().filter(t -> !t.finished()).toList();
    }

    /** Grows with every change: compare to a remembered value to know whether to re-read. */
    public synchronized long version() {
        return version;
    }

    /** Called on the trainer's thread after every change; must be quick. */
    public void addListener(Consumer<Task> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Task> listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(Task t) {
        for (Consumer<Task> l : listeners) {
            try {
                l.accept(t);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TrainingTasks.class).warn("training task listener failed", e);
            }
        }
    }
}
