package ai.vidyut.console.store.csv;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How to read a CSV file. {@code siteId}/{@code assetId} are required for the wide format (they may be null
 * for the long format); {@code zone} is used for timestamps without zone or offset.
 *
 * @param skipBadRows false: nothing is imported if any line is bad; true: the good lines are imported
 */
public record ImportOptions(CsvFormat format, String siteId, String assetId, ZoneId zone, boolean skipBadRows,
                            int batchSize) {

    public static final int DEFAULT_BATCH_SIZE = 5_000;

    public ImportOptions {
        format = format == null ? CsvFormat.AUTO : format;
        zone = zone == null ? ZoneOffset.UTC : zone;
        if (batchSize <= 0) {
            batchSize = DEFAULT_BATCH_SIZE;
        }
    }

    /** Auto-detected format, UTC for zone-less timestamps, all-or-nothing. */
    public static ImportOptions defaults() {
        return new ImportOptions(CsvFormat.AUTO, null, null, ZoneOffset.UTC, false, DEFAULT_BATCH_SIZE);
    }

    public ImportOptions withFormat(CsvFormat f) {
        return new ImportOptions(f, siteId, assetId, zone, skipBadRows, batchSize);
    }

    public ImportOptions withSiteAndAsset(String site, String asset) {
        return new ImportOptions(format, site, asset, zone, skipBadRows, batchSize);
    }

    public ImportOptions withZone(ZoneId z) {
        return new ImportOptions(format, siteId, assetId, z, skipBadRows, batchSize);
    }

    public ImportOptions withSkipBadRows(boolean skip) {
        return new ImportOptions(format, siteId, assetId, zone, skip, batchSize);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(format, siteId, assetId, zone, skipBadRows, size);
    }
}
