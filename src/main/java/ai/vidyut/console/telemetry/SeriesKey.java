package ai.vidyut.console.telemetry;

import java.util.Objects;

/** Identifies one time series: a metric of one asset at one site. */
public record SeriesKey(String siteId, String assetId, String metric) {

    public SeriesKey {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(metric, "metric");
    }

    @Override
    public String toString() {
        return siteId + "/" + assetId + "/" + metric;
    }
}
