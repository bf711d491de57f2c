package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SolarModelTest {

    @Test
    void sunIsHighAtSolarNoonAndDownAtMidnight() {
        // equinox, on the equator at Greenwich: near-zenith sun at 12:00 UTC, none at 00:00
        long noon = LocalDateTime.of(2024, 3, 20, 12, 7).toEpochSecond(ZoneOffset.UTC);
        SolarGeometry.Irradiance ir = SolarGeometry.clearSky(0, 0, noon);
        assertThat(ir.ghi()).isBetween(900.0, 1100.0);
        assertThat(SolarGeometry.clearSky(0, 0, noon - 12 * 3600).ghi()).isZero();
        // southern winter in Newcastle NSW: the panel tilted north gets more than the horizontal
        long winterNoon = LocalDateTime.of(2011, 6, 21, 2, 0).toEpochSecond(ZoneOffset.UTC);
        SolarGeometry.Irradiance nsw = SolarGeometry.clearSky(-32.95, 151.72, winterNoon);
        assertThat(nsw.poa()).isGreaterThan(nsw.ghi());
    }

    @Test
    void learnsAPvSiteFromHistoryAndForecastsZeroAtNightAndNeverAboveCapacity() {
        SolarSite site = new SolarSite(-32.95, 151.72, 80);
        int days = 60;
        LocalDateTime start = LocalDateTime.of(2011, 1, 1, 0, 0);
        double[] v = new double[days * 24];
        Random rnd = new Random(5);
        double clear = 0.8;
        for (int d = 0; d < days; d++) {
            clear = Math.max(0.2, Math.min(1, 0.5 * clear + 0.5 * (0.4 + 0.6 * rnd.nextDouble())));
            for (int h = 0; h < 24; h++) {
                int i = d * 24 + h;
                long utc = start.plusHours(i).toEpochSecond(ZoneOffset.ofHours(10)) + 1800;
                double poa = SolarGeometry.clearSky(site.latitude(), site.longitude(), utc).poa() / 1000;
                v[i] = Math.min(80, 0.8 * site.capacityKw() * poa * clear);
            }
        }
        RegularSeries s = RegularSeries.of("pv_kw", start, Duration.ofHours(1), v);
        Forecast f = new Forecaster(ForecastOptions.defaults().withSolar(site, ZoneOffset.ofHours(10)))
                .forecast(s.head(s.size() - 24), 24);
        assertThat(f.model()).isEqualTo("solar");
        assertThat(f.components()).containsKeys("clearSky", "weather");
        double absErr = 0;
        for (int h = 0; h < 24; h++) {
            int hourOfDay = f.time(h).getHour();
            if (hourOfDay <= 3 || hourOfDay >= 21) {
                assertThat(f.predicted()[h]).as("night %s", f.time(h)).isZero();
                assertThat(f.upper95()[h]).isZero();
            }
            assertThat(f.upper95()[h]).isLessThanOrEqualTo(80);
            assertThat(f.lower95()[h]).isGreaterThanOrEqualTo(0);
            absErr += Math.abs(f.predicted()[h] - v[s.size() - 24 + h]);
        }
        // the day's energy is predicted within a few percent of capacity per hour on average
        assertThat(absErr / 24).isLessThan(0.06 * 80);
        assertThat((int) f.details().get("timingShiftMinutes")).isBetween(0, 60);
    }
}
