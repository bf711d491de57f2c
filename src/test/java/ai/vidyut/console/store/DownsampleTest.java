package ai.vidyut.console.store;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Downsampling from rollups must give exactly what an aggregation of the raw readings gives, whatever the
 * bucket width and alignment. The expected buckets are computed here in plain Java from the readings that
 * were appended (first value wins for a repeated timestamp), never from the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownsampleTest {

    private static final long T0 = 1_772_000_000_000L; // 2026-02-25, not aligned to an hour
    private static final long SPAN = 3L * 24 * 3_600_000; // three days
    private static final SeriesKey POWER = new SeriesKey("s1", "inv1", "power_kw");
    private static final SeriesKey TEMP = new SeriesKey("s1", "inv1", "temperature_c");

    @TempDir
    static Path dir;

    private Database db;
    private ReadingStore store;
    /** ts -> value of POWER as a reference, first write wins. */
    private final TreeMap<Long, Double> reference = new TreeMap<>();

    @BeforeAll
    void load() {
        db = Database.open(dir);
        store = new ReadingStore(db, new SiteStore(db));
        Random rnd = new Random(42);
        List<Reading> batch = new ArrayList<>();
        long t = T0;
        while (t < T0 + SPAN) {
            t += 1 + rnd.nextInt(40_000); // irregular, 1 ms .. 40 s apart
            double v = Math.round(rnd.nextGaussian() * 100_000) / 100.0;
            batch.add(new Reading(t, "s1", "inv1", "power_kw", v));
            reference.putIfAbsent(t, v);
            batch.add(new Reading(t, "s1", "inv1", "temperature_c", 40 + rnd.nextDouble()));
            if (rnd.nextInt(20) == 0) { // a repeat with another value: the first one stays
                batch.add(new Reading(t, "s1", "inv1", "power_kw", v + 1_000));
            }
            if (batch.size() >= 2_000) {
                store.append(batch);
                // some of the previous batch again, as a reconnecting source would resend it
                store.append(batch.subList(batch.size() - 100, batch.size()));
                batch = new ArrayList<>();
            }
        }
        store.append(batch);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static Map<Long, ReadingStore.Bucket> expected(TreeMap<Long, Double> data, long origin, long from,
                                                           long to, long width) {
        Map<Long, double[]> acc = new TreeMap<>();
        data.subMap(from, to).forEach((ts, v) -> {
            long k = Math.floorDiv(ts - origin, width);
            double[] a = acc.computeIfAbsent(k, x -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0});
            a[0] = Math.min(a[0], v);
            a[1] = Math.max(a[1], v);
            a[2] += v;
            a[3]++;
        });
        Map<Long, ReadingStore.Bucket> out = new LinkedHashMap<>();
        acc.forEach((k, a) -> out.put(origin + k * width,
                new ReadingStore.Bucket(origin + k * width, a[0], a[1], a[2] / a[3], (long) a[3])));
        return out;
    }

    private static void assertSameBuckets(List<ReadingStore.Bucket> actual, Map<Long, ReadingStore.Bucket> expected) {
        assertThat(actual).extracting(ReadingStore.Bucket::startMillis).containsExactlyElementsOf(expected.keySet());
        for (ReadingStore.Bucket b : actual) {
            ReadingStore.Bucket e = expected.get(b.startMillis());
            assertThat(b.count()).as("count at %d", b.startMillis()).isEqualTo(e.count());
            assertThat(b.min()).as("min at %d", b.startMillis()).isEqualTo(e.min());
            assertThat(b.max()).as("max at %d", b.startMillis()).isEqualTo(e.max());
            assertThat(b.mean()).as("mean at %d", b.startMillis()).isCloseTo(e.mean(), within(1e-6));
        }
    }

    @ParameterizedTest(name = "from T0+{0} ms, to T0+{1} ms, bucket {2} ms")
    @CsvSource({
            // raw only (bucket narrower than a minute)
            "0, 259200000, 10000",
            "12345, 20000000, 45000",
            // minute rollups: aligned and unaligned starts, widths that are and are not multiples of a minute
            "0, 259200000, 60000",
            "-1772000000000, 259200000, 300000", // from = epoch 0: buckets aligned to minutes
            "777, 259200000, 420000",
            "0, 259200000, 90000",
            // hour rollups
            "-1772000000000, 259200000, 3600000",
            "0, 259200000, 3600000",
            "1000, 250000000, 5400000",
            "0, 259200000, 86400000",
            // one bucket over everything, and a range that holds nothing
            "-1772000000000, 300000000, 1000000000000",
            "400000000, 500000000, 3600000"
    })
    void downsampleEqualsRawAggregationAtEveryResolution(long fromOffset, long toOffset, long width) {
        long from = T0 + fromOffset;
        long to = T0 + toOffset;
        List<ReadingStore.Bucket> actual = store.downsample(POWER, from, to, width);
        assertSameBuckets(actual, expected(reference, from, from, to, width));
    }

    @Test
    void chartUsesHourRollupsForLongRangesAndStaysExact() {
        long from = T0 + 1_234;
        long to = T0 + SPAN - 4_321;
        ReadingStore.Chart chart = store.chart(POWER, from, to, 100);
        assertThat(chart.bucketMillis()).isEqualTo(ReadingStore.HOUR_MILLIS);
        assertThat(chart.resolution()).isEqualTo("hour");
        assertThat(chart.buckets()).hasSizeLessThanOrEqualTo(100);
        // a few hour rows plus the two partial hours at the ends, far fewer than the ~13k readings
        assertThat(chart.rowsScanned()).isLessThan(1_000);
        long origin = Math.floorDiv(from, chart.bucketMillis()) * chart.bucketMillis();
        assertSameBuckets(chart.buckets(), expected(reference, origin, from, to, chart.bucketMillis()));
    }

    @Test
    void chartUsesMinuteRollupsForMediumRanges() {
        long from = T0 + 7_000_000;
        long to = from + 12 * 3_600_000;
        ReadingStore.Chart chart = store.chart(POWER, from, to, 200);
        assertThat(chart.bucketMillis()).isEqualTo(5 * ReadingStore.MINUTE_MILLIS);
        assertThat(chart.resolution()).isEqualTo("minute");
        long origin = Math.floorDiv(from, chart.bucketMillis()) * chart.bucketMillis();
        assertSameBuckets(chart.buckets(), expected(reference, origin, from, to, chart.bucketMillis()));
    }

    @Test
    void chartOfShortRangeReadsRawReadings() {
        long from = T0 + 50_000_000;
        ReadingStore.Chart chart = store.chart(POWER, from, from + 600_000, 1_000);
        assertThat(chart.bucketMillis()).isEqualTo(1_000);
        assertThat(chart.resolution()).isEqualTo("raw");
        long origin = Math.floorDiv(from, 1_000) * 1_000;
        assertSameBuckets(chart.buckets(), expected(reference, origin, from, from + 600_000, 1_000));
    }

    @Test
    void chartWidthsAreNiceAndRespectMaxPoints() {
        long day = 24 * ReadingStore.HOUR_MILLIS;
        assertThat(ReadingStore.chartWidth(30 * day, 1_000)).isEqualTo(ReadingStore.HOUR_MILLIS);
        assertThat(ReadingStore.chartWidth(30 * day, 2_000)).isEqualTo(30 * ReadingStore.MINUTE_MILLIS);
        assertThat(ReadingStore.chartWidth(15 * ReadingStore.MINUTE_MILLIS, 900)).isEqualTo(1_000);
        assertThat(ReadingStore.chartWidth(3650 * day, 100)).isEqualTo(42 * day);
    }

    @Test
    void openEndedRangesDoNotOverflow() {
        long width = 100L * 365 * 24 * 3_600_000; // a century
        ReadingStore.Chart everything = store.chart(POWER, Long.MIN_VALUE, Long.MAX_VALUE, 1_000);
        assertThat(everything.buckets()).hasSize(1);
        List<ReadingStore.Bucket> all = everything.buckets();
        assertThat(all.stream().mapToLong(ReadingStore.Bucket::count).sum()).isEqualTo(reference.size());
        List<ReadingStore.Bucket> one = store.downsample(POWER, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 4);
        assertThat(one).singleElement().extracting(ReadingStore.Bucket::count).isEqualTo((long) reference.size());
        assertThat(store.downsample(POWER, 0, Long.MAX_VALUE, width).stream()
                .mapToLong(ReadingStore.Bucket::count).sum()).isEqualTo(reference.size());
    }

    @Test
    void firstAndLastTimestampsComeFromRollupsAndRawAgree() {
        assertThat(store.latestTimestamp(POWER)).hasValue(reference.lastKey());
        assertThat(store.earliestTimestamp(POWER)).hasValue(reference.firstKey());
        assertThat(store.latestTimestamp("s1")).hasValue(reference.lastKey());
        assertThat(store.latestTimestamp(new SeriesKey("s1", "inv1", "nope"))).isEmpty();
        assertThat(store.latestTimestamp("nowhere")).isEmpty();
    }

    @Test
    void unknownSeriesGivesNoBuckets() {
        assertThat(store.downsample(new SeriesKey("s1", "inv1", "nope"), T0, T0 + SPAN, 60_000)).isEmpty();
        assertThat(store.chart(new SeriesKey("nope", "x", "y"), T0, T0 + SPAN, 100).buckets()).isEmpty();
    }

    @Test
    void otherSeriesOfTheSameAssetAreNotMixedIn() {
        List<ReadingStore.Bucket> temp = store.downsample(TEMP, T0, T0 + SPAN, SPAN);
        assertThat(temp).singleElement().satisfies(b -> {
            assertThat(b.min()).isGreaterThanOrEqualTo(40);
            assertThat(b.max()).isLessThan(41);
        });
    }

    @Test
    void rebuiltRollupsMatchMaintainedOnes() throws Exception {
        long from = T0;
        long to = T0 + SPAN;
        List<ReadingStore.Bucket> before = store.downsample(POWER, from, to, 3_600_000);
        store.rebuildRollups();
        assertSameBuckets(store.downsample(POWER, from, to, 3_600_000), expected(reference, from, from, to, 3_600_000));
        assertThat(store.downsample(POWER, from, to, 3_600_000)).hasSameSizeAs(before);
    }

    @Test
    void migrationBackfillsRollupsForReadingsStoredBeforeIt(@TempDir Path old) throws Exception {
        // a data folder as an older version left it: schema up to V2, readings but no rollups
        String url = "jdbc:h2:file:" + old.toAbsolutePath().resolve(Database.FILE_NAME);
        Flyway.configure().dataSource(url, "vidyut", "").locations("classpath:db/migration").target("2").load()
                .migrate();
        TreeMap<Long, Double> data = new TreeMap<>();
        try (Connection c = java.sql.DriverManager.getConnection(url, "vidyut", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO sites (id, name) VALUES ('old', 'old')");
                st.execute("INSERT INTO assets (site_id, id, name, kind) VALUES ('old', 'm', 'm', 'meter')");
                st.execute("INSERT INTO series (site_id, asset_id, metric) VALUES ('old', 'm', 'power_kw')");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO readings (series_id, ts, reading_value) VALUES (1, ?, ?)")) {
                for (long ts = T0; ts < T0 + 10 * 3_600_000L; ts += 7_000) {
                    double v = (ts / 7_000) % 97;
                    data.put(ts, v);
                    ps.setLong(1, ts);
                    ps.setDouble(2, v);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (Database upgraded = Database.open(old)) {
            ReadingStore s = new ReadingStore(upgraded, new SiteStore(upgraded));
            SeriesKey key = new SeriesKey("old", "m", "power_kw");
            ReadingStore.Chart chart = s.chart(key, T0, T0 + 10 * 3_600_000L, 8);
            assertThat(chart.resolution()).isEqualTo("hour");
            long origin = Math.floorDiv(T0, chart.bucketMillis()) * chart.bucketMillis();
            assertSameBuckets(chart.buckets(), expected(data, origin, T0, T0 + 10 * 3_600_000L, chart.bucketMillis()));
        }
    }
}
