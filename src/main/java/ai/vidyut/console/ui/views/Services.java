package ai.vidyut.console.ui.views;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-window singletons that views share without referencing each other, for example a live model adapter
 * attached to the pipeline that both a view and a dashboard tile read. Created on first use; closed (if
 * {@link AutoCloseable}) when the window closes, newest first.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Map<Class<?>, Object> byType = new LinkedHashMap<>();
    private boolean closed;

    /** The service of this type, created with {@code factory} on first use. */
    public synchronized <T> T get(Class<T> type, Supplier<? extends T> factory) {
        if (closed) {
            throw new IllegalStateException("the window is closing");
        }
        Object existing = byType.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T created = factory.get();
        byType.put(type, created);
        return created;
    }

    /** The service of this type if one was created. */
    public synchronized <T> java.util.Optional<T> find(Class<T> type) {
        return java.util.Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<Object> all = new ArrayList<>(byType.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {}: {}", c, e.toString());
                }
            }
        }
        byType.clear();
    }
}
