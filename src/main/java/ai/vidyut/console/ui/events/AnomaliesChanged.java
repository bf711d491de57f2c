package ai.vidyut.console.ui.events;

import java.util.List;

/**
 * Anomalies of these sites were stored outside live detection (a batch scan of imported history stored
 * {@code stored} new ones); views listing anomalies may want to reload.
 */
public record AnomaliesChanged(List<String> siteIds, int stored) implements UiEvent {

    public AnomaliesChanged {
        siteIds = List.copyOf(siteIds);
    }
}
