package ai.vidyut.console.detect;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Site;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-site anomaly statistics with known anomalies: counts, confidences, frequency and zone-aware buckets. */
class AnomalyStatsTest {

    private static Anomaly at(String iso, long minutes, double confidence) {
        long start = Instant.parse(iso).toEpochMilli();
        return new Anomaly(0, "s", "inv-1", "power_kw", AnomalyType.SPIKE, Severity.MEDIUM, start,
                start + minutes * 60_000, 1, 2, -50, confidence, 3);
    }

    /** Monday 2026-03-02 20:00Z, Monday 23:00Z, Wednesday 04:00Z, Sunday 2026-03-08 19:00Z (UTC). */
    private static final List<Anomaly> KNOWN = List.of(
            at("2026-03-02T20:00:00Z", 10, 0.6),
            at("2026-03-02T23:00:00Z", 30, 0.8),
            at("2026-03-04T04:00:00Z", 5, 0.7),
            at("2026-03-08T19:00:00Z", 60, 0.9));

    @Test
    void utcBuckets() {
        AnomalyStore.SiteStats s = AnomalyStore.stats("s", KNOWN, AnomalyStore.UTC);
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.avgConfidence()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.maxConfidence()).isEqualTo(0.9);
        assertThat(s.zone()).isEqualTo("UTC");
        int[] hours = new int[24];
        hours[20] = 1;
        hours[23] = 1;
        hours[4] = 1;
        hours[19] = 1;
        assertThat(s.byHour()).containsExactly(hours);
        assertThat(s.byDayOfWeek()).containsExactly(2, 0, 1, 0, 0, 0, 1); // Mon, Wed, Sun
        // first start 2026-03-02T20:00 to last end 2026-03-08T20:00: six days, four anomalies
        assertThat(s.perDay()).isCloseTo(4 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void bucketsFollowTheSiteZone() {
        // Asia/Kolkata is UTC+5:30: 20:00Z -> 01:30 Tue, 23:00Z -> 04:30 Tue, 04:00Z Wed -> 09:30 Wed,
        // Sunday 19:00Z -> 00:30 Monday
        AnomalyStore.SiteStats s = AnomalyStore.stats("s", KNOWN, ZoneId.of("Asia/Kolkata"));
        int[] hours = new int[24];
        hours[1] = 1;
        hours[4] = 1;
        hours[9] = 1;
        hours[0] = 1;
        assertThat(s.byHour()).containsExactly(hours);
        assertThat(s.byDayOfWeek()).containsExactly(1, 2, 1, 0, 0, 0, 0);
        assertThat(s.zone()).isEqualTo("Asia/Kolkata");
        // America/New_York: 15:00 Mon, 18:00 Mon, 23:00 Tue (EST, UTC-5), and Sunday 19:00Z is 15:00 EDT, after the
        // switch to daylight time on 2026-03-08 07:00Z (a fixed -5 offset would say 14:00)
        AnomalyStore.SiteStats ny = AnomalyStore.stats("s", KNOWN, ZoneId.of("America/New_York"));
        assertThat(ny.byDayOfWeek()).containsExactly(2, 1, 0, 0, 0, 0, 1);
        assertThat(ny.byHour()[15]).isEqualTo(2);
        assertThat(ny.byHour()[18]).isEqualTo(1);
        assertThat(ny.byHour()[23]).isEqualTo(1);
        assertThat(ny.byHour()[14]).isZero();
        assertThat(IntStreamSum.of(ny.byHour())).isEqualTo(4);
    }

    @Test
    void storedStatsUseTheConfiguredSiteZoneAndUtcWithoutOne() {
        try (Database db = Database.inMemory("anomaly-stats")) {
            SiteStore sites = new SiteStore(db);
            sites.createSite(new Site("s", "Pune", 18.5, 73.8, "Asia/Kolkata", 500, false));
            sites.createSite(new Site("u", "Nowhere", Double.NaN, Double.NaN, null, Double.NaN, false));
            AnomalyStore store = new AnomalyStore(db);
            for (Anomaly a : KNOWN) {
                store.save(a);
                store.save(new Anomaly(0, "u", a.assetId(), a.metric(), a.type(), a.severity(), a.startMillis(),
                        a.endMillis(), a.value(), a.expectedValue(), a.deviationPct(), a.confidence(), a.readings()));
            }
            assertThat(store.stats("s").byDayOfWeek()).containsExactly(1, 2, 1, 0, 0, 0, 0);
            assertThat(store.stats("s").zone()).isEqualTo("Asia/Kolkata");
            assertThat(store.stats("u").byDayOfWeek()).containsExactly(2, 0, 1, 0, 0, 0, 1);
            assertThat(store.stats("u").zone()).isEqualTo("UTC");
            assertThat(store.stats("nobody").count()).isZero();
            assertThat(store.stats("nobody").zone()).isEqualTo("UTC");
        }
    }

    private static final class IntStreamSum {
        static int of(int[] a) {
            return java.util.Arrays.stream(a).sum();
        }
    }
}
