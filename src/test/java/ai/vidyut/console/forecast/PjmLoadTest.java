package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A short rolling-origin check on the real PJM East load (skipped when the shared datasets are absent). */
class PjmLoadTest {

    @Test
    void dayAheadForecastsOfRealLoadBeatSeasonalNaive() throws Exception {
        Path file = Path.of(System.getProperty("vidyut.shared.data", "../shared/data"),
                "pjm-east-load/pjme_hourly_2002_2016.csv");
        Assumptions.assumeTrue(Files.exists(file), "shared PJM dataset absent");
        RegularSeries s = SeriesCsv.read(file).series();
        // one week in spring 2014 (neither a development nor a benchmark window), origins at 23:00
        int[] origins = new int[7];
        for (int d = 0; d < 7; d++) {
            origins[d] = (int) Duration.between(s.start(), LocalDateTime.of(2014, 4, 6, 23, 0).plusDays(d)).toHours();
        }
        Backtester.Result r = Backtester.runAt(s, 24, origins,
                ForecastOptions.defaults().withCalendar(HolidayCalendar.unitedStates()));
        Accuracy.Accumulator naive = new Accuracy.Accumulator();
        for (int o : origins) {
            for (int h = 1; h <= 24; h++) {
                naive.add(s.value(o + h), s.value(o + h - 24), 0, 0);
            }
        }
        assertThat(r.accuracy().mape()).isLessThan(naive.result().mape()).isLessThan(7);
        assertThat(r.accuracy().coverage95()).isGreaterThan(75);
    }
}
