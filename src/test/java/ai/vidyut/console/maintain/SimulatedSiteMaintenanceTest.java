package ai.vidyut.console.maintain;

import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three simulated sites (the ingest area's {@link SiteSimulator}); at site 1 the cooling pump's vibration starts
 * rising and the inverter starts overheating two days before "now". Both must top site 1's plan; the other sites'
 * assets must be rated healthy, and their inverters serve as the faulty inverter's peers.
 */
class SimulatedSiteMaintenanceTest {

    static final Instant END = Instant.parse("2026-06-10T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(4));
    static final long STEP = Duration.ofMinutes(15).toMillis();
    static Database db;
    static MaintenanceService service;
    static String faultySite;
    static String healthySite;

    @BeforeAll
    static void simulate() {
        db = Database.inMemory("maintain-sim-" + System.nanoTime());
        SiteStore sites = new SiteStore(db);
        ReadingStore readings = new ReadingStore(db, sites);
        Instant faultStart = END.minus(Duration.ofDays(2));
        Instant faultEnd = END.plus(Duration.ofDays(1));
        for (int n = 1; n <= 3; n++) {
            SiteProfile profile = SiteProfile.standard(n);
            sites.saveSite(profile.site());
            for (Asset a : profile.assets()) {
                sites.saveAsset(a);
            }
            List<Fault> faults = n == 1
                    ? List.of(Fault.of(SiteProfile.PUMP, FaultType.RISING_VIBRATION, faultStart, faultEnd),
                              Fault.of(SiteProfile.INVERTER, FaultType.OVERHEATING, faultStart, faultEnd))
                    : List.of();
            SiteSimulator sim = new SiteSimulator(profile, 100 + n, faults);
            readings.append(sim.readings(START.toEpochMilli(), END.toEpochMilli(), STEP));
            if (n == 1) {
                faultySite = profile.siteId();
            } else if (n == 2) {
                healthySite = profile.siteId();
            }
        }
        service = new MaintenanceService(db, sites, readings, TestModels.live(), "test",
                MaintenanceService.Settings.defaults(), Clock.fixed(END, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theFailureDateMovesCloserAsTheAssetKeepsDegrading() {
        // the rising-vibration fault starts 48 h before END; 30 h before END the pump is still under its limit
        Instant earlier = END.minus(Duration.ofHours(42));
        Instant later = END.minus(Duration.ofHours(30));
        MaintenanceItem before = pumpItem(service.refresh(faultySite, earlier));
        MaintenanceItem after = pumpItem(service.refresh(faultySite, later));
        assertThat(before.predictedFailureDate()).as("projected 42 h before the end").isNotNull().isAfter(earlier);
        assertThat(after.predictedFailureDate()).as("projected 30 h before the end").isNotNull().isAfter(later);
        assertThat(after.recommendation()).contains("projected to reach").contains("h/day");
        assertThat(after.predictedFailureDate()).isBefore(before.predictedFailureDate());
        assertThat(after.daysUntilMaintenance()).isLessThanOrEqualTo(before.daysUntilMaintenance());
    }

    private static MaintenanceItem pumpItem(List<MaintenanceItem> plan) {
        return plan.stream().filter(i -> i.assetId().equals(SiteProfile.PUMP)).findFirst().orElseThrow();
    }

    @Test
    void simulatorFaultsDriveTheirAssetsToTheTopOfThePlan() {
        List<MaintenanceItem> plan = service.refresh(faultySite);
        assertThat(plan).hasSizeGreaterThanOrEqualTo(2);
        assertThat(plan.subList(0, 2)).extracting(MaintenanceItem::assetId)
                .containsExactlyInAnyOrder(SiteProfile.PUMP, SiteProfile.INVERTER);
        for (MaintenanceItem i : plan.subList(0, 2)) {
            assertThat(i.healthState()).isIn(HealthStates.VIBRATION_FAULT, HealthStates.OVERHEATING);
            assertThat(i.priority()).isIn(MaintenanceItem.Priority.CRITICAL, MaintenanceItem.Priority.HIGH);
        }
        MaintenanceItem pump = plan.stream().filter(i -> i.assetId().equals(SiteProfile.PUMP)).findFirst().orElseThrow();
        assertThat(pump.healthState()).isEqualTo(HealthStates.VIBRATION_FAULT);
        assertThat(pump.recommendation()).contains("vibration");
        MaintenanceItem inverter = plan.stream().filter(i -> i.assetId().equals(SiteProfile.INVERTER)).findFirst()
                .orElseThrow();
        assertThat(inverter.healthState()).isEqualTo(HealthStates.OVERHEATING);
        assertThat(inverter.recommendation()).contains("cooling").contains("temperature")
                .contains("above similar inverters at other sites");
    }

    @Test
    void healthySimulatedSiteNeedsNoCorrectiveWork() {
        service.refresh(healthySite);
        List<PlanStore.HealthRecord> health = service.plans().health(healthySite);
        assertThat(health).extracting(PlanStore.HealthRecord::assetId).contains(SiteProfile.PUMP, SiteProfile.INVERTER);
        for (PlanStore.HealthRecord h : health) {
            assertThat(HealthStates.isFault(h.healthState())).as(h.assetId() + " " + h.healthState()).isFalse();
        }
        assertThat(service.plans().plan(healthySite)).noneMatch(i -> i.type() == MaintenanceItem.Type.CORRECTIVE);
    }
}
