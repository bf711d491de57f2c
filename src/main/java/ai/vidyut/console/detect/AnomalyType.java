package ai.vidyut.console.detect;

import java.util.Locale;

/** What kind of misbehaviour an anomaly is; the CSV output and the database use the lower-case name. */
public enum AnomalyType {
    SPIKE, POWER_DROP, STUCK_SENSOR, DRIFT, LEVEL_SHIFT, OVERHEATING, ERRATIC, PATTERN_CHANGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnomalyType fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
