package ai.vidyut.console.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country's public holidays as rules (fixed date with an observed-day rule, n-th weekday of a month, explicit
 * dates), so that any year can be asked for. {@code offDay} holidays are days off (they take the weekend's daily
 * shape in the models); others (e.g. Christmas Eve) only get their own level effect.
 */
public final class HolidayCalendar {

    /** When a fixed-date holiday falls on a weekend, which day is taken off instead. */
    public enum Observed {
        /** No substitute day (e.g. India's national holidays). */
        NONE,
        /** US federal rule (5 U.S.C. 6103): Saturday → the Friday before, Sunday → the Monday after. */
        NEAREST_WEEKDAY,
        /** Sunday → the Monday after; Saturday stays. */
        SUNDAY_TO_MONDAY
    }

    /** One holiday occurrence. {@code observedFor} is the actual date when this is a substitute day, else null. */
    public record Holiday(LocalDate date, String name, boolean offDay, LocalDate observedFor) {
    }

    /** A rule giving a holiday's date(s) in a year. */
    @FunctionalInterface
    public interface Rule {
        List<Holiday> occurrences(int year);
    }

    private final String id;
    private final List<Rule> rules;
    private final Map<Integer, Map<LocalDate, List<Holiday>>> byYear = new ConcurrentHashMap<>();

    public HolidayCalendar(String id, List<Rule> rules) {
        this.id = id;
        this.rules = List.copyOf(rules);
    }

    public String id() {
        return id;
    }

    public static HolidayCalendar none() {
        return new HolidayCalendar("none", List.of());
    }

    /** {@code US}, {@code IN} or {@code none} (case-insensitive). */
    public static HolidayCalendar forCountry(String code) {
        return switch (code == null ? "none" : code.toUpperCase(Locale.ROOT)) {
            case "US", "USA" -> unitedStates();
            case "IN", "IND" -> india();
            case "NONE", "" -> none();
            default -> throw new IllegalArgumentException("unknown holiday calendar '" + code + "' (use US, IN or none)");
        };
    }

    /** US federal holidays with the federal observed-day rule, plus the grid-relevant eves (not days off). */
    public static HolidayCalendar unitedStates() {
        List<Rule> r = new ArrayList<>();
        r.add(fixed("New Year's Day", Month.JANUARY, 1, Observed.NEAREST_WEEKDAY, 0));
        r.add(nthWeekday("Martin Luther King Jr. Day", Month.JANUARY, DayOfWeek.MONDAY, 3, 1986));
        r.add(nthWeekday("Washington's Birthday", Month.FEBRUARY, DayOfWeek.MONDAY, 3, 0));
        r.add(nthWeekday("Memorial Day", Month.MAY, DayOfWeek.MONDAY, -1, 0));
        r.add(fixed("Juneteenth", Month.JUNE, 19, Observed.NEAREST_WEEKDAY, 2021));
        r.add(fixed("Independence Day", Month.JULY, 4, Observed.NEAREST_WEEKDAY, 0));
        r.add(nthWeekday("Labor Day", Month.SEPTEMBER, DayOfWeek.MONDAY, 1, 0));
        r.add(nthWeekday("Columbus Day", Month.OCTOBER, DayOfWeek.MONDAY, 2, 0));
        r.add(fixed("Veterans Day", Month.NOVEMBER, 11, Observed.NEAREST_WEEKDAY, 0));
        r.add(nthWeekday("Thanksgiving", Month.NOVEMBER, DayOfWeek.THURSDAY, 4, 0));
        r.add(fixed("Christmas Day", Month.DECEMBER, 25, Observed.NEAREST_WEEKDAY, 0));
        r.add(year -> List.of(new Holiday(LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1),
                "Day after Thanksgiving", false, null)));
        r.add(year -> List.of(new Holiday(LocalDate.of(year, 12, 24), "Christmas Eve", false, null)));
        r.add(year -> List.of(new Holiday(LocalDate.of(year, 12, 31), "New Year's Eve", false, null)));
        return new HolidayCalendar("US", r);
    }

    /**
     * India: the three national holidays (Republic Day, Independence Day, Gandhi Jayanti; by the Negotiable
     * Instruments Act they are not moved when they fall on a weekend), Christmas, and Holi and Diwali dated from the
     * lunar calendar (full moon of Phalguna, new moon of Ashvin/Kartika, computed astronomically for IST; a state
     * calendar may differ by a day in some years).
     */
    public static HolidayCalendar india() {
        List<Rule> r = new ArrayList<>();
        r.add(fixed("Republic Day", Month.JANUARY, 26, Observed.NONE, 1950));
        r.add(fixed("Independence Day", Month.AUGUST, 15, Observed.NONE, 1947));
        r.add(fixed("Gandhi Jayanti", Month.OCTOBER, 2, Observed.NONE, 1948));
        r.add(fixed("Christmas Day", Month.DECEMBER, 25, Observed.NONE, 0));
        r.add(year -> List.of(new Holiday(LunarDates.holi(year), "Holi", true, null)));
        r.add(year -> List.of(new Holiday(LunarDates.diwali(year), "Diwali", true, null)));
        return new HolidayCalendar("IN", r);
    }

    public static Rule fixed(String name, Month month, int day, Observed rule, int sinceYear) {
        return year -> {
            if (year < sinceYear) {
                return List.of();
            }
            LocalDate actual = LocalDate.of(year, month, day);
            LocalDate observed = observedDay(actual, rule);
            if (observed.equals(actual)) {
                return List.of(new Holiday(actual, name, true, null));
            }
            return List.of(new Holiday(actual, name, true, null),
                    new Holiday(observed, name + " (observed)", true, actual));
        };
    }

    public static LocalDate observedDay(LocalDate actual, Observed rule) {
        DayOfWeek d = actual.getDayOfWeek();
        return switch (rule) {
            case NONE -> actual;
            case NEAREST_WEEKDAY -> d == DayOfWeek.SATURDAY ? actual.minusDays(1)
                    : d == DayOfWeek.SUNDAY ? actual.plusDays(1) : actual;
            case SUNDAY_TO_MONDAY -> d == DayOfWeek.SUNDAY ? actual.plusDays(1) : actual;
        };
    }

    /** {@code n}-th given weekday of the month; {@code n = -1} means the last one. */
    public static Rule nthWeekday(String name, Month month, DayOfWeek dow, int n, int sinceYear) {
        return year -> {
            if (year < sinceYear) {
                return List.of();
            }
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date = n > 0 ? first.with(TemporalAdjusters.dayOfWeekInMonth(n, dow))
                    : first.with(TemporalAdjusters.lastInMonth(dow));
            return List.of(new Holiday(date, name, true, null));
        };
    }

    /** A calendar with extra explicit holidays (e.g. read from a file), all days off. */
    public HolidayCalendar with(Map<LocalDate, String> extra) {
        List<Rule> r = new ArrayList<>(rules);
        Map<LocalDate, String> copy = new TreeMap<>(extra);
        r.add(year -> copy.entrySet().stream().filter(e -> e.getKey().getYear() == year)
                .map(e -> new Holiday(e.getKey(), e.getValue(), true, null)).toList());
        return new HolidayCalendar(id + "+custom", r);
    }

    private Map<LocalDate, List<Holiday>> year(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Map<LocalDate, List<Holiday>> m = new TreeMap<>();
            // A substitute day can fall in the neighbouring year (1 Jan on a Saturday → 31 Dec before).
            for (int yy = y - 1; yy <= y + 1; yy++) {
                for (Rule rule : rules) {
                    for (Holiday h : rule.occurrences(yy)) {
                        if (h.date().getYear() == y) {
                            m.computeIfAbsent(h.date(), k -> new ArrayList<>()).add(h);
                        }
                    }
                }
            }
            return m;
        });
    }

    public List<Holiday> on(LocalDate date) {
        return year(date.getYear()).getOrDefault(date, Collections.emptyList());
    }

    public boolean isOffDay(LocalDate date) {
        for (Holiday h : on(date)) {
            if (h.offDay()) {
                return true;
            }
        }
        return false;
    }

    public List<Holiday> holidays(int year) {
        List<Holiday> out = new ArrayList<>();
        year(year).values().forEach(out::addAll);
        return out;
    }

    /** Distinct base names of the calendar's holidays (an observed day counts as its holiday). */
    public Set<String> names(int fromYear, int toYear) {
        Set<String> names = new LinkedHashSet<>();
        for (int y = fromYear; y <= toYear; y++) {
            for (Holiday h : holidays(y)) {
                names.add(baseName(h));
            }
        }
        return names;
    }

    public static String baseName(Holiday h) {
        return h.observedFor() == null ? h.name() : h.name().replace(" (observed)", "");
    }

    public Optional<Holiday> first(LocalDate date) {
        List<Holiday> l = on(date);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }
}
