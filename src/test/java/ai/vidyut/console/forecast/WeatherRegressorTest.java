package ai.vidyut.console.forecast;

import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Live load forecasts try the site's stored ambient temperature as a regressor and keep it only if it helps. */
class WeatherRegressorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final long HOUR = 3_600_000L;

    @Test
    void aTemperatureDrivenLoadKeepsTheRegressorAndItsWeatherComponentIsNonZero(@TempDir Path dir) {
        int days = 70;
        Random rnd = new Random(11);
        List<Reading> readings = new ArrayList<>();
        double anomaly = 0;
        for (int d = 0; d < days; d++) {
            anomaly = 0.9 * anomaly + 2.5 * rnd.nextGaussian(); // warm and cold spells lasting days
            for (int h = 0; h < 24; h++) {
                long t = T0.toEpochMilli() + (d * 24L + h) * HOUR;
                double temp = 22 + 6 * Math.sin(2 * Math.PI * (h - 9) / 24) + anomaly + 0.3 * rnd.nextGaussian();
                double load = 500 + 60 * Math.sin(2 * Math.PI * (h - 6) / 24) + 6 * (temp - 22)
                        + 4 * rnd.nextGaussian();
                readings.add(new Reading(t, "w-1", "load-1", "power_kw", load));
                readings.add(new Reading(t, "w-1", "meter-1", "ambient_temperature_c", temp));
            }
        }
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            store.append(readings);
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            SeriesKey key = new SeriesKey("w-1", "load-1", "power_kw");
            Instant now = T0.plus(Duration.ofDays(days));
            try (ForecastService service = new ForecastService(store, registry, Clock.fixed(now, ZoneOffset.UTC),
                    Duration.ZERO)) {
                ForecastService.Result r = service.compute(ForecastService.Request.hourly(key, ZoneId.of("UTC")));
                ForecastService.WeatherChoice w = r.weather();
                assertThat(w.series()).isEqualTo("w-1/meter-1/ambient_temperature_c");
                assertThat(w.lagSteps()).isEqualTo(24);
                assertThat(w.used()).isTrue();
                assertThat(w.mapeWith()).isLessThan(w.mapeWithout());
                assertThat(r.forecast().details().get("regressorsUsed")).isEqualTo(true);
                assertThat(r.forecast().calibration().mape()).isEqualTo(w.mapeWith());
                double[] effect = r.forecast().components().get("weather");
                assertThat(java.util.Arrays.stream(effect).map(Math::abs).max().orElse(0)).isGreaterThan(1.0);
                ModelRun run = registry.runs("forecast", key.toString()).get(0);
                assertThat(run.params()).containsEntry("weatherRegressor", "w-1/meter-1/ambient_temperature_c")
                        .containsEntry("weatherRegressorUsed", true).containsKey("weatherBacktestMapeWithout");
            }
        }
    }

    @Test
    void onTheSimulatorsSiteTheBacktestDecidesAndTheRunRecordsIt(@TempDir Path dir) {
        SiteProfile profile = SiteProfile.standard(1);
        Instant end = Instant.parse("2026-06-01T00:00:00Z");
        List<Reading> readings = new SiteSimulator(profile, 5).readings(end.minus(Duration.ofDays(70)).toEpochMilli(),
                end.toEpochMilli(), HOUR);
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            store.append(readings);
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            SeriesKey key = new SeriesKey(profile.siteId(), SiteProfile.LOAD, "power_kw");
            try (ForecastService service = new ForecastService(store, registry, Clock.fixed(end, ZoneOffset.UTC),
                    Duration.ZERO)) {
                ForecastService.Result r = service.compute(ForecastService.Request.hourly(key, profile.zone()));
                ForecastService.WeatherChoice w = r.weather();
                assertThat(w.series()).isEqualTo(profile.siteId() + "/meter-1/ambient_temperature_c");
                assertThat(Double.isFinite(w.mapeWith()) && Double.isFinite(w.mapeWithout())).isTrue();
                // whichever is kept is the one with the lower backtest MAPE, and is what was forecast
                assertThat(w.used()).isEqualTo(w.mapeWith() <= w.mapeWithout());
                assertThat(r.forecast().calibration().mape()).isEqualTo(Math.min(w.mapeWith(), w.mapeWithout()));
                assertThat(r.forecast().details().get("regressorsUsed")).isEqualTo(w.used());
                ModelRun run = registry.runs("forecast", key.toString()).get(0);
                assertThat(run.params()).containsEntry("weatherRegressorUsed", w.used())
                        .containsEntry("weatherRegressorLagSteps", 24);
                // a PV forecast or a site without weather does not try it
                SeriesKey meterVolts = new SeriesKey(profile.siteId(), SiteProfile.GRID_METER, "voltage_v");
                assertThat(service.compute(ForecastService.Request.hourly(meterVolts, profile.zone())).weather()
                        .tried()).isFalse();
            }
        }
    }

    @Test
    void withTooLittleHistoryForABacktestTheRegressorIsNotUsedAndTheRunIsStillReadable(@TempDir Path dir) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 24 * 8; i++) {
            long t = T0.toEpochMilli() + i * HOUR;
            double temp = 22 + 6 * Math.sin(2 * Math.PI * (i % 24 - 9) / 24);
            readings.add(new Reading(t, "w-2", "load-1", "power_kw", 400 + 5 * temp));
            readings.add(new Reading(t, "w-2", "meter-1", "ambient_temperature_c", temp));
        }
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            store.append(readings);
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            SeriesKey key = new SeriesKey("w-2", "load-1", "power_kw");
            try (ForecastService service = new ForecastService(store, registry,
                    Clock.fixed(T0.plus(Duration.ofDays(8)), ZoneOffset.UTC), Duration.ZERO)) {
                ForecastService.WeatherChoice w = service.compute(ForecastService.Request.hourly(key,
                        ZoneId.of("UTC"))).weather();
                assertThat(w.tried()).isTrue();
                assertThat(w.used()).isFalse();
                assertThat(w.reason()).contains("backtest origins");
                // the registry's runs have no null parameters (they are copied into immutable maps when read)
                ModelRun run = registry.runs("forecast", key.toString()).get(0);
                assertThat(run.params()).containsEntry("weatherRegressorUsed", false)
                        .doesNotContainKey("weatherBacktestMapeWith");
            }
        }
    }
}
