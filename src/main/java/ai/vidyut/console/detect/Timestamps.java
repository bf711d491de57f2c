package ai.vidyut.console.detect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps the CLI accepts: epoch milliseconds, or ISO-8601 with {@code T} or a space between date
 * and time, with or without a zone ({@code Z}, {@code +05:30}, {@code +0530} or {@code +05}; no zone = UTC) — the
 * offsets {@code vidyut forecast} accepts too.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static long parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        if (isDigits(s)) {
            return Long.parseLong(s);
        }
        long fast = fastIso(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            if (iso.endsWith("Z") || hasOffset(iso)) {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            }
            if (iso.length() == 10) {
                return LocalDateTime.parse(iso + "T00:00:00").toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("unreadable timestamp '" + text
                        + "' (expected ISO-8601 or epoch milliseconds)");
            }
        }
    }

    /**
     * The common shapes {@code yyyy-MM-dd[T ]HH:mm[:ss[.fraction]][ ][Z|±HH:mm|±HHmm|±HH]} without the java.time parsers (a
     * million rows must parse in well under a second); anything else returns {@code Long.MIN_VALUE} and goes the
     * slow way.
     */
    static long fastIso(String s) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59) {
            return Long.MIN_VALUE;
        }
        int i = 16;
        int second = 0;
        int millis = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return Long.MIN_VALUE;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                i++;
                int scale = 100;
                int start = i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    millis += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                    i++;
                }
                if (i == start) {
                    return Long.MIN_VALUE;
                }
            }
        }
        long offsetMillis = 0;
        if (i < n - 1 && s.charAt(i) == ' ') {
            i++; // "2024-01-01 00:00:00 +05:30"
        }
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' && i == n - 1) {
                offsetMillis = 0;
            } else if (z == '+' || z == '-') {
                // ±HH:MM (extended), ±HHMM (basic) or ±HH, as java.time's OffsetDateTime.parse does not take the last two
                int oh = digits(s, i + 1, 2);
                int om;
                if (n - i == 6 && s.charAt(i + 3) == ':') {
                    om = digits(s, i + 4, 2);
                } else if (n - i == 5) {
                    om = digits(s, i + 3, 2);
                } else if (n - i == 3) {
                    om = 0;
                } else {
                    return Long.MIN_VALUE;
                }
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return Long.MIN_VALUE;
                }
                offsetMillis = (z == '+' ? 1 : -1) * (oh * 3_600_000L + om * 60_000L);
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return days * 86_400_000L + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis - offsetMillis;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigits(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        if (t < 0) {
            return false;
        }
        for (int i = t + 1; i < iso.length(); i++) {
            char c = iso.charAt(i);
            if (c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** Hour of day (UTC) of an epoch-millisecond time. */
    public static int hourOfDay(long millis) {
        return (int) (Math.floorMod(millis, 86_400_000L) / 3_600_000L);
    }

    /** Day of week, Monday = 0 … Sunday = 6 (UTC). 1970-01-01 was a Thursday. */
    public static int dayOfWeek(long millis) {
        return (int) Math.floorMod(Math.floorDiv(millis, 86_400_000L) + 3, 7L);
    }
}
