package ai.vidyut.console.detect;

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
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Live multivariate detection per asset: alignment of channels, a broken relation as a stored anomaly, no duplicates. */
class AssetDetectionTest {

    @TempDir
    Path dir;

    /**
     * The pump loses 15 % of its power draw at full speed for two hours: hidden from the per-series detector by
     * the pump's on/off cycling, but a clear break of the power–speed–vibration relation.
     */
    @Test
    void pumpPowerBreakingItsRelationToSpeedBecomesAStoredAssetLevelAnomaly() throws Exception {
        SiteProfile profile = SiteProfile.standard(1);
        long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        long to = from + Duration.ofDays(4).toMillis();
        long faultStart = from + Duration.ofDays(3).plusHours(5).toMillis(); // 10:30 in Pune, pump cycling
        long faultEnd = faultStart + Duration.ofHours(2).toMillis();
        SiteSimulator sim = new SiteSimulator(profile, 7,
                List.of(new Fault(SiteProfile.PUMP, FaultType.POWER_DROP, faultStart, faultEnd, 0.15)));
        try (Database db = Database.open(dir)) {
            SiteStore sites = new SiteStore(db);
            sites.saveSite(profile.site());
            profile.assets().forEach(sites::saveAsset);
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
                assertThat(live.assets().channels(profile.siteId(), SiteProfile.PUMP))
                        .containsExactlyInAnyOrder("power_kw", "vibration_mm_s", "temperature_c", "speed_rpm");
                assertThat(live.assets().channels(profile.siteId(), SiteProfile.INVERTER))
                        .containsExactlyInAnyOrder("power_kw", "temperature_c");
                assertThat(live.assets().channels(profile.siteId(), SiteProfile.GRID_METER)).isEmpty();
            }
            List<Anomaly> all = anomalies.list(profile.siteId());
            List<Anomaly> pump = all.stream().filter(a -> a.assetId().equals(SiteProfile.PUMP)
                    && a.type() == AnomalyType.PATTERN_CHANGE).toList();
            List<Anomaly> during = pump.stream()
                    .filter(a -> a.startMillis() < faultEnd && a.endMillis() >= faultStart).toList();
            assertThat(during).as("asset-level anomalies of the pump during the fault, of %s", all).isNotEmpty();
            Anomaly first = during.get(0);
            assertThat(first.startMillis() - faultStart).as("detection delay")
                    .isBetween(0L, Duration.ofMinutes(30).toMillis());
            assertThat(first.metric()).isEqualTo("power_kw");
            assertThat(first.value()).isLessThan(first.expectedValue());
            assertThat(first.deviationPct()).isBetween(-30.0, -5.0);
            assertThat(pump).as("asset-level anomalies of the pump outside the fault")
                    .allMatch(a -> a.startMillis() < faultEnd + Duration.ofHours(1).toMillis()
                            && a.endMillis() >= faultStart);
            assertThat(seen).anyMatch(a -> a.id() == first.id());
            assertThat(alerts.open()).anyMatch(a -> a.assetId().equals(SiteProfile.PUMP)
                    && a.type().equals("pattern_change"));
            // no asset-level alarm for an event the per-series path already has open on the same asset
            for (Anomaly a : all) {
                if (a.type() != AnomalyType.PATTERN_CHANGE) {
                    continue;
                }
                assertThat(all).as("per-series anomaly open on %s when %s opened", a.assetId(), a)
                        .noneMatch(o -> o.type() != AnomalyType.PATTERN_CHANGE && o.assetId().equals(a.assetId())
                                && o.startMillis() < a.startMillis() && o.endMillis() >= a.startMillis());
            }
            assertThat(all).as("meters are not scored as a vector")
                    .noneMatch(a -> a.type() == AnomalyType.PATTERN_CHANGE
                            && a.assetId().equals(SiteProfile.GRID_METER));
        }
    }

    /** Channels of one timestamp arriving in different batches and a few seconds apart still make one row. */
    @Test
    void alignsChannelsAcrossBatchesAndFlagsTheChannelThatLeavesTheRelation() {
        try (Database db = Database.inMemory("asset-align")) {
            AnomalyStore anomalies = new AnomalyStore(db);
            List<Anomaly> seen = new ArrayList<>();
            AssetDetection assets = new AssetDetection(anomalies, new AlertService(db), null,
                    key -> DetectorParams.shippedDefault(), (s, a) -> AssetKind.PUMP, key -> false, seen::add,
                    AssetDetection.DEFAULT_TOLERANCE);
            Random random = new Random(3);
            long t0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
            int rows = 800;
            int breakAt = 700;
            List<Reading> late = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                long t = t0 + i * 10_000L;
                double speed = 1000 + 400 * Math.sin(i / 40.0) + random.nextGaussian() * 5;
                double power = 0.01 * speed + random.nextGaussian() * 0.05;
                if (i >= breakAt) {
                    power *= 0.8; // draws less at the same speed
                }
                assets.accept(new Reading(t, "s", "p", "speed_rpm", speed));
                // power of row i arrives 3 s late, and (every other row) only in the next batch
                Reading p = new Reading(t + (i % 3 == 0 ? 3_000 : 0), "s", "p", "power_kw", power);
                if (i % 2 == 0) {
                    late.add(p);
                } else {
                    assets.accept(p);
                }
                if (i % 2 == 1) {
                    late.forEach(assets::accept);
                    late.clear();
                }
            }
            assertThat(assets.channels("s", "p")).containsExactly("speed_rpm", "power_kw");
            // one row per timestamp (plus the rows whose power came 3 s late), never one per reading
            assertThat(assets.rowsScored()).isBetween((long) rows - 320, (long) rows + rows / 3 + 5);
            List<Anomaly> stored = anomalies.list("s");
            assertThat(stored).as("anomalies before the break").noneMatch(a -> a.startMillis() < t0 + breakAt * 10_000L);
            assertThat(stored).anyMatch(a -> a.metric().equals("power_kw") && a.type() == AnomalyType.PATTERN_CHANGE
                    && a.value() < a.expectedValue());
            assertThat(seen).isNotEmpty();
        }
    }
}
