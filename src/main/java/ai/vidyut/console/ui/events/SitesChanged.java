package ai.vidyut.console.ui.events;

/** Sites or assets were created, edited or deleted (or discovered on the wire); lists should reload. */
public record SitesChanged() implements UiEvent {
}
