package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.forecast.ForecastService;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.dashboard.DashboardController;
import ai.vidyut.console.ui.views.Views;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's "next 24 hours" tile and the forecast view forecast a simulated Indian site the same way. */
@ExtendWith(ApplicationExtension.class)
class NextDayTileAgreesWithViewTest {

    private static final SiteProfile PROFILE = SiteProfile.standard(1); // Pune Works, Asia/Kolkata
    private static final SeriesKey LOAD = new SeriesKey(PROFILE.siteId(), SiteProfile.LOAD, "power_kw");

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            b.sites().saveSite(PROFILE.site());
            for (Asset a : PROFILE.assets()) {
                b.sites().saveAsset(a);
            }
            Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
            b.readings().append(new SiteSimulator(PROFILE, 3).readings(end.minus(Duration.ofDays(28)).toEpochMilli(),
                    end.toEpochMilli(), Duration.ofHours(1).toMillis()));
        });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void tileAndViewRequestTheSiteLoadInTheSitesZoneWithItsHolidays(FxRobot robot) throws Exception {
        await(() -> PROFILE.siteId().equals(fx.shell.context().selectedSite().get()));
        var dashboard = (DashboardController) fx.shell.controller().controllerOf(Views.DASHBOARD);
        NextDayTile nextDay = dashboard.extraTiles().stream().filter(NextDayTile.class::isInstance)
                .map(NextDayTile.class::cast).findFirst().orElseThrow();
        await(() -> nextDay.tile().getDescription().contains("peak"));
        ForecastService.Request tile = nextDay.watching();
        assertThat(tile.key()).isEqualTo(LOAD);
        assertThat(tile.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(tile.options().calendar().id()).isEqualTo("IN");
        assertThat(nextDay.tile().getDescription()).startsWith("load-1 · Power (kW): peak");

        robot.clickOn("#view-" + Views.FORECAST);
        ForecastController view = (ForecastController) fx.shell.controller().controllerOf(Views.FORECAST);
        await(() -> view.model().resultProperty().get() != null);
        ForecastService.Request shown = view.model().resultProperty().get().request();
        assertThat(view.model().countryProperty().get()).isEqualTo("IN");
        assertThat(shown.key()).isEqualTo(tile.key());
        assertThat(shown.zone()).isEqualTo(tile.zone());
        assertThat(shown.options().calendar().id()).isEqualTo(tile.options().calendar().id());
        assertThat(shown.step()).isEqualTo(tile.step());
        assertThat(shown.historyDays()).isEqualTo(tile.historyDays());
        assertThat(shown.horizon()).isEqualTo(24);
        // same request over the same stored data: the tile's energy is the view's forecast summed over the day
        double[] predicted = view.model().resultProperty().get().forecast().predicted();
        double energy = 0;
        for (double p : predicted) {
            energy += p;
        }
        assertThat(nextDay.tile().getValue()).isCloseTo(energy, org.assertj.core.data.Offset.offset(1e-6 * energy));
    }
}
