package ai.vidyut.console.forecast;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written form of an ISO-8601 timestamp as found in an input file (date-time separator {@code T} or a space,
 * with or without seconds, with or without a zone {@code Z}/{@code +hh:mm}/{@code +hhmm}), so that forecasts can be
 * written back in the same form.
 */
public record TimestampFormat(char separator, boolean seconds, ZoneStyle zoneStyle) {

    /** How (and whether) the zone was written. */
    public enum ZoneStyle { NONE, Z, COLON, COMPACT }

    /** A parsed timestamp: the wall-clock time as written and its offset (null when none was written). */
    public record Parsed(LocalDateTime local, ZoneOffset offset, TimestampFormat format) {
    }

    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})([T ])(\\d{2}:\\d{2})(:\\d{2}(?:\\.\\d{1,9})?)?\\s*(Z|[+-]\\d{2}:\\d{2}|[+-]\\d{4})?$");

    public static Parsed parse(String text) {
        String s = text.strip();
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp: '" + text + "'");
        }
        String sec = m.group(4) == null ? ":00" : m.group(4);
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(m.group(1) + "T" + m.group(3) + sec);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid date-time: '" + text + "'");
        }
        String zone = m.group(5);
        ZoneStyle style;
        ZoneOffset offset;
        if (zone == null) {
            style = ZoneStyle.NONE;
            offset = null;
        } else if (zone.equals("Z")) {
            style = ZoneStyle.Z;
            offset = ZoneOffset.UTC;
        } else if (zone.contains(":")) {
            style = ZoneStyle.COLON;
            offset = ZoneOffset.of(zone);
        } else {
            style = ZoneStyle.COMPACT;
            offset = ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
        }
        return new Parsed(local, offset, new TimestampFormat(m.group(2).charAt(0), m.group(4) != null, style));
    }

    public String format(LocalDateTime local, ZoneOffset offset) {
        String body = local.format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd'" + separator + "'HH:mm" + (seconds ? ":ss" : "")));
        if (zoneStyle == ZoneStyle.NONE || offset == null) {
            return body;
        }
        return switch (zoneStyle) {
            case Z -> offset.getTotalSeconds() == 0 ? body + "Z" : body + offset.getId();
            case COLON -> body + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
            case COMPACT -> body + (offset.getTotalSeconds() == 0 ? "+0000" : offset.getId().replace(":", ""));
            case NONE -> body;
        };
    }
}
