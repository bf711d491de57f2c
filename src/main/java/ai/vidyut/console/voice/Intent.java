package ai.vidyut.console.voice;

import java.util.Locale;

/**
 * What a spoken or typed command asks for. The design documents' {@code status_query}, {@code energy_query}
 * and {@code schedule_query} are {@link #QUERY_STATUS}, {@link #QUERY_ENERGY} and {@link #QUERY_SCHEDULE}.
 */
public enum Intent {
    NAVIGATE, QUERY_STATUS, QUERY_ENERGY, QUERY_FORECAST, QUERY_SCHEDULE, ACKNOWLEDGE_ALARM, DEVICE_CONTROL, UNKNOWN;

    /** The name used in JSON output ({@code device_control}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
