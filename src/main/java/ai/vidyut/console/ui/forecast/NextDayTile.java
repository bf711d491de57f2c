package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.forecast.Forecast;
import ai.vidyut.console.forecast.ForecastOptions;
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

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The dashboard's "next 24 hours" tile: expected energy of the site's main power series over the next day, and the
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

    /** Forecasts the site's main power series (a grid meter's, else any power series). */
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
            SeriesKey k = SeriesChoice.defaultSeries(ctx.backend().readings().series(site));
            if (k == null) {
                return null;
            }
            ForecastService.Request req = new ForecastService.Request(k, Duration.ofHours(1), 24,
                    ZoneId.systemDefault(), 400, ForecastOptions.defaults());
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
        tile.setDescription(String.format(Locale.ROOT, "peak %.1f kW at %s (95 %%: %.1f–%.1f)", f.predicted()[peak],
                f.time(peak).format(HOUR), f.lower95()[peak], f.upper95()[peak]));
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
