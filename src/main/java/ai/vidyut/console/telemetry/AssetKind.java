package ai.vidyut.console.telemetry;

import java.util.Locale;

/** What an asset is; the wire and the database use the lower-case name ({@code pv_array}). */
public enum AssetKind {
    PV_ARRAY, INVERTER, BATTERY, TRANSFORMER, METER, HVAC, PUMP, GENERATOR, LIGHTING, WEATHER_STATION, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; anything unknown becomes {@link #OTHER} rather than failing. */
    public static AssetKind fromWire(String name) {
        if (name == null) {
            return OTHER;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
