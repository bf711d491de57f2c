package ai.vidyut.console.ui.events;

/** The user picked a site in the navigator (or a view asked for it); {@code siteId} is null when none is selected. */
public record SiteSelected(String siteId) implements UiEvent {
}
