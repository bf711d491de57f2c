package ai.vidyut.console.store.csv;

import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.Reading;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Imports readings from a CSV file in long ({@code timestamp,site,asset,metric,value}) or wide
 * ({@code timestamp} plus one column per metric) format into the {@link ReadingStore}.
 *
 * <p>The file is streamed, never loaded whole, and stored in batches through {@link ReadingStore#append}, so a
 * reading already stored is not stored again and importing a file twice stores nothing the second time. Every
 * bad line is reported with its line number and reason. All-or-nothing (the default) reads the file twice: a
 * validating pass, and the importing pass only if no line was bad. With skip-bad-rows, one pass imports the good
 * lines. Safe to call off the UI thread; progress is reported to a callback and a cancel flag is checked as
 * the file is read.
 */
public final class CsvImporter {

    public static final int MAX_LISTED_BAD_ROWS = 1_000;
    private static final int MAX_ID_LENGTH = 64;
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private static final Set<String> TIMESTAMP_NAMES = Set.of("timestamp", "ts", "time", "datetime", "date_time");
    private static final Set<String> SITE_NAMES = Set.of("site", "site_id");
    private static final Set<String> ASSET_NAMES = Set.of("asset", "asset_id");
    private static final Set<String> METRIC_NAMES = Set.of("metric");
    private static final Set<String> VALUE_NAMES = Set.of("value", "reading_value");

    private final ReadingStore store;
    private volatile Consumer<List<Reading>> onBatchStored = b -> { };

    public CsvImporter(ReadingStore store) {
        this.store = store;
    }

    /**
     * Called on the importing thread after each batch is stored, with the batch (new and already stored readings):
     * an import bypasses the live pipeline, so this is how batch detection learns what to scan.
     */
    public CsvImporter onBatchStored(Consumer<List<Reading>> listener) {
        this.onBatchStored = listener;
        return this;
    }

    public ImportResult importFile(Path file, ImportOptions options) {
        return importFile(file, options, p -> { }, () -> false);
    }

    /**
     * Imports the file.
     *
     * @param progress  called every ~100 ms and at the end, on the calling thread
     * @param cancelled polled while reading; when it returns true the import stops (status CANCELLED)
     * @throws CsvImportException if the file as a whole cannot be read (missing, no header, unusable columns)
     */
    public ImportResult importFile(Path file, ImportOptions options, Consumer<ImportProgress> progress,
                                   BooleanSupplier cancelled) {
        int passes = options.skipBadRows() ? 1 : 2;
        Run run = new Run(file, options, progress, cancelled, passes);
        if (!options.skipBadRows()) {
            run.scan(ImportProgress.Phase.VALIDATING, false);
            if (run.cancelledNow) {
                return run.result(ImportResult.Status.CANCELLED);
            }
            if (run.badRowCount > 0) {
                run.report(ImportProgress.Phase.DONE);
                return run.result(ImportResult.Status.REJECTED);
            }
            run.resetCounts();
        }
        run.scan(ImportProgress.Phase.IMPORTING, true);
        run.report(ImportProgress.Phase.DONE);
        return run.result(run.cancelledNow ? ImportResult.Status.CANCELLED : ImportResult.Status.IMPORTED);
    }

    /** The columns found in the header. */
    private record Layout(CsvFormat format, int fieldCount, int ts, int site, int asset, int metric, int value,
                          String[] metricColumns, String fixedSite, String fixedAsset) {
    }

    private final class Run {
        final Path file;
        final ImportOptions options;
        final Consumer<ImportProgress> progress;
        final BooleanSupplier cancelled;
        final int passes;
        final long totalBytes;

        CsvFormat format = CsvFormat.AUTO;
        long rowsRead;
        long readingsRead;
        long readingsImported;
        long badRowCount;
        final List<ImportResult.BadRow> badRows = new ArrayList<>();
        boolean cancelledNow;
        long bytesRead;
        long lastReport;

        Run(Path file, ImportOptions options, Consumer<ImportProgress> progress, BooleanSupplier cancelled,
            int passes) {
            this.file = file;
            this.options = options;
            this.progress = progress;
            this.cancelled = cancelled;
            this.passes = passes;
            try {
                this.totalBytes = Files.size(file);
            } catch (NoSuchFileException e) {
                throw new CsvImportException("no such file: " + file);
            } catch (IOException e) {
                throw new CsvImportException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        void resetCounts() {
            rowsRead = 0;
            readingsRead = 0;
            bytesRead = 0;
        }

        void scan(ImportProgress.Phase phase, boolean storeReadings) {
            try (CountingStream in = new CountingStream(Files.newInputStream(file));
                 CsvReader<CsvRecord> csv = CsvReader.builder()
                         .detectBomHeader(true)
                         .allowExtraFields(true)
                         .allowMissingFields(true)
                         .ofCsvRecord(in, StandardCharsets.UTF_8)) {
                var it = csv.iterator();
                if (!it.hasNext()) {
                    throw new CsvImportException(file + " is empty: expected a header line");
                }
                Layout layout = layout(it.next());
                format = layout.format();
                List<Reading> batch = new ArrayList<>(options.batchSize() + 64);
                List<Reading> row = new ArrayList<>();
                lastReport = System.nanoTime();
                while (it.hasNext()) {
                    CsvRecord rec = it.next();
                    rowsRead++;
                    row.clear();
                    String problem = parse(layout, rec, row);
                    if (problem != null) {
                        badRowCount++;
                        if (badRows.size() < MAX_LISTED_BAD_ROWS) {
                            badRows.add(new ImportResult.BadRow(rec.getStartingLineNumber(), problem));
                        }
                    } else {
                        readingsRead += row.size();
                        if (storeReadings) {
                            batch.addAll(row);
                            if (batch.size() >= options.batchSize()) {
                                readingsImported += store.append(batch);
                                onBatchStored.accept(List.copyOf(batch));
                                batch.clear();
                            }
                        }
                    }
                    if ((rowsRead & 255) == 0) {
                        if (cancelled.getAsBoolean()) {
                            cancelledNow = true;
                            break;
                        }
                        bytesRead = in.count;
                        if (System.nanoTime() - lastReport > PROGRESS_INTERVAL_NANOS) {
                            report(phase);
                        }
                    }
                }
                if (storeReadings && !batch.isEmpty() && !cancelledNow) {
                    readingsImported += store.append(batch);
                    onBatchStored.accept(List.copyOf(batch));
                }
                bytesRead = in.count;
                report(phase);
            } catch (CsvParseException e) {
                throw new CsvImportException("cannot read " + file + " as CSV: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new CsvImportException("cannot read " + file + ": " + e.getCause().getMessage(), e);
            } catch (IOException e) {
                throw new CsvImportException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        void report(ImportProgress.Phase phase) {
            lastReport = System.nanoTime();
            progress.accept(new ImportProgress(phase, passes, bytesRead, totalBytes, rowsRead, readingsImported,
                    badRowCount));
        }

        ImportResult result(ImportResult.Status status) {
            long duplicates = status == ImportResult.Status.REJECTED ? 0 : readingsRead - readingsImported;
            return new ImportResult(file.toString(), format, status, rowsRead, readingsRead, readingsImported,
                    Math.max(0, duplicates), badRowCount, List.copyOf(badRows));
        }

        private Layout layout(CsvRecord header) {
            List<String> names = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.getFieldCount(); i++) {
                String name = header.getField(i).trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new CsvImportException("header column " + (i + 1) + " has no name");
                }
                if (index.putIfAbsent(name, i) != null) {
                    throw new CsvImportException("header names column '" + name + "' twice");
                }
                names.add(name);
            }
            int ts = find(index, TIMESTAMP_NAMES);
            if (ts < 0) {
                throw new CsvImportException("the header has no timestamp column (found: " + String.join(",", names)
                        + "); expected timestamp,site,asset,metric,value or timestamp,<metric>,...");
            }
            int site = find(index, SITE_NAMES);
            int asset = find(index, ASSET_NAMES);
            int metric = find(index, METRIC_NAMES);
            int value = find(index, VALUE_NAMES);
            CsvFormat f = options.format() != CsvFormat.AUTO ? options.format()
                    : metric >= 0 && value >= 0 ? CsvFormat.LONG : CsvFormat.WIDE;
            if (site < 0 && blank(options.siteId())) {
                throw new CsvImportException(f == CsvFormat.WIDE
                        ? "wide format needs the site and asset: give --site and --asset"
                        : "no site column: add one or give --site");
            }
            if (asset < 0 && blank(options.assetId())) {
                throw new CsvImportException(f == CsvFormat.WIDE
                        ? "wide format needs the site and asset: give --site and --asset"
                        : "no asset column: add one or give --asset");
            }
            String fixedSite = site < 0 ? options.siteId().trim() : null;
            String fixedAsset = asset < 0 ? options.assetId().trim() : null;
            if (f == CsvFormat.LONG) {
                if (metric < 0 || value < 0) {
                    throw new CsvImportException("long format needs the columns timestamp,site,asset,metric,value "
                            + "(found: " + String.join(",", names) + ")");
                }
                return new Layout(f, names.size(), ts, site, asset, metric, value, null, fixedSite, fixedAsset);
            }
            String[] metricColumns = new String[names.size()];
            int metrics = 0;
            for (int i = 0; i < names.size(); i++) {
                if (i != ts && i != site && i != asset) {
                    String m = header.getField(i).trim();
                    if (m.length() > MAX_ID_LENGTH) {
                        throw new CsvImportException("metric column '" + m + "' is longer than " + MAX_ID_LENGTH
                                + " characters");
                    }
                    metricColumns[i] = m;
                    metrics++;
                }
            }
            if (metrics == 0) {
                throw new CsvImportException("wide format needs at least one metric column besides the timestamp");
            }
            return new Layout(f, names.size(), ts, site, asset, -1, -1, metricColumns, fixedSite, fixedAsset);
        }

        /** Adds the readings of one line to {@code out}; returns why the line is bad, or null. */
        private String parse(Layout l, CsvRecord rec, List<Reading> out) {
            if (rec.getFieldCount() != l.fieldCount()) {
                return "expected " + l.fieldCount() + " fields, found " + rec.getFieldCount();
            }
            long ts;
            try {
                ts = Timestamps.parse(rec.getField(l.ts()), options.zone());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            String site = l.fixedSite() != null ? l.fixedSite() : rec.getField(l.site()).trim();
            String problem = checkId("site", site);
            if (problem != null) {
                return problem;
            }
            String asset = l.fixedAsset() != null ? l.fixedAsset() : rec.getField(l.asset()).trim();
            problem = checkId("asset", asset);
            if (problem != null) {
                return problem;
            }
            if (l.format() == CsvFormat.LONG) {
                String metric = rec.getField(l.metric()).trim();
                problem = checkId("metric", metric);
                if (problem != null) {
                    return problem;
                }
                String raw = rec.getField(l.value()).trim();
                if (raw.isEmpty()) {
                    return "missing value";
                }
                double v;
                try {
                    v = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return "value '" + raw + "' is not a number";
                }
                if (!Double.isFinite(v)) {
                    return "value '" + raw + "' is not a finite number";
                }
                out.add(new Reading(ts, site, asset, metric, v));
                return null;
            }
            String[] metrics = l.metricColumns();
            for (int i = 0; i < metrics.length; i++) {
                if (metrics[i] == null) {
                    continue;
                }
                String raw = rec.getField(i).trim();
                if (raw.isEmpty()) {
                    continue; // no value of this metric at this instant
                }
                double v;
                try {
                    v = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return "column " + metrics[i] + ": value '" + raw + "' is not a number";
                }
                if (!Double.isFinite(v)) {
                    return "column " + metrics[i] + ": value '" + raw + "' is not a finite number";
                }
                out.add(new Reading(ts, site, asset, metrics[i], v));
            }
            return null;
        }
    }

    private static String checkId(String what, String id) {
        if (id.isEmpty()) {
            return "missing " + what;
        }
        if (id.length() > MAX_ID_LENGTH) {
            return what + " '" + id.substring(0, 20) + "...' is longer than " + MAX_ID_LENGTH + " characters";
        }
        return null;
    }

    private static int find(Map<String, Integer> index, Set<String> names) {
        for (String n : names) {
            Integer i = index.get(n);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
