package ai.vidyut.console.maintain;

import java.util.List;

/** The health states the live condition model tells apart. */
public final class HealthStates {

    public static final String HEALTHY = "healthy";
    public static final String DEGRADING = "degrading";
    public static final String VIBRATION_FAULT = "vibration_fault";
    public static final String OVERHEATING = "overheating";
    public static final String INSUFFICIENT_DATA = "insufficient_data";

    public static final List<String> ALL = List.of(HEALTHY, DEGRADING, VIBRATION_FAULT, OVERHEATING);

    private HealthStates() {
    }

    public static boolean isFault(String state) {
        return VIBRATION_FAULT.equals(state) || OVERHEATING.equals(state);
    }
}
