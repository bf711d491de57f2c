package ai.vidyut.console.simulate;

import java.time.Instant;
import java.util.Objects;

/** One injected fault: an asset misbehaves in {@code [startMillis, endMillis)}. */
public record Fault(String assetId, FaultType type, long startMillis, long endMillis, double magnitude) {

    public Fault {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(type, "type");
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("fault must end after it starts");
        }
    }

    public static Fault of(String assetId, FaultType type, Instant start, Instant end) {
        return new Fault(assetId, type, start.toEpochMilli(), end.toEpochMilli(), type.defaultMagnitude());
    }

    public boolean activeAt(long t) {
        return t >= startMillis && t < endMillis;
    }

    /** 0 at the start of the window, 1 at its end. */
    double progress(long t) {
        return Math.min(1, Math.max(0, (t - startMillis) / (double) (endMillis - startMillis)));
    }
}
