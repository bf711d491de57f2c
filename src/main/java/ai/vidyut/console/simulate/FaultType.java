package ai.vidyut.console.simulate;

/** Faults the simulator can inject into one asset for a time window. */
public enum FaultType {
    /** power_kw falls by {@code magnitude} (a fraction, default 0.6). */
    POWER_DROP(0.6),
    /** Every metric of the asset freezes at its value when the fault starts. */
    STUCK_SENSOR(0),
    /** temperature_c rises by up to {@code magnitude} °C (default 25), ramping over the first fifth of the window. */
    OVERHEATING(25),
    /** vibration_mm_s grows linearly by up to {@code magnitude} mm/s (default 8) over the window. */
    RISING_VIBRATION(8),
    /** The asset sends nothing. */
    OFFLINE(0);

    private final double defaultMagnitude;

    FaultType(double defaultMagnitude) {
        this.defaultMagnitude = defaultMagnitude;
    }

    public double defaultMagnitude() {
        return defaultMagnitude;
    }
}
