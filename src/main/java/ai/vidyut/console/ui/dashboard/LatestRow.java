package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.telemetry.Metric;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

/** One row of the dashboard's "all latest values" table; known and unknown metrics alike. */
public final class LatestRow {

    private final SeriesKey key;
    private final Metric metric;
    private final DoubleProperty value = new SimpleDoubleProperty(Double.NaN);
    private final LongProperty timestamp = new SimpleLongProperty();

    public LatestRow(SeriesKey key) {
        this.key = key;
        this.metric = MetricCatalog.describe(key.metric());
    }

    public SeriesKey key() {
        return key;
    }

    public String asset() {
        return key.assetId();
    }

    public String metricName() {
        return key.metric();
    }

    public String label() {
        return metric.known() ? metric.label() : key.metric() + " (unknown metric)";
    }

    public String unit() {
        return metric.unit();
    }

    public boolean known() {
        return metric.known();
    }

    public DoubleProperty valueProperty() {
        return value;
    }

    public LongProperty timestampProperty() {
        return timestamp;
    }

    void update(double v, long ts) {
        if (ts >= timestamp.get()) {
            value.set(v);
            timestamp.set(ts);
        }
    }
}
