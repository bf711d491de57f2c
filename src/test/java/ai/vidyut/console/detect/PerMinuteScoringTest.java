package ai.vidyut.console.detect;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.telemetry.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Live detection scores a series that comes at one reading a second on per-minute means when its asset kind has an
 * alarm delay in the shipped defaults (a pump), and reading by reading otherwise (a generator).
 */
class PerMinuteScoringTest {

    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;

    @Test
    void aggregatorHandsOnOneMeanPerClosedMinuteAtOneHertzAndEveryReadingAtOnePerMinute() {
        MinuteAggregator fast = new MinuteAggregator();
        List<double[]> handedOn = new ArrayList<>();
        long t0 = 10 * MINUTE;
        for (int s = 0; s < 150; s++) { // 2.5 minutes: values 0..59, 60..119, 120..149
            fast.accept(t0 + s * SECOND, s, (ts, v) -> handedOn.add(new double[]{ts, v}));
        }
        assertThat(handedOn).hasSize(2);
        assertThat(handedOn.get(0)).containsExactly(t0, 29.5);
        assertThat(handedOn.get(1)).containsExactly(t0 + MINUTE, 89.5);

        MinuteAggregator slow = new MinuteAggregator();
        List<double[]> each = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            slow.accept(t0 + m * MINUTE + 7 * SECOND, m, (ts, v) -> each.add(new double[]{ts, v}));
        }
        assertThat(each).as("the first reading waits for the rate to be known, the others are handed on as they come")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(each.get(each.size() - 1)).containsExactly(t0 + 4 * MINUTE + 7 * SECOND, 4.0);
    }

    @Test
    void oneHertzPumpIsScoredPerMinuteAndItsLastingPowerDropIsRaisedWhileAGeneratorIsScoredPerReading()
            throws Exception {
        long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        long dropStart = from + Duration.ofHours(20).plusSeconds(17).toMillis();
        long dropEnd = dropStart + Duration.ofHours(1).toMillis();
        long to = dropEnd + Duration.ofMinutes(30).toMillis();
        try (Database db = Database.inMemory("per-minute-" + System.nanoTime())) {
            SiteStore sites = new SiteStore(db);
            sites.saveSite(new Site("s", "Plant", Double.NaN, Double.NaN, "UTC", Double.NaN, false));
            sites.saveAsset(new Asset("s", "pump-1", "Pump", AssetKind.PUMP, Map.of(), false));
            sites.saveAsset(new Asset("s", "gen-1", "Generator", AssetKind.GENERATOR, Map.of(), false));
            assertThat(ShippedDefault.params(AssetKind.GENERATOR, "power_kw").alarmDelaySeconds())
                    .as("the generator's kind has no alarm delay").isZero();
            AnomalyStore anomalies = new AnomalyStore(db);
            long readings = 0;
            try (LiveDetection live = new LiveDetection(anomalies, new AlertService(db), new ReadingStore(db, sites),
                    null)) {
                Random noise = new Random(3);
                List<Reading> batch = new ArrayList<>();
                for (long t = from; t < to; t += SECOND) {
                    double pump = (t >= dropStart && t < dropEnd ? 5 : 10) + 0.2 * noise.nextGaussian();
                    batch.add(new Reading(t, "s", "pump-1", "power_kw", pump));
                    batch.add(new Reading(t, "s", "gen-1", "power_kw", 20 + 0.2 * noise.nextGaussian()));
                    readings++;
                    if (batch.size() >= 2000) {
                        live.onCommitted(batch);
                        batch.clear();
                    }
                }
                live.onCommitted(batch);
                assertThat(live.awaitIdle(Duration.ofSeconds(120))).isTrue();
                long closedMinutes = (to - SECOND - from) / MINUTE; // the minute of the last reading is still open
                assertThat(live.scoresOf(new SeriesKey("s", "pump-1", "power_kw"))).isEqualTo(closedMinutes);
                assertThat(live.scoresOf(new SeriesKey("s", "gen-1", "power_kw"))).isEqualTo(readings);
            }
            List<Anomaly> drops = anomalies.list("s").stream()
                    .filter(a -> a.assetId().equals("pump-1") && a.startMillis() < dropEnd
                            && a.endMillis() >= dropStart)
                    .toList();
            assertThat(drops).as("pump anomalies during the drop").isNotEmpty();
            Anomaly first = drops.get(0);
            assertThat(first.startMillis() % MINUTE).as("starts at a minute's start").isZero();
            assertThat(first.startMillis()).isBetween(dropStart - MINUTE, dropStart + 10 * MINUTE);
            assertThat(first.value()).as("a minute's mean").isCloseTo(5.0, within(1.0));
            assertThat(first.expectedValue()).as("what the detector expected of that minute").isGreaterThan(first.value());
        }
    }

    @Test
    void aPumpSeriesWithATrainedRunIsScoredPerReadingAtOneHertz(@TempDir Path dir) throws Exception {
        long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        long to = from + Duration.ofMinutes(10).toMillis();
        try (Database db = Database.inMemory("per-minute-trained-" + System.nanoTime())) {
            SiteStore sites = new SiteStore(db);
            sites.saveSite(new Site("s", "Plant", Double.NaN, Double.NaN, "UTC", Double.NaN, false));
            sites.saveAsset(new Asset("s", "pump-1", "Pump", AssetKind.PUMP, Map.of(), false));
            sites.saveAsset(new Asset("s", "pump-2", "Pump", AssetKind.PUMP, Map.of(), false));
            SeriesKey shipped = new SeriesKey("s", "pump-1", "power_kw");
            SeriesKey trained = new SeriesKey("s", "pump-2", "power_kw");
            // a run searched on pump-2's own readings (here: the kind's parameters, delay included) is active for it
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            DetectorParams own = ShippedDefault.params(AssetKind.PUMP, "power_kw");
            Path file = registry.nextArtifactPath(Training.KIND, trained.toString(), "json");
            own.write(file);
            registry.activate(registry.record(NewRun.trained(Training.KIND, trained.toString(), own.asMap(),
                    Map.of(), from, to, file)).id());
            long readings = 0;
            try (LiveDetection live = new LiveDetection(new AnomalyStore(db), new AlertService(db),
                    new ReadingStore(db, sites), registry)) {
                Random noise = new Random(5);
                List<Reading> batch = new ArrayList<>();
                for (long t = from; t < to; t += SECOND) {
                    batch.add(new Reading(t, "s", "pump-1", "power_kw", 10 + 0.2 * noise.nextGaussian()));
                    batch.add(new Reading(t, "s", "pump-2", "power_kw", 10 + 0.2 * noise.nextGaussian()));
                    readings++;
                }
                live.onCommitted(batch);
                assertThat(live.awaitIdle(Duration.ofSeconds(60))).isTrue();
                assertThat(live.scoresOf(shipped)).as("shipped parameters: per minute").isEqualTo(9);
                assertThat(live.scoresOf(trained)).as("its own trained run: per reading").isEqualTo(readings);
            }
        }
    }
}
