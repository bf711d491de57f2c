package ai.vidyut.console.forecast;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads history CSV files ({@code timestamp,target[,regressor...]}) onto a regular grid and writes forecasts.
 * Duplicated wall-clock times (the repeated hour when DST ends) are averaged; missing times (the skipped hour when
 * DST starts, or gaps) are filled by linear interpolation and marked unobserved. A malformed line is an error that
 * names its line number.
 */
public final class SeriesCsv {

    private SeriesCsv() {
    }

    /** The series read from a file plus what was repaired on the way. */
    public record Loaded(RegularSeries series, TimestampFormat format, ZoneOffset lastOffset, int rows,
                         int duplicatesMerged, int missingFilled, int misaligned) {
    }

    private record Row(long line, LocalDateTime time, double[] values) {
    }

    private record Table(List<String> header, List<Row> rows, TimestampFormat format, ZoneOffset lastOffset) {
    }

    public static Loaded read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return read(r, file.getFileName().toString());
        }
    }

    public static Loaded read(Reader reader, String source) throws IOException {
        Table t = table(reader, source, 2);
        if (t.rows.size() < 2) {
            throw new IllegalArgumentException(source + ": needs at least two data rows, found " + t.rows.size());
        }
        List<Row> rows = new ArrayList<>(t.rows);
        rows.sort((a, b) -> a.time.compareTo(b.time));
        Duration step = detectStep(rows);
        LocalDateTime start = rows.get(0).time;
        long stepSec = step.getSeconds();
        int n = (int) (Duration.between(start, rows.get(rows.size() - 1).time).getSeconds() / stepSec) + 1;
        int cols = t.header.size() - 1;
        double[][] sum = new double[cols][n];
        int[][] count = new int[cols][n];
        int[] rowsAt = new int[n];
        int misaligned = 0;
        for (Row row : rows) {
            long sec = Duration.between(start, row.time).getSeconds();
            if (sec % stepSec != 0) {
                misaligned++;
            }
            int i = (int) Math.round((double) sec / stepSec);
            rowsAt[i]++;
            for (int c = 0; c < cols; c++) {
                if (!Double.isNaN(row.values[c])) {
                    sum[c][i] += row.values[c];
                    count[c][i]++;
                }
            }
        }
        int duplicates = 0;
        for (int k : rowsAt) {
            duplicates += Math.max(0, k - 1);
        }
        boolean[] observed = new boolean[n];
        double[] target = fill(sum[0], count[0], observed, t.header.get(1), source);
        int missing = 0;
        for (boolean o : observed) {
            missing += o ? 0 : 1;
        }
        Map<String, double[]> regs = new LinkedHashMap<>();
        for (int c = 1; c < cols; c++) {
            regs.put(t.header.get(c + 1), fill(sum[c], count[c], new boolean[n], t.header.get(c + 1), source));
        }
        RegularSeries series = new RegularSeries(t.header.get(1), start, step, target, observed, regs);
        return new Loaded(series, t.format, t.lastOffset, t.rows.size(), duplicates, missing, misaligned);
    }

    /**
     * Extends the regressors of {@code series} with the values of a future-regressors file (timestamp plus the same
     * regressor columns, by name) for the {@code horizon} steps after the last observation.
     */
    public static RegularSeries withFutureRegressors(RegularSeries series, Path file, int horizon) throws IOException {
        Table t;
        try (Reader r = Files.newBufferedReader(file)) {
            t = table(r, file.getFileName().toString(), 1);
        }
        String source = file.getFileName().toString();
        Map<String, Integer> colOf = new HashMap<>();
        for (int c = 1; c < t.header.size(); c++) {
            colOf.put(t.header.get(c), c - 1);
        }
        int n = series.size();
        long stepSec = series.step().getSeconds();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : series.regressors().entrySet()) {
            Integer col = colOf.get(e.getKey());
            if (col == null) {
                throw new IllegalArgumentException(source + ": has no column '" + e.getKey()
                        + "' (the input's regressor columns must all be given for the future)");
            }
            double[] ext = Arrays.copyOf(e.getValue(), Math.max(e.getValue().length, n + horizon));
            Arrays.fill(ext, e.getValue().length, ext.length, Double.NaN);
            double[] sum = new double[horizon];
            int[] cnt = new int[horizon];
            for (Row row : t.rows) {
                long sec = Duration.between(series.start(), row.time).getSeconds();
                long idx = Math.round((double) sec / stepSec);
                if (idx >= n && idx < n + horizon && !Double.isNaN(row.values[col])) {
                    sum[(int) idx - n] += row.values[col];
                    cnt[(int) idx - n]++;
                }
            }
            for (int h = 0; h < horizon; h++) {
                if (cnt[h] == 0) {
                    throw new IllegalArgumentException(source + ": no value of '" + e.getKey() + "' for "
                            + series.time(n + h) + " (needed for every forecast step)");
                }
                ext[n + h] = sum[h] / cnt[h];
            }
            out.put(e.getKey(), ext);
        }
        return series.withRegressors(out);
    }

    private static Table table(Reader reader, String source, int minColumns) throws IOException {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        TimestampFormat format = null;
        ZoneOffset lastOffset = null;
        LocalDateTime latest = null;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true)
                .allowExtraFields(true).detectBomHeader(true).ofCsvRecord(reader)) {
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (header == null) {
                    header = new ArrayList<>();
                    for (String f : rec.getFields()) {
                        header.add(f.strip());
                    }
                    if (header.size() < minColumns || !header.get(0).toLowerCase(Locale.ROOT).startsWith("timestamp")) {
                        throw new IllegalArgumentException(source + ": line " + line
                                + ": the header must start with 'timestamp'" + (minColumns > 1 ? " followed by the target column" : ""));
                    }
                    continue;
                }
                if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                    continue;
                }
                if (rec.getFieldCount() != header.size()) {
                    throw new IllegalArgumentException(source + ": line " + line + ": expected " + header.size()
                            + " fields, found " + rec.getFieldCount());
                }
                TimestampFormat.Parsed ts;
                try {
                    ts = TimestampFormat.parse(rec.getField(0));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": line " + line + ": " + e.getMessage());
                }
                if (format == null) {
                    format = ts.format();
                }
                if (latest == null || !ts.local().isBefore(latest)) {
                    latest = ts.local();
                    lastOffset = ts.offset();
                }
                double[] vals = new double[header.size() - 1];
                for (int c = 1; c < header.size(); c++) {
                    String f = rec.getField(c).strip();
                    if (f.isEmpty() || f.equalsIgnoreCase("nan") || f.equalsIgnoreCase("null") || f.equalsIgnoreCase("na")) {
                        vals[c - 1] = Double.NaN;
                        continue;
                    }
                    try {
                        vals[c - 1] = Double.parseDouble(f);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(source + ": line " + line + ": column '" + header.get(c)
                                + "' is not a number: '" + f + "'");
                    }
                    if (!Double.isFinite(vals[c - 1])) {
                        throw new IllegalArgumentException(source + ": line " + line + ": column '" + header.get(c)
                                + "' is not finite: '" + f + "'");
                    }
                }
                rows.add(new Row(line, ts.local(), vals));
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file");
        }
        return new Table(header, rows, format, lastOffset);
    }

    /** The most frequent positive gap between consecutive distinct times. */
    static Duration detectStep(List<Row> sorted) {
        Map<Long, Integer> freq = new TreeMap<>();
        for (int i = 1; i < sorted.size(); i++) {
            long d = Duration.between(sorted.get(i - 1).time, sorted.get(i).time).getSeconds();
            if (d > 0) {
                freq.merge(d, 1, Integer::sum);
            }
        }
        long best = -1;
        int bestCount = 0;
        for (var e : freq.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best <= 0) {
            throw new IllegalArgumentException("all timestamps are equal; cannot find the series' step");
        }
        return Duration.ofSeconds(best);
    }

    private static double[] fill(double[] sum, int[] count, boolean[] observed, String column, String source) {
        int n = sum.length;
        double[] v = new double[n];
        int prev = -1;
        for (int i = 0; i < n; i++) {
            if (count[i] > 0) {
                v[i] = sum[i] / count[i];
                observed[i] = true;
                if (prev >= 0 && i - prev > 1) {
                    for (int j = prev + 1; j < i; j++) {
                        v[j] = v[prev] + (v[i] - v[prev]) * (j - prev) / (double) (i - prev);
                    }
                } else if (prev < 0) {
                    Arrays.fill(v, 0, i, v[i]);
                }
                prev = i;
            }
        }
        if (prev < 0) {
            throw new IllegalArgumentException(source + ": column '" + column + "' has no values");
        }
        Arrays.fill(v, prev + 1, n, v[prev]);
        return v;
    }

    /** Writes {@code timestamp,predicted,lower95,upper95}, timestamps in the input's form. */
    public static void writeForecast(Writer out, Forecast f, TimestampFormat format, ZoneOffset offset) throws IOException {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            w.writeRecord("timestamp", "predicted", "lower95", "upper95");
            for (int i = 0; i < f.size(); i++) {
                w.writeRecord(format.format(f.time(i), offset), num(f.predicted()[i]), num(f.lower95()[i]),
                        num(f.upper95()[i]));
            }
        }
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
