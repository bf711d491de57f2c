package ai.vidyut.console.cli;

import ai.vidyut.console.forecast.DecomposableModel;
import ai.vidyut.console.forecast.ForecastOptions;
import ai.vidyut.console.forecast.HolidayCalendar;
import ai.vidyut.console.forecast.SolarSite;
import picocli.CommandLine.Option;

import java.time.ZoneOffset;

/** Model options shared by {@code forecast} and {@code backtest}. */
public final class ForecastModelOptions {

    @Option(names = "--country", paramLabel = "US|IN|none", defaultValue = "none",
            description = "Holiday calendar (US federal with observed days, India national + Holi/Diwali, or none). Default: ${DEFAULT-VALUE}")
    String country;

    @Option(names = "--holidays", paramLabel = "holidays.csv",
            description = "Extra days off, added to the country calendar: a CSV 'date,name' (ISO dates, header optional)")
    java.nio.file.Path holidays;

    @Option(names = "--lat", paramLabel = "LAT", description = "PV site latitude (with --lon and --capacity-kw: PV model)")
    Double lat;

    @Option(names = "--lon", paramLabel = "LON", description = "PV site longitude")
    Double lon;

    @Option(names = "--capacity-kw", paramLabel = "KW", description = "PV site capacity in kW")
    Double capacityKw;

    @Option(names = "--mode", paramLabel = "additive|multiplicative", defaultValue = "additive",
            description = "Seasonality mode of the decomposable model. Default: ${DEFAULT-VALUE}")
    DecomposableModel.Mode mode;

    /** Reads the history CSV of {@code forecast} and {@code backtest}, and checks the horizon against its step. */
    static ai.vidyut.console.forecast.SeriesCsv.Loaded readHistory(java.nio.file.Path input, int horizon)
            throws java.io.IOException {
        if (!java.nio.file.Files.isRegularFile(input)) {
            throw new IllegalArgumentException("no such input file: " + input);
        }
        ai.vidyut.console.forecast.SeriesCsv.Loaded loaded = ai.vidyut.console.forecast.SeriesCsv.read(input);
        int maxHorizon = 14 * loaded.series().stepsPerDay();
        if (horizon < 1 || horizon > maxHorizon) {
            throw new IllegalArgumentException("--horizon must be between 1 and " + maxHorizon + " steps (14 days)");
        }
        return loaded;
    }

    ForecastOptions build(ZoneOffset offset) throws java.io.IOException {
        HolidayCalendar calendar = HolidayCalendar.forCountry(country);
        if (holidays != null) {
            calendar = calendar.with(readHolidays(holidays));
        }
        ForecastOptions o = ForecastOptions.defaults().withCalendar(calendar).withMode(mode);
        int given = (lat != null ? 1 : 0) + (lon != null ? 1 : 0) + (capacityKw != null ? 1 : 0);
        if (given != 0 && given != 3) {
            throw new IllegalArgumentException("the PV model needs all of --lat, --lon and --capacity-kw");
        }
        if (given == 3) {
            o = o.withSolar(new SolarSite(lat, lon, capacityKw), offset);
        }
        return o;
    }

    static java.util.Map<java.time.LocalDate, String> readHolidays(java.nio.file.Path file) throws java.io.IOException {
        java.util.Map<java.time.LocalDate, String> out = new java.util.TreeMap<>();
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv =
                     de.siegmar.fastcsv.reader.CsvReader.builder().skipEmptyLines(true).allowMissingFields(true)
                             .ofCsvRecord(file)) {
            for (de.siegmar.fastcsv.reader.CsvRecord r : csv) {
                String d = r.getField(0).strip();
                if (r.getStartingLineNumber() == 1 && d.equalsIgnoreCase("date")) {
                    continue;
                }
                try {
                    out.put(java.time.LocalDate.parse(d), r.getFieldCount() > 1 && !r.getField(1).isBlank()
                            ? r.getField(1).strip() : "Holiday " + d);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(file.getFileName() + ": line " + r.getStartingLineNumber()
                            + ": not an ISO date: '" + d + "'");
                }
            }
        }
        return out;
    }

    boolean solar() {
        return capacityKw != null;
    }
}
