package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.forecast.Forecast;
import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.SeriesChoice;
import ai.vidyut.console.ui.views.ViewContext;
import ai.vidyut.console.ui.dashboard.DashboardTile;
import javafx.scene.Node;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.application.Platform;
import javafx.scene.paint.Color;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The dashboard's "next 24 hours" tile: expected energy of the site's load (the series is named in the
 * description) over the next day, and the
 * forecast peak with its 95 % band. Forecasts run in a {@link ForecastService} off the FX thread and refresh as
 * readings arrive (the window's shared service, at most once a minute).
 */
public final class NextDayTile implements DashboardTile {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ViewContext ctx;
    private final ForecastService service;
    private final Tile tile;
    private final java.util.function.Consumer<ForecastService.Result> onResult = this::onResult;
    private volatile String siteId;
    private volatile ForecastService.Request watching;

    public NextDayTile(ViewContext ctx) {
        this.ctx = ctx;
        this.service = ForecastServices.of(ctx);
        this.tile = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title("Next 24 hours (forecast)")
                .unit("kWh").decimals(0).animated(false).backgroundColor(Color.web("#161d27"))
                .prefSize(220, 170).maxSize(Double.MAX_VALUE, 190).minSize(140, 140).description("no forecast yet")
                .build();
        tile.setId("tile-forecast");
        service.addListener(onResult);
    }

    public Tile tile() {
        return tile;
    }

    @Override
    public Node node() {
        return tile;
    }

    @Override
    public void siteChanged(String site) {
        site(site);
    }

    /**
     * The tile's request for a site: its load series ({@link SeriesChoice#loadSeries}), 24 hours ahead, built like
     * the forecast view's ({@link ForecastRequests}: the site's zone and default holiday calendar). Null when the
     * site stores no power series. Reads the store: call off the FX thread.
     */
    public ForecastService.Request request(String site) {
        SeriesKey k = SeriesChoice.loadSeries(ctx.backend().readings().series(site), ctx.backend().sites().assets(site));
        return k == null ? null : ForecastRequests.request(ctx.backend().sites(), k, 24, null);
    }

    /** The request the tile shows (null before the first one is made). */
    public ForecastService.Request watching() {
        return watching;
    }

    /** Forecasts the site's load (see {@link #request(String)}). */
    public void site(String site) {
        siteId = site;
        if (watching != null) {
            service.unwatch(watching);
            watching = null;
        }
        // no number is shown until a forecast exists: a 0 kWh would read as a prediction
        tile.setValueVisible(false);
        tile.setValue(0);
        tile.setDescription(site == null ? "no site" : "forecasting…");
        if (site == null) {
            return;
        }
        ctx.background().run(() -> {
            ForecastService.Request req = request(site);
            if (req == null) {
                return null;
            }
            watching = req;
            return service.watch(req).get();
        }, r -> {
            if (r == null && Objects.equals(site, siteId)) {
                tile.setDescription("no power series stored");
            }
        }, e -> {
            if (Objects.equals(site, siteId)) {
                tile.setDescription("no forecast: " + ai.vidyut.console.ui.Background.message(e));
            }
        });
    }

    private void onResult(ForecastService.Result r) {
        Platform.runLater(() -> {
            if (r.request().equals(watching)) {
                show(r);
            }
        });
    }

    private void show(ForecastService.Result r) {
        Forecast f = r.forecast();
        double hours = f.step().toSeconds() / 3600.0;
        double energy = 0;
        int peak = 0;
        for (int i = 0; i < f.size(); i++) {
            energy += f.predicted()[i] * hours;
            if (f.predicted()[i] > f.predicted()[peak]) {
                peak = i;
            }
        }
        tile.setValue(energy);
        tile.setValueVisible(true);
        // names the series: a site can have several power series (load, grid exchange, PV)
        tile.setDescription(String.format(Locale.ROOT, "%s: peak %.1f kW at %s (95 %%: %.1f–%.1f)",
                SeriesChoice.label(r.request().key()), f.predicted()[peak], f.time(peak).format(HOUR),
                f.lower95()[peak], f.upper95()[peak]));
    }

    /** Stops listening; the shared service itself closes with the window. */
    @Override
    public void dispose() {
        service.removeListener(onResult);
        if (watching != null) {
            service.unwatch(watching);
        }
    }
}
