package ai.vidyut.console.store.csv;

import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.SeriesKey;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes stored readings of one site as long-format CSV ({@code timestamp,site,asset,metric,value}), series by
 * series, each oldest first, streaming from the database. Timestamps are ISO-8601 UTC with milliseconds; values
 * are written so that they read back exactly, so an export imports back to the same readings.
 */
public final class CsvExporter {

    /** What was written. */
    public record ExportResult(String file, int series, long readings) {
    }

    private final ReadingStore store;

    public CsvExporter(ReadingStore store) {
        this.store = store;
    }

    /**
     * Exports readings with {@code fromMillis <= ts < toMillis} of the site's series, optionally only one asset
     * and/or one metric (null for all).
     */
    public ExportResult export(Path file, String siteId, String assetId, String metric, long fromMillis,
                               long toMillis) {
        List<SeriesKey> series = store.series(siteId).stream()
                .filter(k -> assetId == null || k.assetId().equals(assetId))
                .filter(k -> metric == null || k.metric().equals(metric))
                .toList();
        long[] count = {0};
        try (CsvWriter csv = CsvWriter.builder().build(file)) {
            csv.writeRecord("timestamp", "site", "asset", "metric", "value");
            for (SeriesKey key : series) {
                store.forEachPoint(key, fromMillis, toMillis, p -> {
                    csv.writeRecord(Timestamps.format(p.timestampMillis()), key.siteId(), key.assetId(), key.metric(),
                            Double.toString(p.value()));
                    count[0]++;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new ExportResult(file.toString(), series.size(), count[0]);
    }
}
