package ai.vidyut.console.telemetry;

import java.time.Instant;
import java.util.Objects;

/** One measured value: a metric of an asset at a site, at a timestamp with millisecond precision. */
public record Reading(long timestampMillis, String siteId, String assetId, String metric, double value) {

    public Reading {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(metric, "metric");
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    public SeriesKey seriesKey() {
        return new SeriesKey(siteId, assetId, metric);
    }
}
