package ai.vidyut.console.ui.events;

import ai.vidyut.console.telemetry.SeriesKey;

/** Asks the history view to chart one series (published with a {@link NavigateRequested} to "history"). */
public record SeriesRequested(SeriesKey series) implements UiEvent {
}
