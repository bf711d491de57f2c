package ai.vidyut.console.voice;

import ai.vidyut.console.forecast.Forecast;
import ai.vidyut.console.forecast.ForecastOptions;
import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The forecast area's {@link ForecastService} as the {@link VoicePorts.Forecasts} port: "forecast solar for
 * tomorrow" forecasts the site's PV array hourly from its stored history and sums up the asked window (mean, 95 %
 * band of the hourly values, peak, and energy for power series). The series is the named asset's, else the first
 * asset of the said kind, else the site's first meter.
 */
public final class ForecastAnswers implements VoicePorts.Forecasts {

    static final int HISTORY_DAYS = 60;
    static final int MAX_HORIZON_HOURS = 7 * 24;

    private final ForecastService service;
    private final Vocabulary vocabulary;
    private final Clock clock;

    public ForecastAnswers(ForecastService service, Vocabulary vocabulary, Clock clock) {
        this.service = service;
        this.vocabulary = vocabulary;
        this.clock = clock;
    }

    @Override
    public Optional<String> forecast(String siteId, String assetId, String deviceKind, String metric, Instant from,
                                     Instant to) {
        String asset = assetId;
        if (asset == null) {
            String kind = deviceKind != null ? deviceKind : "meter";
            asset = vocabulary.assets(siteId).stream().filter(a -> a.kind().equals(kind)).findFirst()
                    .map(Vocabulary.AssetTerm::id).orElse(null);
        }
        if (asset == null) {
            return Optional.empty();
        }
        String m = metric == null ? MetricCatalog.POWER_KW : metric;
        String name = name(siteId, asset);
        ZoneId zone = vocabulary.site(siteId).map(Vocabulary.SiteTerm::zone).orElse(ZoneId.of("UTC"));
        long hours = Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), to).toMinutes() / 60.0) + 1);
        if (hours > MAX_HORIZON_HOURS) {
            return Optional.of("Forecasts reach " + MAX_HORIZON_HOURS / 24 + " days ahead at most.");
        }
        ForecastService.Result r;
        try {
            r = service.compute(new ForecastService.Request(new SeriesKey(siteId, asset, m), Duration.ofHours(1),
                    (int) hours, zone, HISTORY_DAYS, ForecastOptions.defaults()));
        } catch (RuntimeException e) {
            return Optional.of("No forecast for " + name + ": " + e.getMessage());
        }
        List<Forecast.Point> in = new ArrayList<>();
        for (Forecast.Point p : r.forecast().points()) {
            Instant t = r.instant(p.time());
            boolean inside = from.equals(to) ? !t.isBefore(from) && t.isBefore(from.plusSeconds(3600))
                    : !t.isBefore(from) && t.isBefore(to);
            if (inside) {
                in.add(p);
            }
        }
        var described = MetricCatalog.describe(m);
        String unit = described.unit().isEmpty() ? "" : " " + described.unit();
        if (in.isEmpty()) {
            return Optional.of("The forecast for " + name + " does not reach that time.");
        }
        if (in.size() == 1) {
            Forecast.Point p = in.get(0);
            return Optional.of(String.format(Locale.ROOT, "%s %s at %s: %.1f%s (95 %%: %.1f to %.1f)", name,
                    described.label().toLowerCase(Locale.ROOT), p.time().toLocalTime(), p.predicted(), unit,
                    p.lower95(), p.upper95()));
        }
        double sum = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        Forecast.Point peak = in.get(0);
        for (Forecast.Point p : in) {
            sum += p.predicted();
            low = Math.min(low, p.lower95());
            high = Math.max(high, p.upper95());
            if (p.predicted() > peak.predicted()) {
                peak = p;
            }
        }
        String energy = MetricCatalog.POWER_KW.equals(m) ? String.format(Locale.ROOT, ", about %.0f kWh", sum) : "";
        return Optional.of(String.format(Locale.ROOT, "%s %s forecast, %d hours: mean %.1f%s (hourly 95 %% band %.1f "
                        + "to %.1f), peak %.1f%s at %s%s", name, described.label().toLowerCase(Locale.ROOT), in.size(),
                sum / in.size(), unit, low, high, peak.predicted(), unit, peak.time(), energy));
    }

    private String name(String siteId, String assetId) {
        return vocabulary.assets(siteId).stream().filter(a -> a.id().equals(assetId)).findFirst()
                .map(Vocabulary.AssetTerm::name).orElse(assetId);
    }
}
