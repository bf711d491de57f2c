package ai.vidyut.console.ui.events;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A typed publish/subscribe bus so that views never reference each other. Handlers always run on the
 * FX thread: publishing from another thread hands the event over with one {@code Platform.runLater}.
 * Events are rare user-level things (navigation, selection), not telemetry — live values go through
 * {@link ai.vidyut.console.ui.live.LiveFeed}.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    /** Returned by {@link #subscribe}; closing it removes the handler. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<Class<?>, List<Consumer<?>>> handlers = new ConcurrentHashMap<>();

    public <E extends UiEvent> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
        List<Consumer<?>> list = handlers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        list.add(handler);
        return () -> list.remove(handler);
    }

    public void publish(UiEvent event) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> publish(event));
            return;
        }
        List<Consumer<?>> list = handlers.get(event.getClass());
        if (list == null) {
            return;
        }
        for (Consumer<?> handler : list) {
            try {
                @SuppressWarnings("unchecked")
                Consumer<UiEvent> h = (Consumer<UiEvent>) handler;
                h.accept(event);
            } catch (RuntimeException e) {
                LOG.error("handler for {} failed", event, e);
            }
        }
    }
}
