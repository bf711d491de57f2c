package ai.vidyut.console.store.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.regex.Pattern;

/**
 * Timestamps as they appear in CSV files and on the command line: ISO-8601 with {@code T} or a space between
 * date and time, with or without an offset or zone ({@code Z}, {@code +05:30}, {@code +0530},
 * {@code [Europe/Berlin]}), a bare date (midnight), or epoch milliseconds. A time without zone is read in the
 * given zone.
 */
public final class Timestamps {

    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,19}");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final DateTimeFormatter OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").toFormatter().withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Epoch milliseconds of {@code text}.
     *
     * @throws IllegalArgumentException with a message fit for a user, naming the accepted forms
     */
    public static long parse(String text, ZoneId zoneForLocalTimes) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("missing timestamp");
        }
        long fast = fastIso(s, zoneForLocalTimes);
        if (fast != NO_MATCH) {
            return fast;
        }
        if (DIGITS.matcher(s).matches()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw bad(s);
            }
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(zoneForLocalTimes).toInstant().toEpochMilli();
            }
            if (s.length() > 10 && s.charAt(10) == ' ') {
                s = s.substring(0, 10) + 'T' + s.substring(11).trim();
            }
            if (s.length() > 19) {
                s = COMPACT_OFFSET.matcher(s).replaceFirst("$1:$2");
            }
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
            ZoneId zone = t.query(TemporalQueries.zone());
            Instant instant = zone != null ? ZonedDateTime.from(t).toInstant()
                    : LocalDateTime.from(t).atZone(zoneForLocalTimes).toInstant();
            return instant.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw bad(text.trim());
        }
    }

    private static final long NO_MATCH = Long.MIN_VALUE;

    /**
     * The common shapes ({@code 2026-03-01T10:15:00[.250][Z|+05:30|+0530]}, 'T' or space) without a formatter,
     * which is several times slower and dominates a CSV import otherwise. Anything else, including invalid
     * dates, returns {@link #NO_MATCH} and goes through the general path (which then explains the problem).
     */
    private static long fastIso(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NO_MATCH;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59
                || second > 59) {
            return NO_MATCH;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return NO_MATCH;
            }
            for (int k = len; k < 3; k++) {
                millis *= 10;
            }
        }
        long local = (LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second)
                * 1_000 + millis;
        if (i == n) {
            if (zone instanceof ZoneOffset offset) {
                return local - offset.getTotalSeconds() * 1_000L;
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).atZone(zone)
                    .toInstant().toEpochMilli();
        }
        char c = s.charAt(i);
        if (c == 'Z' && i == n - 1) {
            return local;
        }
        if ((c == '+' || c == '-') && (n - i == 6 && s.charAt(i + 3) == ':' || n - i == 5)) {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, n - 2, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return NO_MATCH;
            }
            long offsetMillis = (oh * 3_600L + om * 60L) * 1_000;
            return c == '+' ? local - offsetMillis : local + offsetMillis;
        }
        return NO_MATCH;
    }

    /** The non-negative number in {@code s[from, from+len)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static IllegalArgumentException bad(String s) {
        return new IllegalArgumentException("bad timestamp '" + s + "' (expected ISO-8601 like 2026-03-01T10:15:00Z "
                + "or 2026-03-01 10:15:00, or epoch milliseconds)");
    }

    /** ISO-8601 in UTC with milliseconds, e.g. {@code 2026-03-01T10:15:00.250Z}. */
    public static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }
}
