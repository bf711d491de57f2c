package ai.vidyut.console.detect;

/**
 * A causal detector: each call scores one reading using only what came before it, then learns from it.
 * Scores are in [0, 1]; 0 while the detector is still learning what normal looks like.
 */
public interface StreamingDetector {

    String name();

    /** Scores a row of channel values (NaN = missing) observed at {@code timestampMillis}. */
    double update(long timestampMillis, double[] row);
}
