package ai.vidyut.console.maintain;

import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.MetricCatalog;

import java.util.List;
import java.util.Map;

/**
 * The condition signals the health model looks at, the metric each one is read from, and the level at which an asset
 * is considered failed (the threshold a degradation trend is projected to cross).
 */
public enum ConditionSignal {
    VIBRATION(MetricCatalog.VIBRATION_MM_S, "vibration", "mm/s"),
    TEMPERATURE(MetricCatalog.TEMPERATURE_C, "temperature", "°C"),
    CURRENT(MetricCatalog.CURRENT_A, "current", "A");

    private final String metric;
    private final String label;
    private final String unit;

    ConditionSignal(String metric, String label, String unit) {
        this.metric = metric;
        this.label = label;
        this.unit = unit;
    }

    public String metric() {
        return metric;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public static ConditionSignal ofMetric(String metric) {
        for (ConditionSignal s : values()) {
            if (s.metric.equals(metric)) {
                return s;
            }
        }
        return null;
    }

    /** The load metric used to tell a load-driven rise from a condition-driven one. */
    public static final String LOAD_METRIC = MetricCatalog.POWER_KW;

    private static final Map<AssetKind, Double> TEMPERATURE_LIMITS = Map.of(
            AssetKind.INVERTER, 85.0,        // heat-sink derating typically starts 75-85 °C
            AssetKind.TRANSFORMER, 105.0,    // top-oil/winding alarm region
            AssetKind.BATTERY, 55.0,         // Li-ion cells: accelerated ageing above ~50 °C
            AssetKind.PV_ARRAY, 85.0,
            AssetKind.HVAC, 90.0,
            AssetKind.PUMP, 90.0,
            AssetKind.GENERATOR, 105.0);

    /**
     * The failure threshold of this signal for an asset: its nameplate rating when one is recorded (for current,
     * 110 % of rated), else a conservative limit by asset kind. NaN when there is none.
     */
    public double threshold(AssetKind kind, Map<String, Double> rated) {
        Double r = rated == null ? null : rated.get(metric);
        switch (this) {
            case VIBRATION:
                // ISO 10816-3 zone C/D boundary for medium machines on rigid foundations: damage likely above it
                return r != null ? r : 7.1;
            case TEMPERATURE:
                return r != null ? r : TEMPERATURE_LIMITS.getOrDefault(kind, 90.0);
            case CURRENT:
                return r != null ? 1.1 * r : Double.NaN;
            default:
                return Double.NaN;
        }
    }

    /** Feature names the health classifier uses for one signal, scale-free so they carry across assets. */
    public List<String> featureNames() {
        return List.of(label + ".z_own", label + ".z_peer", label + ".slope_sigma_day", label + ".level_ratio",
                label + ".threshold_fraction", label + ".crest", label + ".kurtosis", label + ".skewness");
    }
}
