package ai.vidyut.console.ui.live;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;

import java.util.List;
import java.util.Map;

/**
 * What arrived since the previous tick, per series, oldest first (at most {@link LiveFeed#MAX_POINTS_PER_TICK}
 * newest points per series are kept; earlier ones in the same tick are dropped from the UI, not from the store).
 */
public record LiveUpdate(Map<SeriesKey, List<Reading>> points) {

    public Reading latest(SeriesKey key) {
        List<Reading> list = points.get(key);
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
