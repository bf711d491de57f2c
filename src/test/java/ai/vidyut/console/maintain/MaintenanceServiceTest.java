package ai.vidyut.console.maintain;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * A site of four inverters and two pumps with a week of history; inverter 3 starts overheating and pump 1's
 * vibration starts rising on day 4. Both must rise to the top of the plan with recommendations drawn from the
 * evidence; the healthy assets must not outrank them.
 */
class MaintenanceServiceTest {

    static final Instant END = Instant.parse("2026-03-08T00:00:00Z");
    static final long STEP = 20 * 60_000L;
    static Database db;
    static SiteStore sites;
    static ReadingStore readings;
    static HealthClassifier model;

    @BeforeAll
    static void setUp() {
        db = Database.inMemory("maintain-service-" + System.nanoTime());
        sites = new SiteStore(db);
        readings = new ReadingStore(db, sites);
        sites.saveSite(new Site("s1", "Plant 1", Double.NaN, Double.NaN, "UTC", Double.NaN, false));
        for (int i = 1; i <= 4; i++) {
            sites.saveAsset(new Asset("s1", "inv-" + i, "Inverter " + i, AssetKind.INVERTER, Map.of(), false));
        }
        sites.saveAsset(new Asset("s1", "pump-1", "Cooling pump 1", AssetKind.PUMP, Map.of(), false));
        sites.saveAsset(new Asset("s1", "pump-2", "Cooling pump 2", AssetKind.PUMP, Map.of(), false));
        readings.append(history(END.minus(Duration.ofDays(7)).toEpochMilli(), END.toEpochMilli()));
        model = TestModels.live();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    static List<Reading> history(long from, long to) {
        Random rnd = new Random(4);
        long faultStart = from + 4 * 86_400_000L;
        List<Reading> out = new ArrayList<>();
        for (long t = from; t < to; t += STEP) {
            double day = (t - from) / 86_400_000.0;
            double load = Math.max(0, Math.sin(2 * Math.PI * (day - 0.25)));
            double fault = t < faultStart ? 0 : (t - faultStart) / (double) (to - faultStart);
            for (int i = 1; i <= 4; i++) {
                double temp = 32 + 25 * load + 0.6 * rnd.nextGaussian() + (i == 3 ? 22 * fault : 0);
                out.add(new Reading(t, "s1", "inv-" + i, "temperature_c", temp));
                out.add(new Reading(t, "s1", "inv-" + i, "power_kw", 100 * load));
            }
            for (int p = 1; p <= 2; p++) {
                double vib = 2.2 + 0.2 * rnd.nextGaussian() + (p == 1 ? 4.0 * fault : 0);
                out.add(new Reading(t, "s1", "pump-" + p, "vibration_mm_s", vib));
                out.add(new Reading(t, "s1", "pump-" + p, "temperature_c", 45 + 0.5 * rnd.nextGaussian()));
            }
        }
        return out;
    }

    MaintenanceService service() {
        return new MaintenanceService(db, sites, readings, model, "test-model",
                MaintenanceService.Settings.defaults(), Clock.fixed(END, ZoneOffset.UTC));
    }

    @Test
    void faultyAssetsRiseToTheTopOfThePlanWithEvidence() {
        MaintenanceService service = service();
        List<MaintenanceItem> plan = service.refresh("s1");
        assertThat(plan).hasSizeGreaterThanOrEqualTo(2);
        assertThat(plan.subList(0, 2)).extracting(MaintenanceItem::assetId).containsExactlyInAnyOrder("inv-3", "pump-1");
        MaintenanceItem inverter = plan.stream().filter(i -> i.assetId().equals("inv-3")).findFirst().orElseThrow();
        assertThat(inverter.healthState()).isEqualTo(HealthStates.OVERHEATING);
        assertThat(inverter.recommendation()).contains("cooling").contains("heat-sink temperature")
                .contains("rising").contains("above the site's other inverters");
        assertThat(inverter.drivingMetric()).isEqualTo("temperature_c");
        MaintenanceItem pump = plan.stream().filter(i -> i.assetId().equals("pump-1")).findFirst().orElseThrow();
        assertThat(pump.healthState()).isEqualTo(HealthStates.VIBRATION_FAULT);
        assertThat(pump.recommendation()).contains("bearings").contains("vibration").contains("mm/s/day");
        assertThat(pump.predictedFailureDate()).isAfter(END).isBefore(END.plus(Duration.ofDays(30)));
        assertThat(pump.daysUntilMaintenance()).isLessThan(14);
        for (MaintenanceItem i : plan) {
            assertThat(i.confidence()).isBetween(0.0, 1.0);
        }
        // healthy assets are either absent or behind the faulty ones
        for (MaintenanceItem i : plan.subList(2, plan.size())) {
            assertThat(i.assetId()).isNotIn("inv-3", "pump-1");
        }
        assertThat(plan).isSortedAccordingTo(MaintenanceItem.URGENCY);

        // persisted in urgency order, with every assessed asset's health
        assertThat(service.plans().plan("s1")).extracting(MaintenanceItem::assetId)
                .containsExactlyElementsOf(plan.stream().map(MaintenanceItem::assetId).toList());
        List<PlanStore.HealthRecord> health = service.plans().health("s1");
        assertThat(health).hasSize(6);
        assertThat(health.get(0).assetId()).isIn("inv-3", "pump-1");
        assertThat(health.stream().filter(h -> h.assetId().equals("inv-1")).findFirst().orElseThrow().healthState())
                .isEqualTo(HealthStates.HEALTHY);
        assertThat(service.plans().lastRefresh("s1")).contains(END);
    }

    @Test
    void readingsMarkTheSiteForTheBackgroundRefresh() throws Exception {
        Database other = Database.inMemory("maintain-live-" + System.nanoTime());
        try (other) {
            SiteStore s = new SiteStore(other);
            ReadingStore r = new ReadingStore(other, s);
            List<Reading> batch = history(END.minus(Duration.ofDays(7)).toEpochMilli(), END.toEpochMilli());
            r.append(batch);
            try (MaintenanceService service = new MaintenanceService(other, s, r, model, "test-model",
                    MaintenanceService.Settings.defaults(), Clock.fixed(END, ZoneOffset.UTC))) {
                List<String> refreshed = new java.util.concurrent.CopyOnWriteArrayList<>();
                service.addPlanListener(refreshed::add);
                service.start(Duration.ofMillis(50));
                Thread.sleep(200);
                assertThat(refreshed).as("nothing to do before readings arrive").isEmpty();
                service.onReadings(batch.subList(0, 10));
                long deadline = System.currentTimeMillis() + 20_000;
                while (refreshed.isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(refreshed).containsExactly("s1");
                assertThat(service.plans().plan("s1")).isNotEmpty();
            }
        }
    }
}
