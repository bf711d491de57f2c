package ai.vidyut.console.ui.forecast;

import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.views.Views;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ForecastViewTest {

    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final SeriesKey POWER = new SeriesKey("f-1", "meter-1", "power_kw");

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < 24 * 35; i++) { // five weeks of hourly load with a daily cycle
                double v = 100 + 30 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + (i % 7);
                readings.add(new Reading(T0 + i * 3_600_000L, "f-1", "meter-1", "power_kw", v));
            }
            b.readings().append(readings);
        });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void showsHistoryForecastBandComponentsAndBacktestFigures(FxRobot robot) throws Exception {
        await(() -> "f-1".equals(fx.shell.context().selectedSite().get()));
        robot.clickOn("#view-" + Views.FORECAST);
        ForecastController view = (ForecastController) fx.shell.controller().controllerOf(Views.FORECAST);
        await(() -> view.model().resultProperty().get() != null);
        assertThat(view.model().selectedProperty().get()).isEqualTo(POWER);
        assertThat(view.model().resultProperty().get().forecast().size()).isEqualTo(24);
        assertThat(view.chart().band()).hasSize(24);
        assertThat(view.chart().getData()).extracting(s -> s.getName()).containsExactly("history", "forecast", "trend");
        assertThat(view.chart().getData().get(1).getData()).hasSize(24);
        // the trend is charted (dashed, on the main chart) with the forecast's own trend values, point for point
        double[] trend = view.model().resultProperty().get().forecast().components().get("trend");
        var charted = view.trendSeries().getData();
        assertThat(charted).hasSize(24);
        for (int i = 0; i < 24; i++) {
            assertThat(charted.get(i).getYValue().doubleValue()).isEqualTo(trend[i]);
            assertThat(charted.get(i).getXValue()).isEqualTo(view.chart().getData().get(1).getData().get(i).getXValue());
        }
        assertThat(trend[0]).isBetween(90.0, 115.0); // the level of a series that averages about 103
        assertThat(view.componentsChart().getData()).extracting(s -> s.getName()).doesNotContain("trend");
        assertThat(view.componentsChart().getData()).extracting(s -> s.getName()).contains("daily");
        assertThat(view.model().metricsProperty().get()).contains("MAPE").contains("coverage");

        robot.clickOn("#horizon-72");
        await(() -> view.model().resultProperty().get().forecast().size() == 72);
        assertThat(view.chart().band()).hasSize(72);
        for (var b : view.chart().band()) {
            assertThat(b.low()).isLessThanOrEqualTo(b.high());
        }
    }

    @Test
    void dashboardShowsTheNext24HoursTile(FxRobot robot) throws Exception {
        await(() -> "f-1".equals(fx.shell.context().selectedSite().get()));
        var dashboard = (ai.vidyut.console.ui.dashboard.DashboardController)
                fx.shell.controller().controllerOf(Views.DASHBOARD);
        var nextDay = dashboard.extraTiles().stream()
                .filter(ai.vidyut.console.ui.forecast.NextDayTile.class::isInstance)
                .map(t -> ((ai.vidyut.console.ui.forecast.NextDayTile) t).tile())
                .findFirst().orElseThrow();
        await(() -> nextDay.getDescription().contains("peak"));
        assertThat(nextDay.getDescription()).startsWith("meter-1 · Power (kW): peak");
        // about 100 kW on average for 24 hours
        assertThat(nextDay.getValue()).isBetween(2000.0, 2800.0);
        assertThat(nextDay.isValueVisible()).isTrue();
    }
}
