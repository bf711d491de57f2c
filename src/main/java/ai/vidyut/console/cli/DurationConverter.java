package ai.vidyut.console.cli;

import picocli.CommandLine;

import java.time.Duration;

/** Parses {@code 45s}, {@code 10m}, {@code 2h} (an integer with suffix s, m or h). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.length() < 2) {
            throw bad(value);
        }
        long n;
        try {
            n = Long.parseLong(v.substring(0, v.length() - 1));
        } catch (NumberFormatException e) {
            throw bad(value);
        }
        if (n < 0) {
            throw bad(value);
        }
        return switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw bad(value);
        };
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration: use a whole number with s, m or h (45s, 10m, 2h)");
    }
}
