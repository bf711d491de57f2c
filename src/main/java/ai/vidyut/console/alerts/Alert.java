package ai.vidyut.console.alerts;

import ai.vidyut.console.detect.Severity;

/**
 * An alert raised by an anomaly. Repeats of the same (site, asset, metric, type) within the cooldown do not raise a
 * new alert: they raise the count and the last-seen time of the open one.
 */
public record Alert(long id, Long anomalyId, String siteId, String assetId, String metric, String type,
                    Severity severity, String message, long raisedAtMillis, int occurrences, long lastSeenMillis,
                    boolean acknowledged, Long acknowledgedAtMillis) {
}
