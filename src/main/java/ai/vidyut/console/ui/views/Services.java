package ai.vidyut.console.ui.views;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Per-window singletons that views share without referencing each other, for example a live model adapter
 * attached to the pipeline that both a view and a dashboard tile read. Created on first use; closed (if
 * {@link AutoCloseable}) when the window closes, newest first. A slow factory (run in the background) only makes
 * callers of the same type wait, never callers of other types.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Map<Class<?>, CompletableFuture<Object>> byType = new LinkedHashMap<>();
    private boolean closed;

    /** The service of this type, created with {@code factory} on first use. */
    public <T> T get(Class<T> type, Supplier<? extends T> factory) {
        CompletableFuture<Object> slot;
        boolean create = false;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the window is closing");
            }
            slot = byType.get(type);
            if (slot == null) {
                slot = new CompletableFuture<>();
                byType.put(type, slot);
                create = true;
            }
        }
        if (create) {
            try {
                slot.complete(factory.get());
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    byType.remove(type, slot);
                }
                slot.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return type.cast(slot.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The service of this type if one was created (and is ready). */
    public synchronized <T> Optional<T> find(Class<T> type) {
        CompletableFuture<Object> slot = byType.get(type);
        return slot == null || !slot.isDone() || slot.isCompletedExceptionally()
                ? Optional.empty() : Optional.of(type.cast(slot.join()));
    }

    @Override
    public void close() {
        List<CompletableFuture<Object>> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(byType.values());
            byType.clear();
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            // a service still being created is closed when it is ready
            all.get(i).thenAccept(Services::closeQuietly);
        }
    }

    private static void closeQuietly(Object service) {
        if (service instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
    }
}
