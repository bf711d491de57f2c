package ai.vidyut.console.ui.views;

/**
 * Implemented by every view controller. A controller has a public constructor taking a {@link ViewContext}
 * (or none); the selected site reaches it through {@link ViewContext#selectedSite()} or the
 * {@link ai.vidyut.console.ui.events.SiteSelected} event.
 */
public interface ViewController {

    /** The view became visible. */
    default void shown() {
    }

    /** The view was replaced by another one. */
    default void hidden() {
    }

    /** The window is closing: stop timers, release listeners. */
    default void dispose() {
    }
}
