package ai.vidyut.console.store.csv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-03-01T10:15:00Z            | 2026-03-01T10:15:00Z",
            "2026-03-01T10:15:00.250Z        | 2026-03-01T10:15:00.250Z",
            "2026-03-01 10:15:00Z            | 2026-03-01T10:15:00Z",
            "2026-03-01T10:15:00+05:30       | 2026-03-01T04:45:00Z",
            "2026-03-01 10:15:00+0530        | 2026-03-01T04:45:00Z",
            "2026-03-01T10:15:00-02:00       | 2026-03-01T12:15:00Z",
            "2026-03-01T10:15+01:00[Europe/Berlin] | 2026-03-01T09:15:00Z",
            // no zone: read in the given zone (Asia/Kolkata, +05:30)
            "2026-03-01T10:15:00             | 2026-03-01T04:45:00Z",
            "2026-03-01 10:15:00.5           | 2026-03-01T04:45:00.500Z",
            "2026-03-01 10:15                | 2026-03-01T04:45:00Z",
            "2026-03-01                      | 2026-02-28T18:30:00Z",
            // epoch milliseconds
            "1772360100250                   | 2026-03-01T10:15:00.250Z",
            "0                               | 1970-01-01T00:00:00Z",
            "'  1772360100000 '              | 2026-03-01T10:15:00Z"
    })
    void parsesIsoAndEpochMillis(String text, String expected) {
        assertThat(Timestamps.parse(text, KOLKATA)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-03-01T25:00", "01/03/2026 10:15",
            "2026-03-01T10:15:00 GMT", "1.5e12", "99999999999999999999"})
    void rejectsOtherFormsNamingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text, KOLKATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad timestamp '" + text + "'")
                .hasMessageContaining("epoch milliseconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyIsMissing(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text, KOLKATA)).hasMessage("missing timestamp");
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1_772_360_100_250L, 1_772_360_100_000L, -86_400_001L})
    void formatsUtcWithMillisAndParsesBack(long millis) {
        String text = Timestamps.format(millis);
        assertThat(text).endsWith("Z").matches("-?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Timestamps.parse(text, KOLKATA)).isEqualTo(millis);
    }

    @org.junit.jupiter.api.Test
    void agreesWithJavaTimeOnRandomInstantsOffsetsAndZones() {
        Random rnd = new Random(5);
        ZoneId[] zones = {ZoneOffset.UTC, KOLKATA, ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin")};
        DateTimeFormatter[] forms = {
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC)};
        for (int i = 0; i < 5_000; i++) {
            long millis = 946_684_800_000L + (long) (rnd.nextDouble() * 3_000_000_000_000L) / 1_000 * 1_000
                    + (i % 2 == 0 ? rnd.nextInt(1_000) : 0);
            Instant instant = Instant.ofEpochMilli(millis);
            ZoneId zone = zones[i % zones.length];
            DateTimeFormatter form = forms[i % forms.length];
            String text = form.format(instant.atZone(zone));
            long expected = form == forms[1] ? millis / 1_000 * 1_000 : millis;
            assertThat(Timestamps.parse(text, KOLKATA)).as(text).isEqualTo(expected);
            // the same wall-clock time without zone, read in the zone
            LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
            String zoneless = local.toString().replace('T', i % 2 == 0 ? 'T' : ' ');
            assertThat(Timestamps.parse(zoneless, zone)).as(zoneless)
                    .isEqualTo(local.atZone(zone).toInstant().toEpochMilli());
        }
    }
}
