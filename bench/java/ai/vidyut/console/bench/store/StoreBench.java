package ai.vidyut.console.bench.store;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Storage at scale. {@code load DIR [days] [series]}: appends {@code series} series at 1 Hz over {@code days}
 * days (default 31 days x 4 series = 10.7M readings) through {@link ReadingStore#append} in batches of 5,000,
 * time-ordered and interleaved like live ingestion, and reports the load rate and the database size.
 * {@code query DIR}: in this (fresh) JVM opens the database and charts 30 days of one metric: the first chart
 * (cold), then warm repeats, then warm repeats while another thread keeps appending, and for comparison one
 * aggregation of the raw readings without rollups.
 */
public final class StoreBench {

    static final long DAY = 86_400_000L;
    static final long START = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final int BATCH = 5_000;
    static final String[][] SERIES = {
            {"site-a", "inv-1", "power_kw"},
            {"site-a", "inv-1", "temperature_c"},
            {"site-b", "meter-1", "power_kw"},
            {"site-b", "bess-1", "soc_pct"},
            {"site-c", "pv-1", "power_kw"},
            {"site-c", "pv-1", "irradiance_w_m2"},
            {"site-c", "tx-1", "temperature_c"},
            {"site-c", "pump-1", "vibration_mm_s"}};

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StoreBench load DIR [days] [series] | query DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "load" -> load(dir, args.length > 2 ? Integer.parseInt(args[2]) : 31,
                    args.length > 3 ? Integer.parseInt(args[3]) : 4);
            case "query" -> query(dir);
            case "import" -> importCsv(dir, args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static double value(int series, long ts, Random rnd) {
        double dayPhase = (ts % DAY) / (double) DAY * 2 * Math.PI;
        return Math.round((500 + 400 * Math.sin(dayPhase) + series * 10 + rnd.nextGaussian() * 15) * 100) / 100.0;
    }

    static void load(Path dir, int days, int seriesCount) throws IOException {
        long total = (long) days * DAY / 1_000 * seriesCount;
        System.out.printf("loading %,d readings: %d series at 1 Hz over %d days into %s%n", total, seriesCount, days, dir);
        Random rnd = new Random(7);
        long t0 = System.nanoTime();
        long added = 0;
        long lastReport = t0;
        long addedAtLastReport = 0;
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            List<Reading> batch = new ArrayList<>(BATCH);
            for (long ts = START; ts < START + days * DAY; ts += 1_000) {
                for (int s = 0; s < seriesCount; s++) {
                    String[] k = SERIES[s];
                    batch.add(new Reading(ts, k[0], k[1], k[2], value(s, ts, rnd)));
                }
                if (batch.size() >= BATCH) {
                    added += store.append(batch);
                    batch.clear();
                    long now = System.nanoTime();
                    if (now - lastReport > 30_000_000_000L) {
                        System.out.printf("  %,d readings, %,.0f readings/s over the last %.0f s%n", added,
                                (added - addedAtLastReport) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
                        lastReport = now;
                        addedAtLastReport = added;
                    }
                }
            }
            added += store.append(batch);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("loaded %,d new readings in %.1f s: %,.0f readings/s (append incl. rollups, batches of %,d)%n",
                    added, secs, added / secs, BATCH);
            double cpu = processCpuSeconds();
            System.out.printf("process CPU time %.0f s (all threads, incl. H2's writer): %,.0f readings per CPU-second;"
                    + " load average now %.1f on %d cores%n", cpu, added / cpu,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.printf("database on disk after close: %s%n", size(dir));
    }

    static void query(Path dir) throws Exception {
        long open0 = System.nanoTime();
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            System.out.printf("database %s, opened (incl. Flyway validation) in %.0f ms%n", size(dir),
                    (System.nanoTime() - open0) / 1e6);
            SeriesKey key = new SeriesKey("site-a", "inv-1", "power_kw");
            long end = latest(db, key);
            long to = end + 1;
            long from = to - 30 * DAY;
            int maxPoints = 1_000;

            long c0 = System.nanoTime();
            ReadingStore.Chart cold = store.chart(key, from, to, maxPoints);
            double coldMs = (System.nanoTime() - c0) / 1e6;
            long rawInRange = cold.buckets().stream().mapToLong(ReadingStore.Bucket::count).sum();
            System.out.printf("30-day chart of %s (%,d readings in range), maxPoints %d -> %d buckets of %d min from %s "
                            + "rollups (%,d rows read)%n", key, rawInRange, maxPoints, cold.buckets().size(),
                    cold.bucketMillis() / 60_000, cold.resolution(), cold.rowsScanned());
            System.out.printf("  cold (first query in a fresh JVM): %.1f ms%n", coldMs);
            System.out.printf("  warm: %s%n", stats(repeat(store, key, from, to, maxPoints, 30)));

            ReadingStore.Chart fine = store.chart(key, from, to, 2_000);
            double[] fineMs = repeatMs(() -> store.chart(key, from, to, 2_000), 10);
            System.out.printf("  maxPoints 2000 -> %d buckets of %d min from %s rollups (%,d rows): %s%n",
                    fine.buckets().size(), fine.bucketMillis() / 60_000, fine.resolution(), fine.rowsScanned(),
                    stats(fineMs));
            long unalignedFrom = from + 12_345;
            double[] dsMs = repeatMs(() -> store.downsample(key, unalignedFrom, to, 3_600_000), 10);
            System.out.printf("  downsample(key, from not minute-aligned, to, 1 h): %s%n", stats(dsMs));

            // the same 30 days aggregated from the raw readings, as it was before rollups
            double[] rawMs = repeatMs(() -> rawAggregate(db, key, from, to, cold.bucketMillis()), 2);
            System.out.printf("  for comparison, GROUP BY over the raw readings (no rollups): %s%n", stats(rawMs));

            // reads while a writer keeps appending new readings (live ingestion continues past the history)
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> {
                Random rnd = new Random(3);
                long ts = end + 1_000;
                while (!stop.get()) {
                    List<Reading> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH / 4; i++, ts += 1_000) {
                        for (int s = 0; s < 4; s++) {
                            String[] k = SERIES[s];
                            batch.add(new Reading(ts, k[0], k[1], k[2], value(s, ts, rnd)));
                        }
                    }
                    written.addAndGet(store.append(batch));
                }
            }, "bench-writer");
            writer.start();
            Thread.sleep(500);
            long w0 = written.get();
            long wt0 = System.nanoTime();
            List<Double> samples = new ArrayList<>();
            while (System.nanoTime() - wt0 < 10_000_000_000L) {
                long q = System.nanoTime();
                store.chart(key, from, to, maxPoints);
                samples.add((System.nanoTime() - q) / 1e6);
                Thread.sleep(200);
            }
            double[] underLoad = samples.stream().mapToDouble(Double::doubleValue).toArray();
            double wsecs = (System.nanoTime() - wt0) / 1e9;
            long w1 = written.get();
            stop.set(true);
            writer.join();
            System.out.printf("  warm, while another thread appends (%,.0f readings/s): %s%n", (w1 - w0) / wsecs,
                    stats(underLoad));
        }
    }

    /** Writes a long-format CSV of {@code rows} lines and imports it twice into a fresh database. */
    static void importCsv(Path dir, int rows) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve("import-bench.csv");
        Random rnd = new Random(11);
        try (var w = Files.newBufferedWriter(csv)) {
            w.write("timestamp,site,asset,metric,value\n");
            for (int i = 0; i < rows; i++) {
                int s = i % 4;
                long ts = START + (i / 4) * 1_000L;
                String[] k = SERIES[s];
                w.write(ai.vidyut.console.store.csv.Timestamps.format(ts) + "," + k[0] + "," + k[1] + "," + k[2] + ","
                        + value(s, ts, rnd) + "\n");
            }
        }
        double mb = Files.size(csv) / 1024.0 / 1024.0;
        Path dbDir = dir.resolve("import-db");
        try (Stream<Path> old = Files.exists(dbDir) ? Files.walk(dbDir) : Stream.empty()) {
            old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.printf("CSV import of %,d rows (%.1f MiB, long format, ISO timestamps)%n", rows, mb);
        try (Database db = Database.open(dbDir)) {
            var importer = new ai.vidyut.console.store.csv.CsvImporter(new ReadingStore(db, new SiteStore(db)));
            for (String run : new String[] {"first import (all-or-nothing: validate pass + import pass)",
                    "same file again (every reading a duplicate)"}) {
                double cpu0 = processCpuSeconds();
                long t0 = System.nanoTime();
                var r = importer.importFile(csv, ai.vidyut.console.store.csv.ImportOptions.defaults());
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("  %s: %.1f s, %,.0f rows/s, %.1f MiB/s; imported %,d, duplicates %,d; "
                                + "process CPU %.0f s%n", run, secs, rows / secs, mb / secs, r.readingsImported(),
                        r.duplicates(), processCpuSeconds() - cpu0);
            }
        }
    }

    static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    static long latest(Database db, SeriesKey key) throws Exception {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(r.ts) FROM readings r JOIN series s "
                     + "ON s.id = r.series_id WHERE s.site_id = ? AND s.asset_id = ? AND s.metric = ?")) {
            ps.setString(1, key.siteId());
            ps.setString(2, key.assetId());
            ps.setString(3, key.metric());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int rawAggregate(Database db, SeriesKey key, long from, long to, long width) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT (r.ts - ?) / ? AS b, MIN(r.reading_value), "
                     + "MAX(r.reading_value), AVG(r.reading_value), COUNT(*) FROM readings r "
                     + "WHERE r.series_id = (SELECT id FROM series WHERE site_id = ? AND asset_id = ? AND metric = ?) "
                     + "AND r.ts >= ? AND r.ts < ? GROUP BY b")) {
            ps.setLong(1, from);
            ps.setLong(2, width);
            ps.setString(3, key.siteId());
            ps.setString(4, key.assetId());
            ps.setString(5, key.metric());
            ps.setLong(6, from);
            ps.setLong(7, to);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double[] repeat(ReadingStore store, SeriesKey key, long from, long to, int maxPoints, int n) {
        return repeatMs(() -> store.chart(key, from, to, maxPoints), n);
    }

    static double[] repeatMs(Runnable r, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    static double[] repeatMs(java.util.function.Supplier<?> s, int n) {
        return repeatMs((Runnable) s::get, n);
    }

    static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)", sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)],
                sorted[sorted.length - 1], sorted.length);
    }

    static String size(Path dir) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".db"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
        return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
