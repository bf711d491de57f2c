package ai.vidyut.console.telemetry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics the console knows units for. Metrics not in the catalogue are still stored and shown;
 * {@link #describe(String)} returns them with {@code known = false}.
 */
public final class MetricCatalog {

    public static final String POWER_KW = "power_kw";
    public static final String ENERGY_KWH = "energy_kwh";
    public static final String VOLTAGE_V = "voltage_v";
    public static final String CURRENT_A = "current_a";
    public static final String FREQUENCY_HZ = "frequency_hz";
    public static final String POWER_FACTOR = "power_factor";
    public static final String TEMPERATURE_C = "temperature_c";
    public static final String AMBIENT_TEMPERATURE_C = "ambient_temperature_c";
    public static final String VIBRATION_MM_S = "vibration_mm_s";
    public static final String SOC_PCT = "soc_pct";
    public static final String IRRADIANCE_W_M2 = "irradiance_w_m2";
    public static final String REACTIVE_POWER_KVAR = "reactive_power_kvar";
    public static final String PRESSURE_BAR = "pressure_bar";
    public static final String FLOW_M3_H = "flow_m3_h";
    public static final String HUMIDITY_PCT = "humidity_pct";
    public static final String SPEED_RPM = "speed_rpm";
    public static final String OCCUPANCY = "occupancy";
    public static final String STATUS = "status";

    private static final Map<String, Metric> KNOWN = new LinkedHashMap<>();

    static {
        add(POWER_KW, "kW", "Power");
        add(ENERGY_KWH, "kWh", "Energy");
        add(VOLTAGE_V, "V", "Voltage");
        add(CURRENT_A, "A", "Current");
        add(FREQUENCY_HZ, "Hz", "Frequency");
        add(POWER_FACTOR, "", "Power factor");
        add(TEMPERATURE_C, "°C", "Temperature");
        add(AMBIENT_TEMPERATURE_C, "°C", "Ambient temperature");
        add(VIBRATION_MM_S, "mm/s", "Vibration");
        add(SOC_PCT, "%", "State of charge");
        add(IRRADIANCE_W_M2, "W/m²", "Irradiance");
        add(REACTIVE_POWER_KVAR, "kvar", "Reactive power");
        add(PRESSURE_BAR, "bar", "Pressure");
        add(FLOW_M3_H, "m³/h", "Flow");
        add(HUMIDITY_PCT, "%", "Humidity");
        add(SPEED_RPM, "rpm", "Speed");
        add(OCCUPANCY, "people", "Occupancy");
        add(STATUS, "", "Status code");
    }

    private MetricCatalog() {
    }

    private static void add(String name, String unit, String label) {
        KNOWN.put(name, new Metric(name, unit, label, true));
    }

    public static Metric describe(String name) {
        Metric metric = KNOWN.get(name);
        return metric != null ? metric : new Metric(name, "", name, false);
    }

    public static boolean isKnown(String name) {
        return KNOWN.containsKey(name);
    }

    public static Collection<Metric> known() {
        return Collections.unmodifiableCollection(KNOWN.values());
    }
}
