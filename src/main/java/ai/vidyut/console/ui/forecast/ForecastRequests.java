package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.forecast.ForecastOptions;
import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.forecast.HolidayCalendar;
import ai.vidyut.console.forecast.SolarSite;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.MetricCatalog;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.telemetry.Site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where the window turns a stored series into a {@link ForecastService.Request}, so the forecast view
 * and the dashboard's "next 24 hours" tile forecast a site the same way: hourly, in the site's own time zone, with
 * the site's holiday calendar (unless the view's picker says otherwise), 400 days of history, and the PV model for
 * the PV power of a site with a known location and capacity.
 */
public final class ForecastRequests {

    /** Days of stored history a live forecast reads. */
    public static final int HISTORY_DAYS = 400;

    private ForecastRequests() {
    }

    /** The site's zone; the system's when the site is unknown or its zone id does not parse. */
    public static ZoneId zone(Site site) {
        if (site != null) {
            try {
                return ZoneId.of(site.timeZone());
            } catch (RuntimeException ignored) {
                // fall through
            }
        }
        return ZoneId.systemDefault();
    }

    /**
     * The holiday calendar a site gets by default, from its time zone (the only country hint a site record has):
     * Asia/Kolkata (or its old name Asia/Calcutta) → {@code IN}, America/* → {@code US}, anything else {@code none}.
     */
    public static String defaultCountry(ZoneId zone) {
        String id = zone == null ? "" : zone.getId();
        if (id.equals("Asia/Kolkata") || id.equals("Asia/Calcutta")) {
            return "IN";
        }
        if (id.startsWith("America/") || id.startsWith("US/")) {
            return "US";
        }
        return "none";
    }

    /** {@link #defaultCountry(ZoneId)} of a stored site (by id); {@code none} for an unknown site. */
    public static String defaultCountry(SiteStore sites, String siteId) {
        return siteId == null ? "none" : sites.site(siteId).map(s -> defaultCountry(zone(s))).orElse("none");
    }

    /**
     * The request for {@code key}, {@code horizon} hours ahead. {@code country} is a holiday calendar code
     * ({@code US}, {@code IN}, {@code none}); null means the site's default ({@link #defaultCountry(ZoneId)}).
     */
    public static ForecastService.Request request(SiteStore sites, SeriesKey key, int horizon, String country) {
        Optional<Site> found = sites.site(key.siteId());
        Site site = found.orElse(null);
        ZoneId zone = zone(site);
        String code = country == null ? defaultCountry(zone) : country.toUpperCase(Locale.ROOT);
        ForecastOptions options = ForecastOptions.defaults().withCalendar(HolidayCalendar.forCountry(code));
        if (site != null) {
            boolean pv = key.metric().equals(MetricCatalog.POWER_KW) && sites.asset(key.siteId(), key.assetId())
                    .map(a -> a.kind() == AssetKind.PV_ARRAY).orElse(false);
            if (pv && Double.isFinite(site.latitude()) && Double.isFinite(site.longitude())
                    && site.capacityKw() > 0) {
                options = options.withSolar(new SolarSite(site.latitude(), site.longitude(), site.capacityKw()),
                        zone.getRules().getOffset(Instant.now()));
            }
        }
        return new ForecastService.Request(key, Duration.ofHours(1), horizon, zone, HISTORY_DAYS, options);
    }
}
