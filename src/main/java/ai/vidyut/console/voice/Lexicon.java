package ai.vidyut.console.voice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed words of the command language: verbs, views, metric phrases, device kinds, locations, time words.
 * Site and asset names come from the console's data and live in {@link Vocabulary}.
 */
final class Lexicon {

    private Lexicon() {
    }

    /** Spoken view names to view ids. */
    static final Map<String, String> VIEWS = map(
            "dashboard", "dashboard", "overview", "dashboard", "home screen", "dashboard",
            "history", "history", "trends", "history",
            "anomalies", "anomalies", "anomaly", "anomalies", "anomaly timeline", "anomalies",
            "forecast", "forecast", "forecasts", "forecast",
            "maintenance", "maintenance", "maintenance plan", "maintenance",
            "alarms", "alarms", "alarm", "alarms", "alerts", "alarms", "alert", "alarms",
            "models", "models");

    /** Spoken metric phrases to metric names of the {@link ai.vidyut.console.telemetry.MetricCatalog}. */
    static final Map<String, String> METRICS = map(
            "power", "power_kw", "output", "power_kw", "power output", "power_kw", "active power", "power_kw",
            "load", "power_kw", "demand", "power_kw", "generation", "power_kw", "production", "power_kw",
            "energy", "energy_kwh", "energy consumption", "energy_kwh", "consumption", "energy_kwh",
            "energy usage", "energy_kwh", "usage", "energy_kwh", "electricity", "energy_kwh",
            "electricity consumption", "energy_kwh", "electricity usage", "energy_kwh", "energy use", "energy_kwh",
            "kilowatt hours", "energy_kwh", "energy production", "energy_kwh", "energy generation", "energy_kwh",
            "voltage", "voltage_v", "current", "current_a", "frequency", "frequency_hz",
            "grid frequency", "frequency_hz", "power factor", "power_factor",
            "temperature", "temperature_c", "temp", "temperature_c",
            "ambient temperature", "ambient_temperature_c", "outside temperature", "ambient_temperature_c",
            "vibration", "vibration_mm_s", "vibrations", "vibration_mm_s",
            "state of charge", "soc_pct", "charge level", "soc_pct", "battery level", "soc_pct",
            "irradiance", "irradiance_w_m2", "reactive power", "reactive_power_kvar",
            "pressure", "pressure_bar", "flow", "flow_m3_h", "flow rate", "flow_m3_h",
            "humidity", "humidity_pct", "speed", "speed_rpm", "occupancy", "occupancy");

    /** Words naming a kind of device; values are {@link ai.vidyut.console.telemetry.AssetKind} wire names. */
    static final Map<String, String> DEVICE_KINDS = map(
            "solar", "pv_array", "solar array", "pv_array", "solar panels", "pv_array", "panels", "pv_array",
            "pv", "pv_array", "pv array", "pv_array", "array", "pv_array",
            "inverter", "inverter", "inverters", "inverter",
            "battery", "battery", "batteries", "battery",
            "transformer", "transformer", "transformers", "transformer",
            "meter", "meter", "meters", "meter",
            "hvac", "hvac", "air conditioner", "hvac", "air conditioning", "hvac", "ac", "hvac", "cooling", "hvac",
            "chiller", "hvac",
            "pump", "pump", "pumps", "pump",
            "generator", "generator", "generators", "generator",
            "lights", "lighting", "light", "lighting", "lighting", "lighting", "lamps", "lighting", "lamp", "lighting",
            "weather station", "weather_station",
            "fan", "fan", "fans", "fan", "projector", "projector", "projectors", "projector");

    /** The spoken word used for a device kind in generated names ("pump two"). */
    static final Map<String, String> KIND_WORD = map(
            "pv_array", "solar array", "inverter", "inverter", "battery", "battery", "transformer", "transformer",
            "meter", "meter", "hvac", "air conditioner", "pump", "pump", "generator", "generator",
            "lighting", "lights", "weather_station", "weather station", "fan", "fan", "projector", "projector");

    static final Set<String> LOCATIONS = Set.of("lab", "classroom", "office", "hall", "auditorium", "room",
            "building", "floor", "zone", "block", "wing", "workshop", "warehouse", "plant", "roof", "basement",
            "lobby", "kitchen");

    /** Control verbs with the action they carry ({@code null}: the action comes after, as in "set ... to charge"). */
    static final Map<String, String> CONTROL_VERBS = map(
            "turn on", "on", "switch on", "on", "power on", "on", "start", "on", "activate", "on", "enable", "on",
            "turn off", "off", "switch off", "off", "power off", "off", "shut off", "off", "shut down", "off",
            "stop", "off", "deactivate", "off", "disable", "off",
            "charge", "charge", "discharge", "discharge", "start charging", "charge", "start discharging", "discharge");

    /** Action words that may stand after the target ("turn the lights off", "set the battery to charge"). */
    static final Map<String, String> ACTIONS = map(
            "on", "on", "off", "off", "charge", "charge", "charging", "charge", "discharge", "discharge",
            "discharging", "discharge");

    static final List<String> NAV_VERBS = List.of("show me", "show", "open", "go to", "display", "take me to",
            "switch to", "bring up", "navigate to");

    static final Set<String> ACK_VERBS = Set.of("acknowledge", "ack", "silence", "clear", "dismiss");

    static final Set<String> FORECAST_WORDS = Set.of("forecast", "forecasts", "predict", "prediction", "predicted",
            "expected", "projection", "outlook", "will");

    static final Set<String> STATUS_WORDS = Set.of("status", "state", "check", "reading", "readings", "level",
            "condition", "health");

    static final Set<String> SCHEDULE_WORDS = Set.of("schedule", "when", "scheduled", "due", "next service",
            "service");

    /** Words that carry no meaning for the parser; they neither count as understood nor as unknown. */
    static final Set<String> FILLER = Set.of("the", "a", "an", "please", "me", "my", "us", "of", "at", "for", "in",
            "on", "to", "is", "are", "what", "whats", "how", "much", "and", "now", "current", "currently", "could",
            "can", "you", "would", "kindly", "tell", "give", "it", "all", "this", "that", "there", "right", "hey",
            "vidyut", "console", "thanks", "thank", "ok", "okay", "be", "will", "does", "do", "did", "which", "s",
            "view", "page", "screen", "tab", "panel", "i", "want", "see", "let", "lets", "with", "by", "from", "up",
            "about", "so", "far", "was", "were", "used", "use", "consumed", "produced", "generated", "going",
            "get", "value", "values", "latest", "just", "then", "quickly", "total");

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
