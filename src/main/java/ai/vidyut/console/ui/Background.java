package ai.vidyut.console.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The UI's small pool for work that must not run on the FX thread (queries, imports, saves).
 * Results come back to the FX thread through the callbacks.
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    public Background() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(2, r -> daemon(r, "ui-worker-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ui-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs {@code work} on a worker; {@code onDone} or {@code onError} then runs on the FX thread. */
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        CompletableFuture<T> future = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                T result = work.call();
                future.complete(result);
                Platform.runLater(() -> onDone.accept(result));
            } catch (Throwable e) {
                LOG.warn("background task failed", e);
                future.completeExceptionally(e);
                Platform.runLater(() -> onError.accept(e));
            }
        });
        return future;
    }

    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<? super T> onDone) {
        return run(work, onDone, e -> { });
    }

    /** Runs {@code work} off the FX thread every {@code periodMillis}. */
    public ScheduledFuture<?> every(long periodMillis, Runnable work) {
        return timer.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("periodic task failed", e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(3, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A short human message for an exception (root cause message, else its type). */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
