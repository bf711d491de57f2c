package ai.vidyut.console.detect;

import ai.vidyut.console.alerts.AlertService;

import java.util.function.Consumer;

/**
 * The stored side of one live anomaly as its builder grows it: saved, alerted and announced when it opens, updated
 * while readings stay anomalous, updated and announced once more when it ends. Used by the per-series and the
 * per-asset live paths so both store and alert the same way.
 */
final class StoredAnomaly {

    private final AnomalyStore anomalies;
    private final AlertService alerts;
    private final Consumer<Anomaly> announce;
    private long storedId;

    StoredAnomaly(AnomalyStore anomalies, AlertService alerts, Consumer<Anomaly> announce) {
        this.anomalies = anomalies;
        this.alerts = alerts;
        this.announce = announce;
    }

    /** An anomaly is stored and not yet ended. */
    boolean isOpen() {
        return storedId > 0;
    }

    /** The builder's current snapshot ({@code null} when nothing is open) after a reading. */
    void progress(Anomaly now, boolean anomalous) {
        if (now == null) {
            return;
        }
        if (storedId == 0) {
            Anomaly saved = anomalies.save(now);
            storedId = saved.id();
            alerts.raise(saved);
            announce.accept(saved);
        } else if (anomalous) {
            anomalies.update(now.withId(storedId));
        }
    }

    /** The builder closed the anomaly (its final form). */
    void closed(Anomaly last) {
        if (storedId > 0) {
            Anomaly done = last.withId(storedId);
            anomalies.update(done);
            storedId = 0;
            announce.accept(done);
        }
    }
}
