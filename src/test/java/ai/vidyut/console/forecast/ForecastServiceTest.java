package ai.vidyut.console.forecast;

import ai.vidyut.console.registry.ModelRegistry;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastServiceTest {

    @Test
    void forecastsAStoredSeriesAndRefreshesWhenNewReadingsAreCommitted(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            RegularSeries synthetic = Synthetic.series(40, 5, 7);
            Instant t0 = Synthetic.START.toInstant(ZoneOffset.UTC);
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < synthetic.size(); i++) {
                // two readings per hour (at :00 and :30) averaged onto the hourly grid
                long ms = t0.plus(Duration.ofHours(i)).toEpochMilli();
                readings.add(new Reading(ms, "site-1", "meter", "power_kw", synthetic.value(i) - 1));
                readings.add(new Reading(ms + 1_800_000, "site-1", "meter", "power_kw", synthetic.value(i) + 1));
            }
            store.append(readings);
            Instant now = t0.plus(Duration.ofHours(synthetic.size()));
            ModelRegistry registry = new ModelRegistry(db, dir.resolve("models"));
            SeriesKey key = new SeriesKey("site-1", "meter", "power_kw");
            try (ForecastService service = new ForecastService(store, registry, Clock.fixed(now, ZoneOffset.UTC),
                    Duration.ZERO)) {
                List<ForecastService.Result> seen = new CopyOnWriteArrayList<>();
                service.addListener(seen::add);
                ForecastService.Result r = service.watch(ForecastService.Request.hourly(key, ZoneId.of("UTC")))
                        .get(60, TimeUnit.SECONDS);
                assertThat(r.history().size()).isEqualTo(synthetic.size());
                assertThat(r.history().value(5)).isCloseTo(synthetic.value(5), org.assertj.core.data.Offset.offset(1e-9));
                assertThat(r.forecast().size()).isEqualTo(24);
                assertThat(r.instant(r.forecast().time(0))).isEqualTo(now);
                for (int h = 0; h < 24; h++) {
                    assertThat(r.forecast().predicted()[h]).isCloseTo(Synthetic.trend(synthetic.size() + h)
                            + Synthetic.daily(synthetic.size() + h) + Synthetic.weekly(synthetic.size() + h),
                            org.assertj.core.data.Offset.offset(40.0));
                }
                assertThat(registry.runs("forecast", key.toString())).hasSize(1);
                // a second request on the same series (another horizon) is watched alongside the first
                ForecastService.Request sixHours = new ForecastService.Request(key, Duration.ofHours(1), 6,
                        ZoneId.of("UTC"), 400, ForecastOptions.defaults());
                assertThat(service.watch(sixHours).get(60, TimeUnit.SECONDS).forecast().size()).isEqualTo(6);

                long ms = now.toEpochMilli();
                List<Reading> batch = List.of(new Reading(ms, "site-1", "meter", "power_kw", 1000));
                store.append(batch);
                service.onCommitted(batch);
                service.onCommitted(List.of(new Reading(ms, "site-1", "other", "power_kw", 1))); // not watched
                long deadline = System.currentTimeMillis() + 60_000;
                while (seen.size() < 4 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(seen).hasSize(4);
                assertThat(seen.subList(2, 4)).extracting(x -> x.request().horizon()).containsExactlyInAnyOrder(24, 6);
                assertThat(service.latest(key)).isPresent();
            }
        }
    }
}
