package ai.vidyut.console.ui;

import ai.vidyut.console.telemetry.Metric;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;

import java.util.List;
import java.util.Locale;

/** How views name a series in pickers and messages, and which series they show first. */
public final class SeriesChoice {

    private SeriesChoice() {
    }

    /** {@code inv-1 · Power (kW)}. */
    public static String label(SeriesKey key) {
        Metric m = MetricCatalog.describe(key.metric());
        return key.assetId() + " · " + m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")");
    }

    /** A grid meter's power if there is one, else any power series, else the first series (null for none). */
    public static SeriesKey defaultSeries(List<SeriesKey> list) {
        return list.stream().filter(k -> k.metric().equals(MetricCatalog.POWER_KW))
                .filter(k -> k.assetId().toLowerCase(Locale.ROOT).contains("meter")).findFirst()
                .or(() -> list.stream().filter(k -> k.metric().equals(MetricCatalog.POWER_KW)).findFirst())
                .orElse(list.isEmpty() ? null : list.get(0));
    }
}
