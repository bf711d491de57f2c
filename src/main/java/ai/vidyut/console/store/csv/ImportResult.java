package ai.vidyut.console.store.csv;

import java.util.List;

/**
 * What an import did. {@code status}: IMPORTED (all good lines stored), REJECTED (bad lines and not
 * skip-bad-rows: nothing stored) or CANCELLED (batches committed before the cancel stay; importing the file
 * again completes it, since nothing is stored twice). {@code badRows} lists at most
 * {@link CsvImporter#MAX_LISTED_BAD_ROWS} lines; {@code badRowCount} counts all.
 */
public record ImportResult(String file, CsvFormat format, Status status, long rowsRead, long readingsRead,
                           long readingsImported, long duplicates, long badRowCount, List<BadRow> badRows) {

    public enum Status { IMPORTED, REJECTED, CANCELLED }

    /** A line that could not be imported. {@code line} is 1-based and counts the header. */
    public record BadRow(long line, String reason) {
    }
}
