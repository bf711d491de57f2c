package ai.vidyut.console.detect;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A time series table read from CSV: a {@code timestamp} column first, then one or more numeric columns.
 * Values are stored column by column. Rows keep their file order (the detectors see them as they arrive).
 */
public final class SeriesTable {

    private final List<String> columns;
    private long[] timestamps;
    private double[][] values;
    private int size;
    private List<String> rawTimestamps;

    public SeriesTable(List<String> columns, int capacity) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one numeric column");
        }
        this.columns = List.copyOf(columns);
        int cap = Math.max(16, capacity);
        this.timestamps = new long[cap];
        this.values = new double[columns.size()][cap];
    }

    public static SeriesTable of(long[] timestamps, List<String> columns, double[]... columnValues) {
        SeriesTable t = new SeriesTable(columns, timestamps.length);
        double[] row = new double[columns.size()];
        for (int i = 0; i < timestamps.length; i++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = columnValues[c][i];
            }
            t.add(timestamps[i], row);
        }
        return t;
    }

    public void add(long timestamp, double[] row) {
        if (size == timestamps.length) {
            int cap = size * 2;
            timestamps = Arrays.copyOf(timestamps, cap);
            for (int c = 0; c < values.length; c++) {
                values[c] = Arrays.copyOf(values[c], cap);
            }
        }
        timestamps[size] = timestamp;
        for (int c = 0; c < values.length; c++) {
            values[c][size] = row[c];
        }
        size++;
    }

    public int size() {
        return size;
    }

    public List<String> columns() {
        return columns;
    }

    public long timestamp(int row) {
        return timestamps[row];
    }

    public double value(int column, int row) {
        return values[column][row];
    }

    public double[] row(int row, double[] into) {
        for (int c = 0; c < values.length; c++) {
            into[c] = values[c][row];
        }
        return into;
    }

    public double[] column(int column) {
        return Arrays.copyOf(values[column], size);
    }

    public long[] timestamps() {
        return Arrays.copyOf(timestamps, size);
    }

    /**
     * Reads a CSV whose header starts with {@code timestamp}. A malformed line fails with its line number;
     * an empty cell is read as "missing" (NaN), which the detectors skip.
     */
    public static SeriesTable read(Path file) {
        return read(file, false);
    }

    /** The timestamps as written in the file, when read with {@code keepRawTimestamps}; else null. */
    public List<String> rawTimestamps() {
        return rawTimestamps;
    }

    public static SeriesTable read(Path file, boolean keepRawTimestamps) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            SeriesTable table = null;
            int width = 0;
            double[] row = null;
            for (CsvRecord rec : reader) {
                long line = rec.getStartingLineNumber();
                if (table == null) {
                    List<String> header = rec.getFields();
                    if (header.isEmpty() || !header.get(0).trim().replace("\uFEFF", "").equalsIgnoreCase("timestamp")) {
                        throw new IllegalArgumentException(file + ": line " + line
                                + ": the header must start with 'timestamp'");
                    }
                    if (header.size() < 2) {
                        throw new IllegalArgumentException(file + ": line " + line
                                + ": the header needs at least one numeric column after 'timestamp'");
                    }
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i < header.size(); i++) {
                        cols.add(header.get(i).trim());
                    }
                    width = header.size();
                    table = new SeriesTable(cols, 1024);
                    if (keepRawTimestamps) {
                        table.rawTimestamps = new ArrayList<>();
                    }
                    row = new double[cols.size()];
                    continue;
                }
                if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                    continue;
                }
                if (rec.getFieldCount() != width) {
                    throw new IllegalArgumentException(file + ": line " + line + ": expected " + width
                            + " fields, found " + rec.getFieldCount());
                }
                long ts;
                try {
                    ts = Timestamps.parse(rec.getField(0));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": line " + line + ": " + e.getMessage());
                }
                for (int c = 1; c < width; c++) {
                    String f = rec.getField(c);
                    if (f.isBlank()) {
                        row[c - 1] = Double.NaN;
                        continue;
                    }
                    try {
                        row[c - 1] = Double.parseDouble(f);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ": line " + line + ": column '"
                                + table.columns.get(c - 1) + "' is not a number: '" + f + "'");
                    }
                }
                table.add(ts, row);
                if (table.rawTimestamps != null) {
                    table.rawTimestamps.add(rec.getField(0));
                }
            }
            if (table == null) {
                throw new IllegalArgumentException(file + ": empty file (no header)");
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
