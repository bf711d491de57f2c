package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.views.Views;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Anomalies stored for the displayed site show as marks, coloured by severity, on the 15-minute trend. */
@ExtendWith(ApplicationExtension.class)
class DashboardAnomalyMarksTest {

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            b.sites().saveSite(new Site("plant-1", "North plant", 52.5, 13.4, "UTC", 800, false));
            b.sites().saveAsset(new Asset("plant-1", "meter-1", "Grid meter", AssetKind.METER, Map.of(), false));
        });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void anAnomalyOfTheDisplayedSiteBecomesAMarkOnTheTrend(FxRobot robot) throws Exception {
        await(() -> "plant-1".equals(fx.shell.context().selectedSite().get()));
        DashboardController d = (DashboardController) fx.shell.controller().controllerOf(Views.DASHBOARD);
        long now = System.currentTimeMillis();
        fx.backend.append(List.of(new Reading(now - 240_000, "plant-1", "meter-1", "power_kw", 120.0),
                new Reading(now, "plant-1", "meter-1", "power_kw", 40.0)));
        await(() -> d.model().lastUpdateProperty().get() == now);
        assertThat(d.anomalyMarks()).isEmpty();

        AnomalyStore store = new AnomalyStore(fx.backend.database());
        // another site's anomaly and one that ended before the trend's window: no marks
        store.save(new Anomaly(0, "elsewhere", "meter-1", "power_kw", AnomalyType.SPIKE, Severity.CRITICAL,
                now - 120_000, now - 60_000, 900, 100, 800, 0.99, 3));
        store.save(new Anomaly(0, "plant-1", "meter-1", "power_kw", AnomalyType.SPIKE, Severity.LOW,
                now - 3 * 3_600_000L, now - 2 * 3_600_000L, 900, 100, 800, 0.7, 3));
        Anomaly drop = store.save(new Anomaly(0, "plant-1", "meter-1", "power_kw", AnomalyType.POWER_DROP,
                Severity.HIGH, now - 180_000, now, 40, 120, -66.7, 0.95, 4));

        await(() -> !d.anomalyMarks().isEmpty());
        assertThat(d.anomalyMarks()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(String.valueOf(drop.id()));
            assertThat(m.fromX()).isEqualTo((double) (now - 180_000));
            assertThat(m.toX()).isEqualTo((double) now);
            assertThat(m.color()).isEqualTo(DashboardController.severityColor(Severity.HIGH));
        });
        robot.interact(() -> d.trendChart().layout());
        assertThat(d.trendChart().markNodes()).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo("mark-" + drop.id());
            assertThat(r.getWidth()).isGreaterThan(3);
        });
        assertThat(DashboardController.severityColor(Severity.CRITICAL))
                .isNotEqualTo(DashboardController.severityColor(Severity.LOW));
    }
}
