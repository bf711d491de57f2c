package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTest {

    private final HolidayCalendar us = HolidayCalendar.unitedStates();
    private final HolidayCalendar in = HolidayCalendar.india();

    private static boolean named(HolidayCalendar c, LocalDate d, String name) {
        return c.on(d).stream().anyMatch(h -> h.name().equals(name));
    }

    @Test
    void usObservedDayRuleMovesSaturdayToFridayAndSundayToMonday() {
        // 4 July 2020 was a Saturday: observed Friday 3 July
        assertThat(named(us, LocalDate.of(2020, 7, 3), "Independence Day (observed)")).isTrue();
        assertThat(us.isOffDay(LocalDate.of(2020, 7, 3))).isTrue();
        // 4 July 2021 was a Sunday: observed Monday 5 July
        assertThat(named(us, LocalDate.of(2021, 7, 5), "Independence Day (observed)")).isTrue();
        // 1 January 2022 was a Saturday: observed Friday 31 December 2021, in the previous year
        assertThat(named(us, LocalDate.of(2021, 12, 31), "New Year's Day (observed)")).isTrue();
        // Christmas 2022 on a Sunday → Monday 26 December
        assertThat(named(us, LocalDate.of(2022, 12, 26), "Christmas Day (observed)")).isTrue();
        // a weekday holiday is not duplicated
        assertThat(us.on(LocalDate.of(2024, 7, 4))).hasSize(1);
    }

    @Test
    void usFloatingHolidays() {
        assertThat(named(us, LocalDate.of(2024, 1, 15), "Martin Luther King Jr. Day")).isTrue();
        assertThat(named(us, LocalDate.of(2024, 5, 27), "Memorial Day")).isTrue();
        assertThat(named(us, LocalDate.of(2024, 9, 2), "Labor Day")).isTrue();
        assertThat(named(us, LocalDate.of(2024, 11, 28), "Thanksgiving")).isTrue();
        assertThat(named(us, LocalDate.of(2024, 11, 29), "Day after Thanksgiving")).isTrue();
        assertThat(us.isOffDay(LocalDate.of(2024, 11, 29))).isFalse();
        // Juneteenth exists from 2021; 19 June 2022 was a Sunday → Monday 20 June
        assertThat(us.on(LocalDate.of(2019, 6, 19))).isEmpty();
        assertThat(named(us, LocalDate.of(2022, 6, 20), "Juneteenth (observed)")).isTrue();
        // 2023: eleven federal holidays; New Year's Day (Sunday) and Veterans Day (Saturday) also have observed days
        assertThat(us.holidays(2023).stream().filter(h -> h.offDay()).map(HolidayCalendar::baseName).distinct().count())
                .isEqualTo(11);
        assertThat(us.holidays(2023).stream().filter(h -> h.observedFor() != null).map(HolidayCalendar.Holiday::date))
                .containsExactlyInAnyOrder(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 11, 10));
    }

    @Test
    void indiaNationalHolidaysAreNotMovedAndLunarFestivalsAreDated() {
        // Republic Day 2025 fell on a Sunday and is not substituted
        assertThat(named(in, LocalDate.of(2025, 1, 26), "Republic Day")).isTrue();
        assertThat(in.on(LocalDate.of(2025, 1, 27))).isEmpty();
        assertThat(named(in, LocalDate.of(2024, 8, 15), "Independence Day")).isTrue();
        assertThat(named(in, LocalDate.of(2024, 10, 2), "Gandhi Jayanti")).isTrue();
        assertThat(LunarDates.diwali(2021)).isEqualTo(LocalDate.of(2021, 11, 4));
        assertThat(LunarDates.diwali(2022)).isEqualTo(LocalDate.of(2022, 10, 24));
        assertThat(LunarDates.diwali(2023)).isEqualTo(LocalDate.of(2023, 11, 12));
        assertThat(LunarDates.diwali(2024)).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(LunarDates.holi(2022)).isEqualTo(LocalDate.of(2022, 3, 18));
        assertThat(LunarDates.holi(2024)).isEqualTo(LocalDate.of(2024, 3, 25));
    }

    @Test
    void countryCodes() {
        assertThat(HolidayCalendar.forCountry("us").id()).isEqualTo("US");
        assertThat(HolidayCalendar.forCountry("IN").id()).isEqualTo("IN");
        assertThat(HolidayCalendar.forCountry("none").holidays(2024)).isEmpty();
        assertThatThrownBy(() -> HolidayCalendar.forCountry("XX")).hasMessageContaining("unknown holiday calendar");
    }
}
