package ai.vidyut.console.detect;

import ai.vidyut.console.forecast.TimestampFormat;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every zone form that {@code vidyut forecast} reads is read by {@code vidyut detect} too, to the same instant. */
class TimestampsTest {

    private static final long MIDNIGHT_UTC = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Test
    void basicAndHourOnlyOffsetsAreRead() {
        assertThat(Timestamps.parse("2024-01-01T05:30:00+0530")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2024-01-01T05:30:00+05:30")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2024-01-01T05:00:00+05")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2023-12-31T19:00:00-0500")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2023-12-31T21:00-03")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2024-01-01 05:30:00.250+0530")).isEqualTo(MIDNIGHT_UTC + 250);
        assertThat(Timestamps.parse("2024-01-01 05:30:00 +0530")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2024-01-01T00:00:00Z")).isEqualTo(MIDNIGHT_UTC);
        assertThat(Timestamps.parse("2024-01-01T00:00:00+0000")).isEqualTo(MIDNIGHT_UTC);
        // the example: the same instant as the forecast parser gives
        assertThat(Timestamps.parse("2024-01-01T00:00:00+0530")).isEqualTo(MIDNIGHT_UTC - 19_800_000L);
    }

    @Test
    void agreesWithTheForecastParserOnEveryZoneStyle() {
        for (String s : new String[]{"2024-03-10T12:34:56+0530", "2024-03-10 12:34+05:30", "2024-03-10T12:34:56Z",
                "2024-03-10T12:34:56-0845", "2024-03-10T12:34:56"}) {
            TimestampFormat.Parsed p = TimestampFormat.parse(s);
            long expected = p.local().toInstant(p.offset() == null ? java.time.ZoneOffset.UTC : p.offset())
                    .toEpochMilli();
            assertThat(Timestamps.parse(s)).as(s).isEqualTo(expected);
        }
    }

    @Test
    void malformedOffsetsAreStillRejected() {
        for (String s : new String[]{"2024-01-01T00:00:00+5", "2024-01-01T00:00:00+053", "2024-01-01T00:00:00+05:3",
                "2024-01-01T00:00:00+1960", "2024-01-01T00:00:00+05300", "2024-01-01T00:00:00 X"}) {
            assertThatThrownBy(() -> Timestamps.parse(s)).as(s).isInstanceOf(RuntimeException.class);
        }
    }
}
