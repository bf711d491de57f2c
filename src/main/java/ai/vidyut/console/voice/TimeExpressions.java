package ai.vidyut.console.voice;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spoken time expressions: "today", "tomorrow", "yesterday", "this week", "last month", "three pm",
 * "three thirty pm", "noon", "in five minutes", "in an hour", "the next six hours", "the last two days".
 * A range resolves to {@code from}/{@code to}, a moment to {@code at}, in the site's time zone.
 */
final class TimeExpressions {

    static final Set<String> UNITS = Set.of("minute", "minutes", "hour", "hours", "day", "days", "week", "weeks");

    private TimeExpressions() {
    }

    /** A time expression found in the tokens: how many tokens it took and its entity value. */
    record Match(int length, Map<String, Object> entity) {
    }

    static Match parse(List<String> t, int i, ZonedDateTime now) {
        String w = t.get(i);
        ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS);
        switch (w) {
            case "today":
                return range(1, "today", today, today.plusDays(1));
            case "tonight":
                return range(1, "tonight", today.withHour(18), today.plusDays(1));
            case "tomorrow":
                return range(1, "tomorrow", today.plusDays(1), today.plusDays(2));
            case "yesterday":
                return range(1, "yesterday", today.minusDays(1), today);
            case "noon":
                return at(1, "noon", next(now, LocalTime.NOON));
            case "midnight":
                return at(1, "midnight", next(now, LocalTime.MIDNIGHT));
            default:
                break;
        }
        if ((w.equals("this") || w.equals("last") || w.equals("next")) && i + 1 < t.size()) {
            String unit = t.get(i + 1);
            int shift = w.equals("this") ? 0 : w.equals("last") ? -1 : 1;
            if (unit.equals("week")) {
                ZonedDateTime monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
                return range(2, w + " week", monday, monday.plusWeeks(1));
            }
            if (unit.equals("month")) {
                ZonedDateTime first = today.withDayOfMonth(1).plusMonths(shift);
                return range(2, w + " month", first, first.plusMonths(1));
            }
            if (unit.equals("morning") && shift == 0) {
                return range(2, "this morning", today.withHour(6), today.withHour(12));
            }
            if (unit.equals("afternoon") && shift == 0) {
                return range(2, "this afternoon", today.withHour(12), today.withHour(18));
            }
            if (unit.equals("evening") && shift == 0) {
                return range(2, "this evening", today.withHour(18), today.plusDays(1));
            }
        }
        // "the next six hours", "next hour", "the last two days", "the past 24 hours", "the coming week"
        int j = i;
        if (w.equals("the")) {
            j++;
        }
        if (j < t.size() && Set.of("next", "last", "past", "coming", "following").contains(t.get(j))) {
            boolean past = t.get(j).equals("last") || t.get(j).equals("past");
            int k = j + 1;
            int amount = 1;
            SpokenNumbers.Match n = SpokenNumbers.parse(t, k);
            if (n != null) {
                amount = n.value();
                k += n.length();
            }
            if (k < t.size() && UNITS.contains(t.get(k)) && amount > 0) {
                ChronoUnit unit = unit(t.get(k));
                String text = String.join(" ", t.subList(i, k + 1));
                ZonedDateTime base = now.truncatedTo(ChronoUnit.SECONDS);
                Duration d = unit.getDuration().multipliedBy(amount);
                return past ? range(k + 1 - i, text, base.minus(d), base) : range(k + 1 - i, text, base, base.plus(d));
            }
        }
        // "in five minutes", "in an hour", "in half an hour"
        if (w.equals("in") && i + 1 < t.size()) {
            int k = i + 1;
            long minutes;
            if (t.get(k).equals("half") && k + 2 < t.size() && t.get(k + 1).equals("an") && t.get(k + 2).equals("hour")) {
                return at(4, "in half an hour", now.truncatedTo(ChronoUnit.SECONDS).plusMinutes(30));
            }
            int amount;
            if (t.get(k).equals("a") || t.get(k).equals("an")) {
                amount = 1;
                k++;
            } else {
                SpokenNumbers.Match n = SpokenNumbers.parse(t, k);
                if (n == null) {
                    return null;
                }
                amount = n.value();
                k += n.length();
            }
            if (k < t.size() && UNITS.contains(t.get(k))) {
                minutes = unit(t.get(k)).getDuration().toMinutes() * amount;
                String text = String.join(" ", t.subList(i, k + 1));
                return at(k + 1 - i, text, now.truncatedTo(ChronoUnit.SECONDS).plusMinutes(minutes));
            }
            return null;
        }
        // "three pm", "three thirty pm", "3:30 pm", "seven o clock", "15:00"
        if (w.matches("\\d{1,2}:\\d{2}")) {
            int h = Integer.parseInt(w.substring(0, w.indexOf(':')));
            int m = Integer.parseInt(w.substring(w.indexOf(':') + 1));
            int len = 1;
            if (i + 1 < t.size() && (t.get(i + 1).equals("am") || t.get(i + 1).equals("pm"))) {
                h = to24(h, t.get(i + 1));
                len = 2;
            }
            if (h < 24 && m < 60) {
                return at(len, String.join(" ", t.subList(i, i + len)), next(now, LocalTime.of(h, m)));
            }
            return null;
        }
        SpokenNumbers.Match hour = SpokenNumbers.parse(t, i);
        if (hour != null && hour.value() >= 1 && hour.value() <= 12) {
            int k = i + hour.length();
            int minute = 0;
            SpokenNumbers.Match min = SpokenNumbers.parse(t, k);
            if (min != null && min.value() >= 10 && min.value() < 60) {
                minute = min.value();
                k += min.length();
            }
            if (k < t.size() && (t.get(k).equals("am") || t.get(k).equals("pm"))) {
                int h = to24(hour.value(), t.get(k));
                return at(k + 1 - i, String.join(" ", t.subList(i, k + 1)), next(now, LocalTime.of(h, minute)));
            }
            int clockWords = k + 1 < t.size() && t.get(k).equals("o") && t.get(k + 1).equals("clock") ? 2
                    : k < t.size() && t.get(k).equals("oclock") ? 1 : 0;
            if (minute == 0 && clockWords > 0) {
                ZonedDateTime morning = next(now, LocalTime.of(hour.value() % 12, 0));
                ZonedDateTime afternoon = next(now, LocalTime.of(hour.value() % 12 + 12, 0));
                return at(k + clockWords - i, String.join(" ", t.subList(i, k + clockWords)),
                        morning.isBefore(afternoon) ? morning : afternoon);
            }
        }
        return null;
    }

    private static int to24(int h, String ampm) {
        if (ampm.equals("am")) {
            return h == 12 ? 0 : h;
        }
        return h == 12 ? 12 : h + 12;
    }

    private static ChronoUnit unit(String word) {
        if (word.startsWith("minute")) {
            return ChronoUnit.MINUTES;
        }
        if (word.startsWith("hour")) {
            return ChronoUnit.HOURS;
        }
        if (word.startsWith("day")) {
            return ChronoUnit.DAYS;
        }
        return ChronoUnit.WEEKS;
    }

    /** The next time the clock shows {@code time} (today if still ahead, else tomorrow). */
    private static ZonedDateTime next(ZonedDateTime now, LocalTime time) {
        ZonedDateTime candidate = now.with(time).truncatedTo(ChronoUnit.MINUTES);
        return candidate.isBefore(now) ? candidate.plusDays(1) : candidate;
    }

    private static Match range(int length, String text, ZonedDateTime from, ZonedDateTime to) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("text", text);
        e.put("from", iso(from));
        e.put("to", iso(to));
        return new Match(length, e);
    }

    private static Match at(int length, String text, ZonedDateTime at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("text", text);
        e.put("at", iso(at));
        return new Match(length, e);
    }

    static String iso(ZonedDateTime t) {
        return t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The default window of a query without a time: today for energy, the next 24 hours for forecasts. */
    static Map<String, Object> today(ZonedDateTime now) {
        return parse(List.of("today"), 0, now).entity();
    }

    static Map<String, Object> next24Hours(ZonedDateTime now) {
        return parse(List.of("the", "next", "24", "hours"), 0, now).entity();
    }

    static ZonedDateTime now(java.time.Clock clock, ZoneId zone) {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    static LocalDate date(ZonedDateTime t) {
        return t.toLocalDate();
    }
}
