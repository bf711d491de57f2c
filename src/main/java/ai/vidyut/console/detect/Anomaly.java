package ai.vidyut.console.detect;

/**
 * One anomaly: consecutive anomalous readings of a series merged into an event, explained by its type, its peak
 * value against the expected value, and the detector's confidence (the peak score). {@code id} is 0 until stored.
 */
public record Anomaly(long id, String siteId, String assetId, String metric, AnomalyType type, Severity severity,
                      long startMillis, long endMillis, double value, double expectedValue, double deviationPct,
                      double confidence, int readings) {

    public Anomaly withId(long newId) {
        return new Anomaly(newId, siteId, assetId, metric, type, severity, startMillis, endMillis, value,
                expectedValue, deviationPct, confidence, readings);
    }
}
