package ai.vidyut.console.forecast;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesCsvTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Hourly readings of a value that depends on the local hour, written with their UTC offsets. */
    private static String localHours(ZonedDateTime from, int hours) {
        StringBuilder sb = new StringBuilder("timestamp,load_mw\n");
        for (int i = 0; i < hours; i++) {
            ZonedDateTime t = from.plusHours(i); // instants: DST repeats or skips a local hour
            sb.append(t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(',')
                    .append(1000 + 10 * t.getHour()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void repeatedHourWhenDaylightSavingEndsIsAveragedAndTheGridStaysRegular() throws Exception {
        String csv = localHours(ZonedDateTime.of(2016, 11, 1, 0, 0, 0, 0, NEW_YORK), 24 * 10);
        SeriesCsv.Loaded l = SeriesCsv.read(new StringReader(csv), "dst.csv");
        assertThat(l.duplicatesMerged()).isEqualTo(1);
        assertThat(l.missingFilled()).isZero();
        assertThat(l.series().size()).isEqualTo(24 * 10 - 1);
        int oneAm = (int) java.time.Duration.between(l.series().start(), LocalDateTime.of(2016, 11, 6, 1, 0)).toHours();
        assertThat(l.series().value(oneAm)).isEqualTo(1010.0);
        assertThat(l.format().zoneStyle()).isEqualTo(TimestampFormat.ZoneStyle.COLON);
        assertThat(l.lastOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        // and it forecasts across the change without fuss
        Forecast f = new Forecaster(ForecastOptions.defaults()).forecast(l.series(), 24);
        assertThat(f.time(0)).isEqualTo(LocalDateTime.of(2016, 11, 10, 23, 0));
    }

    @Test
    void skippedHourWhenDaylightSavingStartsIsFilledAndMarkedUnobserved() throws Exception {
        String csv = localHours(ZonedDateTime.of(2016, 3, 10, 0, 0, 0, 0, NEW_YORK), 24 * 6);
        SeriesCsv.Loaded l = SeriesCsv.read(new StringReader(csv), "dst.csv");
        assertThat(l.missingFilled()).isEqualTo(1);
        assertThat(l.duplicatesMerged()).isZero();
        int twoAm = (int) java.time.Duration.between(l.series().start(), LocalDateTime.of(2016, 3, 13, 2, 0)).toHours();
        assertThat(l.series().observed(twoAm)).isFalse();
        assertThat(l.series().value(twoAm)).isEqualTo(1020.0); // between 01:00 (1010) and 03:00 (1030)
    }

    @Test
    void timestampsAreWrittenBackInTheirInputForm() {
        for (String s : new String[] {"2016-01-01 05:00", "2016-01-01T05:00:00", "2016-01-01T05:00:00Z",
                "2016-01-01 05:00:00+05:30", "2016-01-01T05:00+0530"}) {
            TimestampFormat.Parsed p = TimestampFormat.parse(s);
            assertThat(p.local()).isEqualTo(LocalDateTime.of(2016, 1, 1, 5, 0));
            assertThat(p.format().format(p.local(), p.offset())).isEqualTo(s);
        }
        assertThatThrownBy(() -> TimestampFormat.parse("01/02/2016 05:00")).hasMessageContaining("ISO-8601");
    }

    @Test
    void badLinesNameTheirLineNumber() {
        String csv = "timestamp,load\n2016-01-01 00:00,1\n2016-01-01 01:00,2\n2016-01-01 02:00,abc\n";
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader(csv), "h.csv"))
                .hasMessageContaining("line 4").hasMessageContaining("abc");
        String badTime = "timestamp,load\n2016-01-01 00:00,1\nyesterday,2\n";
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader(badTime), "h.csv")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> SeriesCsv.read(new StringReader("time,load\n2016-01-01 00:00,1\n"), "h.csv"))
                .hasMessageContaining("timestamp");
    }

    @Test
    void emptyValuesAreMissingAndGapsAreInterpolated() throws Exception {
        String csv = "timestamp,load,temp\n2016-01-01 00:00,10,1\n2016-01-01 01:00,,2\n2016-01-01 04:00,40,5\n";
        SeriesCsv.Loaded l = SeriesCsv.read(new StringReader(csv), "h.csv");
        assertThat(l.series().size()).isEqualTo(5);
        assertThat(l.series().values()).containsExactly(10, 17.5, 25, 32.5, 40);
        assertThat(l.missingFilled()).isEqualTo(3);
        assertThat(l.series().regressors().get("temp")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void forecastCsvHasTheContractHeader() throws Exception {
        RegularSeries s = Synthetic.series(30, 5, 2);
        Forecast f = new Forecaster(ForecastOptions.defaults()).forecast(s, 3);
        StringWriter w = new StringWriter();
        SeriesCsv.writeForecast(w, f, TimestampFormat.parse("2021-01-01 00:00").format(), null);
        String[] lines = w.toString().split("\n");
        assertThat(lines[0]).isEqualTo("timestamp,predicted,lower95,upper95");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith(s.time(s.size()).toString().replace('T', ' ') + ",");
    }
}
