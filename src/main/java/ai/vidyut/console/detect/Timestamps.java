package ai.vidyut.console.detect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps the CLI accepts: epoch milliseconds, or ISO-8601 with {@code T} or a space between date
 * and time, with or without a zone (no zone = UTC).
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
