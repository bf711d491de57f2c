package ai.vidyut.console.store;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesEachReadingOnceAndSurvivesReopening() {
        List<Reading> batch = List.of(
                new Reading(1_000, "s1", "inv1", "power_kw", 10.0),
                new Reading(2_000, "s1", "inv1", "power_kw", 12.0),
                new Reading(1_000, "s1", "inv1", "temperature_c", 40.0));
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            assertThat(store.append(batch)).isEqualTo(3);
            assertThat(store.append(batch)).isZero();
            assertThat(store.count()).isEqualTo(3);
        }
        try (Database db = Database.open(dir)) {
            SiteStore sites = new SiteStore(db);
            ReadingStore store = new ReadingStore(db, sites);
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.range(new SeriesKey("s1", "inv1", "power_kw"), 0, 10_000))
                    .extracting(ReadingStore.Point::value).containsExactly(10.0, 12.0);
            assertThat(sites.site("s1")).get().matches(s -> s.discovered());
            assertThat(sites.assets("s1")).hasSize(1);
        }
    }

    @Test
    void aReadingRepeatedInsideOneBatchOrOverlappingAnEarlierBatchKeepsItsFirstValue() {
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            SeriesKey power = new SeriesKey("s", "m", "power_kw");
            assertThat(store.append(List.of(
                    new Reading(1_000, "s", "m", "power_kw", 1),
                    new Reading(1_000, "s", "m", "power_kw", 99),
                    new Reading(2_000, "s", "m", "power_kw", 2)))).isEqualTo(2);
            assertThat(store.append(List.of(
                    new Reading(2_000, "s", "m", "power_kw", 77),
                    new Reading(3_000, "s", "m", "power_kw", 3)))).isEqualTo(1);
            assertThat(store.range(power, 0, 10_000)).extracting(ReadingStore.Point::value)
                    .containsExactly(1.0, 2.0, 3.0);
            assertThat(store.downsample(power, 0, 60_000, 60_000))
                    .containsExactly(new ReadingStore.Bucket(0, 1, 3, 2, 3));
        }
    }

    @Test
    void downsamplesIntoBucketsWithMinMaxMean() {
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            store.append(List.of(
                    new Reading(0, "s", "m", "power_kw", 1),
                    new Reading(500, "s", "m", "power_kw", 3),
                    new Reading(1_000, "s", "m", "power_kw", 10),
                    new Reading(3_000, "s", "m", "power_kw", 7)));
            List<ReadingStore.Bucket> buckets = store.downsample(new SeriesKey("s", "m", "power_kw"), 0, 4_000, 1_000);
            assertThat(buckets).containsExactly(
                    new ReadingStore.Bucket(0, 1, 3, 2, 2),
                    new ReadingStore.Bucket(1_000, 10, 10, 10, 1),
                    new ReadingStore.Bucket(3_000, 7, 7, 7, 1));
        }
    }

    @Test
    void concurrentWritersOfOverlappingReadingsStoreEachOnceAndKeepRollupsExact() throws Exception {
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> added = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    long shift = w * 250_000L; // the two writers overlap on three quarters of their readings
                    added.add(pool.submit(() -> {
                        int n = 0;
                        for (int b = 0; b < 10; b++) {
                            List<Reading> batch = new ArrayList<>();
                            for (int i = 0; i < 100; i++) {
                                long ts = shift + (b * 100L + i) * 1_000;
                                batch.add(new Reading(ts, "s", "m", "power_kw", ts % 7_000));
                                batch.add(new Reading(ts, "s", "m", "temperature_c", 20));
                            }
                            n += store.append(batch);
                        }
                        return n;
                    }));
                }
                int total = added.get(0).get() + added.get(1).get();
                long distinctTimestamps = 1_000 + 250;
                assertThat(total).isEqualTo(2 * distinctTimestamps);
                assertThat(store.count()).isEqualTo(2 * distinctTimestamps);
            } finally {
                pool.shutdownNow();
            }
            SeriesKey power = new SeriesKey("s", "m", "power_kw");
            List<ReadingStore.Point> raw = store.range(power, 0, Long.MAX_VALUE);
            List<ReadingStore.Bucket> hour = store.downsample(power, 0, 3_600_000, 3_600_000);
            assertThat(hour).singleElement().satisfies(b -> {
                assertThat(b.count()).isEqualTo(raw.size());
                assertThat(b.max()).isEqualTo(6_000);
                assertThat(b.mean()).isCloseTo(raw.stream().mapToDouble(ReadingStore.Point::value).average()
                        .orElseThrow(), org.assertj.core.api.Assertions.within(1e-9));
            });
        }
    }
}
