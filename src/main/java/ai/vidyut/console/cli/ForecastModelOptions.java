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

    @Option(names = "--lat", paramLabel = "LAT", description = "PV site latitude (with --lon and --capacity-kw: PV model)")
    Double lat;

    @Option(names = "--lon", paramLabel = "LON", description = "PV site longitude")
    Double lon;

    @Option(names = "--capacity-kw", paramLabel = "KW", description = "PV site capacity in kW")
    Double capacityKw;

    @Option(names = "--mode", paramLabel = "additive|multiplicative", defaultValue = "additive",
            description = "Seasonality mode of the decomposable model. Default: ${DEFAULT-VALUE}")
    DecomposableModel.Mode mode;

    ForecastOptions build(ZoneOffset offset) {
        ForecastOptions o = ForecastOptions.defaults().withCalendar(HolidayCalendar.forCountry(country)).withMode(mode);
        int given = (lat != null ? 1 : 0) + (lon != null ? 1 : 0) + (capacityKw != null ? 1 : 0);
        if (given != 0 && given != 3) {
            throw new IllegalArgumentException("the PV model needs all of --lat, --lon and --capacity-kw");
        }
        if (given == 3) {
            o = o.withSolar(new SolarSite(lat, lon, capacityKw), offset);
        }
        return o;
    }

    boolean solar() {
        return capacityKw != null;
    }
}
