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

    private static IllegalArgumentException bad(String s) {
        return new IllegalArgumentException("bad timestamp '" + s + "' (expected ISO-8601 like 2026-03-01T10:15:00Z "
                + "or 2026-03-01 10:15:00, or epoch milliseconds)");
    }

    /** ISO-8601 in UTC with milliseconds, e.g. {@code 2026-03-01T10:15:00.250Z}. */
    public static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }
}
