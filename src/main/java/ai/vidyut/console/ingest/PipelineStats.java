package ai.vidyut.console.ingest;

import java.util.Map;

/**
 * A snapshot of what the pipeline has done since it started.
 *
 * @param sources        per source name
 * @param readingsStored readings that were new in the store (duplicates of stored readings are not counted)
 * @param duplicates     readings dropped because the same series and timestamp was already stored
 * @param queued         messages waiting for the writer thread
 * @param commits        batches committed so far
 */
public record PipelineStats(Map<String, SourceStats> sources, long messages, long readingsCommitted,
                            long readingsStored, long duplicates, long quarantined, double messagesPerSecond,
                            double readingsPerSecond, int queued, long commits) {

    /**
     * Counts of one source.
     *
     * @param messages          messages received
     * @param readingsCommitted valid readings committed (including duplicates the store kept once)
     * @param quarantined       messages or batch elements quarantined
     * @param quarantinedByReason the same, by reason
     */
    public record SourceStats(String source, long messages, long readingsCommitted, long quarantined,
                              Map<String, Long> quarantinedByReason, double messagesPerSecond,
                              double readingsPerSecond) {
    }

    public SourceStats source(String name) {
        return sources.get(name);
    }
}
