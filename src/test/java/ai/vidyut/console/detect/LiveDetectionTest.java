package ai.vidyut.console.detect;

import ai.vidyut.console.alerts.Alert;
import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A fault injected by the simulator flows from wire messages through the pipeline to a stored anomaly and alert. */
class LiveDetectionTest {

    @TempDir
    Path dir;

    @Test
    void simulatedPowerDropBecomesAStoredAnomalyAndAnAlert() throws Exception {
        SiteProfile profile = SiteProfile.standard(1);
        long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        long to = from + Duration.ofDays(4).toMillis();
        // the fault: the inverter loses 60 % of its output for two hours before midday of day 4 (Pune, UTC+5:30)
        long faultStart = from + Duration.ofDays(3).plusHours(5).toMillis();
        long faultEnd = faultStart + Duration.ofHours(2).toMillis();
        SiteSimulator sim = new SiteSimulator(profile, 7,
                List.of(new Fault(SiteProfile.INVERTER, FaultType.POWER_DROP, faultStart, faultEnd, 0.6)));

        try (Database db = Database.open(dir)) {
            SiteStore sites = new SiteStore(db);
            ReadingStore readings = new ReadingStore(db, sites);
            AnomalyStore anomalies = new AnomalyStore(db);
            AlertService alerts = new AlertService(db);
            List<Anomaly> seen = new CopyOnWriteArrayList<>();
            try (Pipeline pipeline = new Pipeline(readings, new QuarantineStore(db));
                 LiveDetection live = new LiveDetection(anomalies, alerts, readings,
                         new ModelRegistry(db, dir.resolve("models")))) {
                live.addAnomalyListener(seen::add);
                pipeline.addListener(live);
                sim.generate(from, to, 300_000, snapshots ->
                        pipeline.submit("simulator", WireFormat.encodeBatch(snapshots, true)));
                assertThat(pipeline.drain(Duration.ofSeconds(60))).isTrue();
                assertThat(live.awaitIdle(Duration.ofSeconds(60))).isTrue();
                assertThat(live.scored()).isGreaterThan(4 * 288 * 5);
            }
            String site = profile.siteId();
            List<Anomaly> inverter = anomalies.list(site).stream()
                    .filter(a -> a.assetId().equals(SiteProfile.INVERTER) && a.metric().equals("power_kw"))
                    .toList();
            List<Anomaly> during = inverter.stream()
                    .filter(a -> a.startMillis() < faultEnd && a.endMillis() >= faultStart).toList();
            assertThat(during).as("anomalies of inv-1 power_kw during the fault, of %s", inverter).isNotEmpty();
            Anomaly first = during.get(0);
            assertThat(first.startMillis() - faultStart).as("detection delay").isBetween(0L, Duration.ofMinutes(10).toMillis());
            assertThat(first.type()).isEqualTo(AnomalyType.POWER_DROP);
            assertThat(first.deviationPct()).isLessThan(-30);
            assertThat(first.value()).isLessThan(first.expectedValue());
            assertThat(seen).anyMatch(a -> a.id() == first.id());
            List<Alert> open = alerts.open();
            assertThat(open).anyMatch(a -> a.assetId().equals(SiteProfile.INVERTER) && a.type().equals("power_drop"));
            AnomalyStore.SiteStats stats = anomalies.stats(site);
            assertThat(stats.count()).isGreaterThanOrEqualTo(1);
        }
    }
}
