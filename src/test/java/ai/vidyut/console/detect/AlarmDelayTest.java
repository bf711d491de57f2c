package ai.vidyut.console.detect;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.SeriesKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alarm on-delay of {@link AnomalyBuilder} and the shipped per-kind parameters that set it. */
class AlarmDelayTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 1440 * MINUTE;
    private final List<Anomaly> raised = new ArrayList<>();
    private final AnomalyBuilder builder = new AnomalyBuilder("s", "a", "power_kw",
            DetectorParams.shippedDefault().withThreshold(0.5).withAlarmDelay(600), 2, raised::add);
    private long t;
    private long step = MINUTE;

    private void feed(double value, boolean anomalous) {
        builder.accept(t, value, new SeriesDetector.Result(anomalous ? 0.9 : 0.1, anomalous,
                anomalous ? AnomalyType.SPIKE : null, 100, new double[0], 100));
        t += step;
    }

    /** A day of readings around 100 (a little noise), then an hour of readings around {@code level}. */
    private void normalDayThen(double level) {
        for (int i = 0; i < 1440; i++) {
            feed((i % 60 < 20 ? level : 100) + (i % 3 - 1) * 0.5, false);
        }
    }

    @Test
    void aShortExcursionThatComesBackIsDroppedAndALongOneRaisedFromItsFirstReading() {
        normalDayThen(100);
        long excursion = t;
        feed(40, true);
        feed(45, true);
        for (int i = 0; i < 30; i++) {
            feed(100 + (i % 3 - 1) * 0.5, false);
        }
        assertThat(raised).isEmpty();
        assertThat(builder.dropped()).isEqualTo(1);
        assertThat(builder.snapshot()).isNull();

        long fault = t;
        for (int i = 0; i < 12; i++) {
            feed(40, true);
            assertThat(builder.snapshot() != null).as("raised after %d readings", i + 1).isEqualTo(i >= 10);
        }
        for (int i = 0; i < 5; i++) {
            feed(100, false);
        }
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).startMillis()).isEqualTo(fault).isGreaterThan(excursion);
        assertThat(raised.get(0).readings()).isEqualTo(12);
    }

    @Test
    void aShortExcursionToANewLastingLevelIsRaisedButOneToWhereTheSeriesWasADayEarlierIsNot() {
        // a pump-like routine: 20 minutes of every hour at 160, else 100 — the first minutes of each 160 period
        normalDayThen(160);
        // same routine today: the detector flags the switch, the level after it is what the series read a day ago
        long switchOn = t - (t % (60 * MINUTE)) + 60 * MINUTE;
        while (t < switchOn) {
            feed(100, false);
        }
        feed(160, true);
        for (int i = 0; i < 15; i++) {
            feed(160, false);
        }
        assertThat(raised).as("daily routine").isEmpty();

        // now a drop to 60 that lasts, flagged only at its onset
        while (t < switchOn + 60 * MINUTE + 30 * MINUTE) {
            feed(100, false);
        }
        long drop = t;
        feed(60, true);
        boolean seen = false;
        for (int i = 0; i < 15; i++) {
            feed(60 + (i % 3 - 1) * 0.5, false);
            seen |= builder.snapshot() != null; // live detection stores it here, before it closes
            assertThat(builder.snapshot() == null || t - drop > 10 * MINUTE).as("not before the delay").isTrue();
        }
        assertThat(seen).as("raised once the delay has passed").isTrue();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).startMillis()).isEqualTo(drop);
    }

    @Test
    void atOneReadingASecondTheMorningStepOfYesterdayIsNotRaisedButANewStepIs() {
        step = 1000; // the demo's rate: a day is 86,400 readings, far more than the ring of readings holds
        long morning = 6 * 60 * MINUTE;
        for (int day = 0; day < 2; day++) {
            long midnight = day * DAY;
            // yesterday and today: idle at 0 until 06:00, then running at 15 (a pump's first start of the day)
            while (t < midnight + morning) {
                feed(noisy(0), false);
            }
            for (int i = 0; i < 12; i++) { // the detector flags the start for a few seconds, then learns it
                feed(noisy(15), true);
            }
            while (t < midnight + morning + 30 * MINUTE) {
                feed(noisy(15), false);
            }
            while (t < midnight + DAY) {
                feed(noisy(day == 0 ? 15 : 0), false); // today it stops at 06:30, which yesterday it did not
            }
        }
        assertThat(raised).as("yesterday's start was raised (no day before it); today's is the same step").hasSize(1);
        assertThat(raised.get(0).startMillis()).isEqualTo(morning);
        assertThat(builder.dropped()).isEqualTo(1);

        // a start at 14:00, when the day before stayed idle: a new step, raised once the delay has passed
        long newStart = 2 * DAY + 14 * 60 * MINUTE;
        while (t < newStart) {
            feed(noisy(0), false);
        }
        for (int i = 0; i < 12; i++) {
            feed(noisy(15), true);
        }
        while (t < newStart + 11 * MINUTE) {
            feed(noisy(15), false);
        }
        assertThat(raised).as("the new step").hasSize(2);
        assertThat(raised.get(1).startMillis()).isEqualTo(newStart);
    }

    private double noisy(double level) {
        return level + ((t / step) % 3 - 1) * 0.05;
    }

    @Test
    void liveDetectionAndTrainingStartFromTheDefaultsOfTheAssetsKind(@TempDir Path dir) {
        SiteProfile site = SiteProfile.standard(1);
        try (Database db = Database.open(dir)) {
            SiteStore sites = new SiteStore(db);
            sites.saveSite(site.site());
            site.assets().forEach(sites::saveAsset);
            sites.ensureAsset(site.siteId(), "gadget-1"); // discovered, kind unknown
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            assertThat(LiveDetection.active(registry, new SeriesKey(site.siteId(), SiteProfile.PUMP, "power_kw"))
                    .params().alarmDelaySeconds()).isEqualTo(600);
            assertThat(LiveDetection.active(registry, new SeriesKey(site.siteId(), "gadget-1", "power_kw"))
                    .params()).isEqualTo(DetectorParams.shippedDefault());
        }
    }

    @Test
    void metadataBesideTheOverridesNamesTheSameOverrides() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path overrides = Path.of(ShippedDefault.BY_KIND_PATH);
        JsonNode meta = json.readTree(Path.of(ShippedDefault.BY_KIND_PATH + ".json").toFile());
        assertThat(meta.get("artifact").asText()).isEqualTo(overrides.getFileName().toString());
        assertThat(meta.get("overrides")).isEqualTo(json.readTree(overrides.toFile()));
        assertThat(meta.get("produced").get("command").asText()).contains("bench/detect-false-alarms.sh");
    }

    @Test
    void noDelayRaisesAtTheFirstAnomalousReading() {
        AnomalyBuilder immediate = new AnomalyBuilder("s", "a", "power_kw", 0.5, 2, raised::add);
        immediate.accept(0, 40, new SeriesDetector.Result(0.9, true, AnomalyType.SPIKE, 100, new double[0], 100));
        assertThat(immediate.snapshot()).isNotNull();
    }

    @Test
    void shippedParametersSetTheDelayPerAssetKindAndLeaveOtherKindsAsDefaultJson() {
        DetectorParams base = DetectorParams.shippedDefault();
        assertThat(base.alarmDelaySeconds()).isZero();
        for (AssetKind kind : new AssetKind[]{AssetKind.PV_ARRAY, AssetKind.INVERTER, AssetKind.PUMP,
                AssetKind.BATTERY, AssetKind.METER, AssetKind.HVAC}) {
            DetectorParams p = ShippedDefault.params(kind, "power_kw");
            assertThat(p.alarmDelaySeconds()).as(kind.wireName()).isEqualTo(600);
            assertThat(p.withAlarmDelay(0)).as("only the delay differs for " + kind).isEqualTo(base);
        }
        assertThat(ShippedDefault.params(AssetKind.OTHER, "value")).isEqualTo(base);
        assertThat(ShippedDefault.params(AssetKind.TRANSFORMER, "power_kw")).isEqualTo(base);
    }
}
