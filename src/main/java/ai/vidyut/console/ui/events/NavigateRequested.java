package ai.vidyut.console.ui.events;

/**
 * Asks the shell to show a view, optionally for a site ({@code siteId} may be null: keep the current site).
 * This is how one view opens another without referencing it.
 */
public record NavigateRequested(String viewId, String siteId) implements UiEvent {

    public static NavigateRequested to(String viewId) {
        return new NavigateRequested(viewId, null);
    }
}
