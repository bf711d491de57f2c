package ai.vidyut.console.ui.events;

/** A CSV import stored {@code stored} new readings; charts of stored history may want to reload. */
public record DataImported(long stored) implements UiEvent {
}
