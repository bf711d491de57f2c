package ai.vidyut.console.ui.importer;

import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.Reading;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Stand-in for the store area's {@code CsvImporter} until it is merged: validates every line first (so
 * that by default nothing is stored when a line is bad), then stores in batches. Replace by an adapter to
 * the real importer in {@link ai.vidyut.console.ui.Backends}.
 */
public final class InterimCsvImportService implements ImportService {

    private static final int BATCH = 5_000;

    private final ReadingStore store;

    public InterimCsvImportService(ReadingStore store) {
        this.store = store;
    }

    @Override
    public Result run(Path file, Options options, DoubleConsumer progress) throws IOException {
        long size = Math.max(1, Files.size(file));
        List<Reading> readings = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        try (CountingStream in = new CountingStream(Files.newInputStream(file));
             CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                     .skipEmptyLines(true).ofCsvRecord(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            long n = 0;
            for (CsvRecord rec : csv) {
                if (header == null) {
                    header = rec.getFields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
                    String problem = checkHeader(header, options);
                    if (problem != null) {
                        bad.add(new BadLine(rec.getStartingLineNumber(), problem));
                        return new Result(0, 0, bad, false);
                    }
                    continue;
                }
                parse(rec, header, options, readings, bad);
                if (++n % 2000 == 0) {
                    progress.accept(0.5 * Math.min(1.0, in.count / (double) size));
                }
            }
        }
        progress.accept(0.5);
        if (!bad.isEmpty() && !options.skipBadRows()) {
            progress.accept(1.0);
            return new Result(readings.size(), 0, bad, false);
        }
        long stored = 0;
        for (int i = 0; i < readings.size(); i += BATCH) {
            stored += store.append(readings.subList(i, Math.min(readings.size(), i + BATCH)));
            progress.accept(0.5 + 0.5 * Math.min(readings.size(), i + BATCH) / readings.size());
        }
        progress.accept(1.0);
        return new Result(readings.size(), stored, bad, true);
    }

    private static String checkHeader(List<String> header, Options options) {
        if (options.format() == Format.LONG) {
            List<String> expected = List.of("timestamp", "site", "asset", "metric", "value");
            return header.equals(expected) ? null : "long format needs the header timestamp,site,asset,metric,value";
        }
        if (header.isEmpty() || !header.get(0).equals("timestamp") || header.size() < 2) {
            return "wide format needs a header timestamp,<metric>,<metric>…";
        }
        if (options.siteId() == null || options.siteId().isBlank() || options.assetId() == null
                || options.assetId().isBlank()) {
            return "wide format needs a site and an asset";
        }
        return null;
    }

    private static void parse(CsvRecord rec, List<String> header, Options options, List<Reading> out, List<BadLine> bad) {
        long line = rec.getStartingLineNumber();
        if (rec.getFieldCount() != header.size()) {
            bad.add(new BadLine(line, "expected " + header.size() + " fields, found " + rec.getFieldCount()));
            return;
        }
        long ts;
        try {
            ts = timestamp(rec.getField(0));
        } catch (DateTimeParseException | NumberFormatException e) {
            bad.add(new BadLine(line, "bad timestamp '" + rec.getField(0) + "'"));
            return;
        }
        if (options.format() == Format.LONG) {
            String site = rec.getField(1).trim();
            String asset = rec.getField(2).trim();
            String metric = rec.getField(3).trim();
            if (site.isEmpty() || asset.isEmpty() || metric.isEmpty()) {
                bad.add(new BadLine(line, "site, asset and metric must not be empty"));
                return;
            }
            Double v = number(rec.getField(4));
            if (v == null) {
                bad.add(new BadLine(line, "bad value '" + rec.getField(4) + "'"));
                return;
            }
            out.add(new Reading(ts, site, asset, metric, v));
            return;
        }
        List<Reading> row = new ArrayList<>();
        for (int i = 1; i < header.size(); i++) {
            String cell = rec.getField(i).trim();
            if (cell.isEmpty()) {
                continue;
            }
            Double v = number(cell);
            if (v == null) {
                bad.add(new BadLine(line, "bad value '" + cell + "' for " + header.get(i)));
                return;
            }
            row.add(new Reading(ts, options.siteId(), options.assetId(), header.get(i), v));
        }
        out.addAll(row);
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long timestamp(String raw) {
        String s = raw.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
    }

    private static final class CountingStream extends FilterInputStream {
        volatile long count;

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
