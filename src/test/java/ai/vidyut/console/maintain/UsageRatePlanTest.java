package ai.vidyut.console.maintain;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.Site;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two identical pumps wear the same per running hour and stand at the same vibration today; one runs around the
 * clock, the other 12 hours a day (its power_kw drops to zero at night). The usage rate read from power_kw must put
 * the part-time pump's failure date twice as far out.
 */
class UsageRatePlanTest {

    static final Instant END = Instant.parse("2026-05-10T00:00:00Z");
    static final long STEP = 10 * 60_000L;
    /** Vibration rise per running hour (mm/s). */
    static final double WEAR = 2.5 / 168;

    @Test
    void halfTheRunningHoursPerDayPutsTheFailureDateTwiceAsFar() {
        try (Database db = Database.inMemory("usage-rate-" + System.nanoTime())) {
            SiteStore sites = new SiteStore(db);
            ReadingStore readings = new ReadingStore(db, sites);
            sites.saveSite(new Site("s", "Pumping station", Double.NaN, Double.NaN, "UTC", Double.NaN, false));
            sites.saveAsset(new Asset("s", "p24", "Pump round the clock", AssetKind.PUMP, Map.of(), false));
            sites.saveAsset(new Asset("s", "p12", "Pump day shift", AssetKind.PUMP, Map.of(), false));
            long from = END.minus(Duration.ofDays(7)).toEpochMilli();
            List<Reading> rows = new ArrayList<>();
            rows.addAll(pump("p24", from, 24, new Random(1)));
            rows.addAll(pump("p12", from, 12, new Random(2)));
            readings.append(rows);
            MaintenanceService service = new MaintenanceService(db, sites, readings, TestModels.live(), "test",
                    MaintenanceService.Settings.defaults(), Clock.fixed(END, ZoneOffset.UTC));

            Map<String, AssetAssessment> byId = new java.util.HashMap<>();
            for (AssetAssessment a : service.assess("s", END)) {
                byId.put(a.assetId(), a);
            }
            AssetAssessment full = byId.get("p24");
            AssetAssessment half = byId.get("p12");
            assertThat(full.usageMetric()).isEqualTo("power_kw");
            assertThat(full.usagePerDay()).isCloseTo(24, within(0.5));
            assertThat(half.usagePerDay()).isCloseTo(12, within(0.5));
            // the same wear per running hour and the same level: the same remaining running hours
            assertThat(half.usageLife().rul()).isCloseTo(full.usageLife().rul(), within(0.2 * full.usageLife().rul()));

            List<MaintenanceItem> plan = service.refresh("s", END);
            MaintenanceItem i24 = plan.stream().filter(i -> i.assetId().equals("p24")).findFirst().orElseThrow();
            MaintenanceItem i12 = plan.stream().filter(i -> i.assetId().equals("p12")).findFirst().orElseThrow();
            double d24 = Duration.between(END, i24.predictedFailureDate()).toMinutes() / 1440.0;
            double d12 = Duration.between(END, i12.predictedFailureDate()).toMinutes() / 1440.0;
            // expected: (7.1 - 4.5) / WEAR ≈ 175 running hours → about 7.3 days at 24 h/day, 14.6 at 12 h/day
            assertThat(d24).isBetween(5.0, 10.0);
            assertThat(d12 / d24).isBetween(1.8, 2.2);
            assertThat(i12.daysUntilMaintenance()).isGreaterThan(i24.daysUntilMaintenance());
            assertThat(i12.recommendation()).contains("h/day");
        }
    }

    /** A week of a pump that ends at 4.5 mm/s, rising {@link #WEAR} per running hour, running {@code hours} a day. */
    static List<Reading> pump(String id, long from, int hoursPerDay, Random rnd) {
        double totalRunning = 7.0 * hoursPerDay;
        double run = 0;
        List<Reading> out = new ArrayList<>();
        for (long t = from; t < END.toEpochMilli(); t += STEP) {
            double hourOfDay = ((t - from) % 86_400_000L) / 3_600_000.0;
            boolean running = hoursPerDay >= 24 || (hourOfDay >= 6 && hourOfDay < 6 + hoursPerDay);
            double vib = running ? 4.5 - WEAR * (totalRunning - run) + 0.1 * rnd.nextGaussian()
                    : 0.05 + 0.01 * rnd.nextGaussian();
            out.add(new Reading(t, "s", id, "vibration_mm_s", vib));
            out.add(new Reading(t, "s", id, "power_kw", running ? 30 + rnd.nextGaussian() : 0.2 * rnd.nextDouble()));
            if (running) {
                run += STEP / 3_600_000.0;
            }
        }
        return out;
    }
}
