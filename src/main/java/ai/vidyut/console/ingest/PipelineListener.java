package ai.vidyut.console.ingest;

import ai.vidyut.console.telemetry.Reading;

import java.util.List;

/**
 * Notified by the pipeline's writer thread after each batch is committed to the store. Called off the FX
 * thread; implementations must be quick or hand off (a UI coalesces and updates a few times per second).
 */
@FunctionalInterface
public interface PipelineListener {

    /**
     * The readings of one committed batch, oldest message first, each reading once within the batch. A reading
     * that arrives again after it was committed (an MQTT redelivery after a reconnect) is stored once but may be
     * passed to listeners again; {@link PipelineStats#duplicates()} counts such repeats.
     */
    void onCommitted(List<Reading> batch);

    /** Messages (or objects of batched messages) that were quarantined in the same commit. */
    default void onQuarantined(String source, List<Rejection> rejections) {
    }
}
