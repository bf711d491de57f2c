package ai.vidyut.console.ui.views;

import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.ConsoleBackend;
import ai.vidyut.console.ui.events.EventBus;
import ai.vidyut.console.ui.live.LiveFeed;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * What the shell gives each view: the core (through {@link ConsoleBackend}; {@code backend().runtime()} for
 * the full runtime), the event bus, the coalesced live feed, the background pool, shared per-window services,
 * the currently selected site id (null when none) and the window, as owner for dialogs.
 */
public record ViewContext(ConsoleBackend backend, EventBus bus, LiveFeed live, Background background,
                          Services services, ReadOnlyObjectProperty<String> selectedSite, Supplier<Window> owner) {
}
