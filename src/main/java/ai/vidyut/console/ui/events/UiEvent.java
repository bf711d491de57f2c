package ai.vidyut.console.ui.events;

/** Marker for everything that travels on the {@link EventBus}. Events are immutable records. */
public interface UiEvent {
}
