package ai.vidyut.console.ui.views;

import ai.vidyut.console.ui.Background;
import ai.vidyut.console.ui.ConsoleBackend;
import ai.vidyut.console.ui.events.EventBus;
import ai.vidyut.console.ui.live.LiveFeed;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * What the shell gives each view: the core (through {@link ConsoleBackend}), the event bus, the coalesced
 * live feed, the background pool and the currently selected site id (null when none).
 */
public record ViewContext(ConsoleBackend backend, EventBus bus, LiveFeed live, Background background,
                          ReadOnlyObjectProperty<String> selectedSite, Supplier<Window> owner) {
}
