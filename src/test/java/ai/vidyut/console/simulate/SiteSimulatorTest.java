package ai.vidyut.console.simulate;

import ai.vidyut.console.telemetry.Reading;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SiteSimulatorTest {

    private static final SiteProfile PUNE = SiteProfile.standard(1);     // 18.5° N, Asia/Kolkata
    private static final long DAY = 86_400_000L;
    private static final long MINUTE = 60_000L;
    private static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli(); // a Monday

    private static List<Reading> series(List<Reading> all, String asset, String metric) {
        return all.stream().filter(r -> r.assetId().equals(asset) && r.metric().equals(metric)).toList();
    }

    private static double mean(List<Reading> rs, Predicate<Reading> which) {
        return rs.stream().filter(which).mapToDouble(Reading::value).average().orElse(Double.NaN);
    }

    private static double localHour(Reading r) {
        ZonedDateTime t = Instant.ofEpochMilli(r.timestampMillis()).atZone(PUNE.zone());
        return t.getHour() + t.getMinute() / 60.0;
    }

    @Test
    void sameSeedSameReadingsOtherSeedOtherReadings() {
        List<Reading> a = new SiteSimulator(PUNE, 7).readings(START, START + DAY, 5 * MINUTE);
        List<Reading> b = new SiteSimulator(PUNE, 7).readings(START, START + DAY, 5 * MINUTE);
        List<Reading> c = new SiteSimulator(PUNE, 8).readings(START, START + DAY, 5 * MINUTE);
        assertThat(a).isEqualTo(b).hasSize(b.size());
        assertThat(a).isNotEqualTo(c);
        assertThat(a).allMatch(r -> Double.isFinite(r.value()));
    }

    @Test
    void pvFollowsTheSunForTheSitesLatitude() {
        List<Reading> week = new SiteSimulator(PUNE, 1).readings(START, START + 7 * DAY, 10 * MINUTE);
        List<Reading> pv = series(week, SiteProfile.PV, "power_kw");
        assertThat(mean(pv, r -> localHour(r) < 5 || localHour(r) > 20)).isZero();
        double noon = mean(pv, r -> localHour(r) >= 11.5 && localHour(r) <= 13.5);
        double morning = mean(pv, r -> localHour(r) >= 7.5 && localHour(r) <= 8.5);
        assertThat(noon).isGreaterThan(0.3 * PUNE.pvCapacityKw()).isGreaterThan(2 * morning);
        assertThat(pv).allMatch(r -> r.value() >= 0 && r.value() <= PUNE.pvCapacityKw());

        // Berlin (52.5° N) in December gets far less sun than in June.
        SiteProfile berlin = SiteProfile.standard(6);
        long dec = Instant.parse("2026-12-15T00:00:00Z").toEpochMilli();
        long jun = Instant.parse("2026-06-15T00:00:00Z").toEpochMilli();
        double winter = mean(series(new SiteSimulator(berlin, 1).readings(dec, dec + 3 * DAY, 15 * MINUTE),
                SiteProfile.PV, "irradiance_w_m2"), r -> true);
        double summer = mean(series(new SiteSimulator(berlin, 1).readings(jun, jun + 3 * DAY, 15 * MINUTE),
                SiteProfile.PV, "irradiance_w_m2"), r -> true);
        assertThat(summer).isGreaterThan(3 * winter);
    }

    @Test
    void loadHasADailyAndWeeklyShapeAndTheBatteryCyclesWithinLimits() {
        List<Reading> week = new SiteSimulator(PUNE, 3).readings(START, START + 7 * DAY, 10 * MINUTE);
        List<Reading> load = series(week, SiteProfile.LOAD, "power_kw");
        double weekdayDay = mean(load, r -> localHour(r) >= 10 && localHour(r) <= 16 && !weekend(r));
        double night = mean(load, r -> localHour(r) >= 1 && localHour(r) <= 4);
        double weekendDay = mean(load, r -> localHour(r) >= 10 && localHour(r) <= 16 && weekend(r));
        assertThat(weekdayDay).isGreaterThan(1.5 * night);
        assertThat(weekdayDay).isGreaterThan(1.3 * weekendDay);

        List<Reading> soc = series(week, SiteProfile.BATTERY, "soc_pct");
        assertThat(soc).allMatch(r -> r.value() >= 0 && r.value() <= 100);
        double min = soc.stream().mapToDouble(Reading::value).min().orElseThrow();
        double max = soc.stream().mapToDouble(Reading::value).max().orElseThrow();
        assertThat(max - min).as("battery actually cycles").isGreaterThan(30);

        List<Reading> freq = series(week, SiteProfile.GRID_METER, "frequency_hz");
        assertThat(freq).allMatch(r -> Math.abs(r.value() - 50) < 0.3);
        assertThat(mean(series(week, SiteProfile.GRID_METER, "voltage_v"), r -> true)).isCloseTo(230, within(5.0));

        List<Reading> invTemp = series(week, SiteProfile.INVERTER, "temperature_c");
        assertThat(mean(invTemp, r -> localHour(r) >= 12 && localHour(r) <= 14))
                .isGreaterThan(mean(invTemp, r -> localHour(r) >= 2 && localHour(r) <= 4) + 5);
    }

    private static boolean weekend(Reading r) {
        int dow = Instant.ofEpochMilli(r.timestampMillis()).atZone(PUNE.zone()).getDayOfWeek().getValue();
        return dow >= 6;
    }

    @Test
    void injectedFaultsShowInTheReadingsAndAreLabelled() {
        long f0 = START + DAY + 10 * 3_600_000L; // Tuesday 10:00 UTC (15:30 local: the pump runs)
        long f1 = f0 + 4 * 3_600_000L;
        List<Fault> faults = List.of(
                new Fault(SiteProfile.PUMP, FaultType.RISING_VIBRATION, f0, f1, 8),
                new Fault(SiteProfile.INVERTER, FaultType.OVERHEATING, f0, f1, 25),
                new Fault(SiteProfile.LOAD, FaultType.STUCK_SENSOR, f0, f1, 0),
                new Fault(SiteProfile.BATTERY, FaultType.OFFLINE, f0, f1, 0),
                new Fault(SiteProfile.PV, FaultType.POWER_DROP, f0, f1, 0.6));
        SiteSimulator faulty = new SiteSimulator(PUNE, 5, faults);
        SiteSimulator healthy = new SiteSimulator(PUNE, 5);
        List<Reading> bad = faulty.readings(START, START + 2 * DAY, MINUTE);
        List<Reading> good = healthy.readings(START, START + 2 * DAY, MINUTE);
        Predicate<Reading> late = r -> r.timestampMillis() >= f1 - 3_600_000L && r.timestampMillis() < f1;

        assertThat(series(bad, SiteProfile.BATTERY, "soc_pct")).noneMatch(r -> r.timestampMillis() >= f0 && r.timestampMillis() < f1);
        assertThat(series(bad, SiteProfile.LOAD, "power_kw").stream()
                .filter(r -> r.timestampMillis() >= f0 && r.timestampMillis() < f1).mapToDouble(Reading::value).distinct().count())
                .isEqualTo(1);
        assertThat(mean(series(bad, SiteProfile.PUMP, "vibration_mm_s"), late.and(r -> r.value() > 1)))
                .isGreaterThan(mean(series(good, SiteProfile.PUMP, "vibration_mm_s"), late.and(r -> r.value() > 1)) + 5);
        assertThat(mean(series(bad, SiteProfile.INVERTER, "temperature_c"), late))
                .isGreaterThan(mean(series(good, SiteProfile.INVERTER, "temperature_c"), late) + 20);
        assertThat(mean(series(bad, SiteProfile.PV, "power_kw"), late))
                .isCloseTo(0.4 * mean(series(good, SiteProfile.PV, "power_kw"), late), within(1.0));

        assertThat(faulty.faultActive(SiteProfile.PUMP, f0)).isTrue();
        assertThat(faulty.faultActive(SiteProfile.PUMP, f1)).isFalse();
        assertThat(faulty.faultActive(SiteProfile.GRID_METER, f0)).isFalse();
        // Outside the window the faulty site behaves exactly like the healthy one.
        assertThat(bad.stream().filter(r -> r.timestampMillis() < f0).toList())
                .isEqualTo(good.stream().filter(r -> r.timestampMillis() < f0).toList());
    }

    @Test
    void aMonthAtOneMinuteGeneratesFasterThanRealTime() {
        long t0 = System.nanoTime();
        List<Reading> month = new SiteSimulator(PUNE, 1).readings(START, START + 30 * DAY, MINUTE);
        assertThat(month).hasSize(30 * 1440 * 18);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMinutes(1));
    }
}
