package ai.vidyut.console.store.csv;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportExportTest {

    private static final long T = Instant.parse("2026-03-01T10:15:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private Database db;
    private SiteStore sites;
    private ReadingStore store;
    private CsvImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        sites = new SiteStore(db);
        store = new ReadingStore(db, sites);
        importer = new CsvImporter(store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private List<Double> values(String site, String asset, String metric) {
        return store.range(new SeriesKey(site, asset, metric), Long.MIN_VALUE, Long.MAX_VALUE).stream()
                .map(ReadingStore.Point::value).toList();
    }

    @Test
    void importsLongFormatWithEveryTimestampForm() throws IOException {
        Path csv = write("long.csv", """
                timestamp,site,asset,metric,value
                2026-03-01T10:15:00Z,s1,inv1,power_kw,850.2
                2026-03-01 10:15:01.500Z,s1,inv1,power_kw,851
                2026-03-01 15:45:02,s1,inv1,power_kw,852.5
                2026-03-01T10:15:03+00:00,s1,inv1,temperature_c,41.5
                1772360104000,s2,meter,energy_kwh,-3.25
                "2026-03-01T10:15:05Z","s1","inv1","power_kw","853"
                """);
        ImportResult r = importer.importFile(csv, ImportOptions.defaults().withZone(ZoneId.of("Asia/Kolkata")));

        assertThat(r.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(r.format()).isEqualTo(CsvFormat.LONG);
        assertThat(r.rowsRead()).isEqualTo(6);
        assertThat(r.readingsImported()).isEqualTo(6);
        assertThat(r.duplicates()).isZero();
        assertThat(r.badRows()).isEmpty();
        List<ReadingStore.Point> power = store.range(new SeriesKey("s1", "inv1", "power_kw"), 0, Long.MAX_VALUE);
        assertThat(power).extracting(ReadingStore.Point::timestampMillis)
                .containsExactly(T, T + 1_500, T + 2_000, T + 5_000); // 15:45:02 in Kolkata = 10:15:02Z
        assertThat(power).extracting(ReadingStore.Point::value).containsExactly(850.2, 851.0, 852.5, 853.0);
        assertThat(values("s2", "meter", "energy_kwh")).containsExactly(-3.25);
        assertThat(sites.site("s2")).get().matches(s -> s.discovered(), "imported sites are marked discovered");
    }

    @Test
    void importsWideFormatForTheGivenSiteAndAsset() throws IOException {
        Path csv = write("wide.csv", """
                timestamp,power_kw,temperature_c,my_custom_metric
                2026-03-01T10:15:00Z,850.2,41.5,7
                2026-03-01T10:15:01Z,851.0,,8
                2026-03-01T10:15:02Z,,,
                2026-03-01T10:15:03Z,852,42,9
                """);
        ImportResult r = importer.importFile(csv, ImportOptions.defaults().withSiteAndAsset("s1", "inv1"));

        assertThat(r.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(r.format()).isEqualTo(CsvFormat.WIDE);
        assertThat(r.rowsRead()).isEqualTo(4);
        assertThat(r.readingsImported()).as("empty cells are no readings").isEqualTo(8);
        assertThat(values("s1", "inv1", "power_kw")).containsExactly(850.2, 851.0, 852.0);
        assertThat(values("s1", "inv1", "temperature_c")).containsExactly(41.5, 42.0);
        assertThat(values("s1", "inv1", "my_custom_metric")).as("unknown metrics are kept")
                .containsExactly(7.0, 8.0, 9.0);
    }

    @Test
    void wideFormatWithoutSiteAndAssetIsRefusedAsAWhole() throws IOException {
        Path csv = write("wide.csv", "timestamp,power_kw\n2026-03-01T10:15:00Z,1\n");
        assertThatThrownBy(() -> importer.importFile(csv, ImportOptions.defaults()))
                .isInstanceOf(CsvImportException.class).hasMessageContaining("--site and --asset");
        assertThatThrownBy(() -> importer.importFile(write("x.csv", "site,asset\ns,a\n"), ImportOptions.defaults()))
                .isInstanceOf(CsvImportException.class).hasMessageContaining("no timestamp column");
        assertThatThrownBy(() -> importer.importFile(write("e.csv", ""), ImportOptions.defaults()))
                .isInstanceOf(CsvImportException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> importer.importFile(dir.resolve("missing.csv"), ImportOptions.defaults()))
                .isInstanceOf(CsvImportException.class).hasMessageContaining("no such file");
    }

    private static final String WITH_BAD_LINES = """
            timestamp,site,asset,metric,value
            2026-03-01T10:15:00Z,s1,inv1,power_kw,1
            yesterday,s1,inv1,power_kw,2
            2026-03-01T10:15:02Z,s1,inv1,power_kw,abc
            2026-03-01T10:15:03Z,s1,inv1,power_kw

            2026-03-01T10:15:04Z,s1,inv1,power_kw,NaN
            2026-03-01T10:15:05Z,,inv1,power_kw,5
            2026-03-01T10:15:06Z,s1,inv1,power_kw,6
            2026-03-01T10:15:07Z,s1,inv1,power_kw,
            """;

    @Test
    void everyBadLineIsReportedWithItsNumberAndNothingIsImportedByDefault() throws IOException {
        Path csv = write("bad.csv", WITH_BAD_LINES);
        ImportResult r = importer.importFile(csv, ImportOptions.defaults());

        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(r.readingsImported()).isZero();
        assertThat(store.count()).isZero();
        assertThat(r.rowsRead()).isEqualTo(8);
        assertThat(r.badRowCount()).isEqualTo(6);
        assertThat(r.badRows()).extracting(ImportResult.BadRow::line).containsExactly(3L, 4L, 5L, 7L, 8L, 10L);
        assertThat(r.badRows().get(0).reason()).contains("bad timestamp 'yesterday'");
        assertThat(r.badRows().get(1).reason()).isEqualTo("value 'abc' is not a number");
        assertThat(r.badRows().get(2).reason()).isEqualTo("expected 5 fields, found 4");
        assertThat(r.badRows().get(3).reason()).isEqualTo("value 'NaN' is not a finite number");
        assertThat(r.badRows().get(4).reason()).isEqualTo("missing site");
        assertThat(r.badRows().get(5).reason()).isEqualTo("missing value");
    }

    @Test
    void skipBadRowsImportsTheGoodLinesAndStillReportsTheBadOnes() throws IOException {
        Path csv = write("bad.csv", WITH_BAD_LINES);
        ImportResult r = importer.importFile(csv, ImportOptions.defaults().withSkipBadRows(true));

        assertThat(r.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(r.readingsImported()).isEqualTo(2);
        assertThat(r.badRowCount()).isEqualTo(6);
        assertThat(r.badRows()).extracting(ImportResult.BadRow::line).containsExactly(3L, 4L, 5L, 7L, 8L, 10L);
        assertThat(values("s1", "inv1", "power_kw")).containsExactly(1.0, 6.0);
    }

    @Test
    void badLinesInWideFormatNameTheColumn() throws IOException {
        Path csv = write("wide.csv", """
                timestamp,power_kw,temperature_c
                2026-03-01T10:15:00Z,1,2
                2026-03-01T10:15:01Z,1,hot
                2026-03-01T10:15:02Z,1
                """);
        ImportResult r = importer.importFile(csv, ImportOptions.defaults().withSiteAndAsset("s", "a"));
        assertThat(r.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(r.badRows()).containsExactly(
                new ImportResult.BadRow(3, "column temperature_c: value 'hot' is not a number"),
                new ImportResult.BadRow(4, "expected 3 fields, found 2"));
        assertThat(store.count()).isZero();
    }

    @Test
    void importingTheSameFileTwiceStoresNothingTwice() throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,site,asset,metric,value\n");
        for (int i = 0; i < 3_000; i++) {
            sb.append(T + i * 1_000L).append(",s1,inv1,power_kw,").append(i % 100).append('\n');
        }
        sb.append(T).append(",s1,inv1,power_kw,999\n"); // the same reading again within the file
        Path csv = write("repeat.csv", sb.toString());
        ImportOptions options = ImportOptions.defaults().withBatchSize(700);

        ImportResult first = importer.importFile(csv, options);
        assertThat(first.readingsImported()).isEqualTo(3_000);
        assertThat(first.duplicates()).isEqualTo(1);
        ImportResult second = importer.importFile(csv, options);
        assertThat(second.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(second.rowsRead()).isEqualTo(3_001);
        assertThat(second.readingsImported()).isZero();
        assertThat(second.duplicates()).isEqualTo(3_001);
        assertThat(store.count()).isEqualTo(3_000);
        assertThat(values("s1", "inv1", "power_kw").get(0)).as("the first value stays").isEqualTo(0.0);
        // rollups saw each reading once too
        List<ReadingStore.Bucket> hour = store.downsample(new SeriesKey("s1", "inv1", "power_kw"), T, T + 3_600_000,
                3_600_000);
        assertThat(hour).singleElement().extracting(ReadingStore.Bucket::count).isEqualTo(3_000L);
    }

    @Test
    void reportsProgressAcrossBothPassesAndCanBeCancelled() throws IOException {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("timestamp,power_kw,soc_pct\n");
            for (int i = 0; i < 5_000; i++) {
                w.write(Timestamps.format(T + i * 1_000L) + "," + (i % 500) + "," + (i % 100) + "\n");
            }
        }
        List<ImportProgress> seen = new ArrayList<>();
        ImportResult r = importer.importFile(csv, ImportOptions.defaults().withSiteAndAsset("s", "a"), seen::add,
                () -> false);
        assertThat(r.readingsImported()).isEqualTo(10_000);
        assertThat(seen).extracting(ImportProgress::phase).contains(ImportProgress.Phase.VALIDATING,
                ImportProgress.Phase.IMPORTING);
        assertThat(seen.get(seen.size() - 1).phase()).isEqualTo(ImportProgress.Phase.DONE);
        assertThat(seen.get(seen.size() - 1).readingsImported()).isEqualTo(10_000);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).fraction()).isGreaterThanOrEqualTo(seen.get(i - 1).fraction());
        }

        AtomicInteger polls = new AtomicInteger();
        ImportResult cancelled = importer.importFile(csv,
                ImportOptions.defaults().withSiteAndAsset("s", "b").withSkipBadRows(true).withBatchSize(1_000),
                p -> { }, () -> polls.incrementAndGet() > 10);
        assertThat(cancelled.status()).isEqualTo(ImportResult.Status.CANCELLED);
        assertThat(cancelled.rowsRead()).isLessThan(5_000);
        assertThat(store.range(new SeriesKey("s", "b", "power_kw"), 0, Long.MAX_VALUE).size())
                .isLessThanOrEqualTo((int) cancelled.rowsRead());
    }

    @Test
    void exportWritesLongFormatThatImportsBackToTheSameReadings(@TempDir Path other) throws IOException {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            readings.add(new Reading(T + i * 250L, "s1", "inv1", "power_kw", Math.sin(i) * 1_000 / 3));
            readings.add(new Reading(T + i * 250L, "s1", "bess", "soc_pct", i * 0.1));
            readings.add(new Reading(T + i * 250L, "s2", "inv1", "power_kw", i));
        }
        store.append(readings);
        long from = T + 10_000;
        long to = T + 100_000;
        Path out = dir.resolve("export.csv");
        CsvExporter.ExportResult all = new CsvExporter(store).export(out, "s1", null, null, from, to);
        assertThat(all.series()).isEqualTo(2);
        assertThat(all.readings()).isEqualTo(2 * 360);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("timestamp,site,asset,metric,value");
        assertThat(lines.get(1)).isEqualTo("2026-03-01T10:15:10.000Z,s1,bess,soc_pct,4.0");

        CsvExporter.ExportResult one = new CsvExporter(store).export(dir.resolve("one.csv"), "s1", "inv1",
                "power_kw", from, to);
        assertThat(one.series()).isEqualTo(1);
        assertThat(one.readings()).isEqualTo(360);

        try (Database db2 = Database.open(other)) {
            ReadingStore store2 = new ReadingStore(db2, new SiteStore(db2));
            ImportResult back = new CsvImporter(store2).importFile(out, ImportOptions.defaults());
            assertThat(back.readingsImported()).isEqualTo(720);
            for (String[] k : new String[][] {{"s1", "inv1", "power_kw"}, {"s1", "bess", "soc_pct"}}) {
                SeriesKey key = new SeriesKey(k[0], k[1], k[2]);
                assertThat(store2.range(key, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(store.range(key, from, to));
            }
            assertThat(store2.series("s2")).isEmpty();
        }
    }
}
