package ai.vidyut.console.ui.dashboard;

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
import java.util.concurrent.atomic.AtomicInteger;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard shows what the store committed, through the coalescing live feed. */
@ExtendWith(ApplicationExtension.class)
class DashboardTest {

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            b.sites().saveSite(new Site("plant-1", "North plant", 52.5, 13.4, "UTC", 800, false));
            b.sites().saveAsset(new Asset("plant-1", "meter-1", "Grid meter", AssetKind.METER, Map.of(), false));
            b.sites().saveAsset(new Asset("plant-1", "bat-1", "Battery", AssetKind.BATTERY, Map.of(), false));
        });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private DashboardController dashboard() {
        return (DashboardController) fx.shell.controller().controllerOf(Views.DASHBOARD);
    }

    @Test
    void committedReadingsAppearOnTilesAndUnknownMetricsInTheTable(FxRobot robot) throws Exception {
        await(() -> "plant-1".equals(fx.shell.context().selectedSite().get()));
        long now = System.currentTimeMillis();
        fx.backend.append(List.of(
                new Reading(now, "plant-1", "bat-1", "soc_pct", 63.5),
                new Reading(now, "plant-1", "meter-1", "power_kw", 120.0),
                new Reading(now, "plant-1", "meter-1", "frequency_hz", 50.01),
                new Reading(now, "plant-1", "bat-1", "cell_imbalance_mv", 7.0),
                new Reading(now, "plant-1", "bat-1", "temperature_c", 31.0),
                new Reading(now, "plant-1", "meter-1", "temperature_c", 44.5)));

        DashboardController d = dashboard();
        await(() -> d.tile("soc").getValue() == 63.5);
        assertThat(d.tile("site").getValue()).isEqualTo(120.0);
        assertThat(d.tile("frequency").getValue()).isEqualTo(50.01);
        assertThat(d.model().rows()).anySatisfy(r -> {
            assertThat(r.metricName()).isEqualTo("cell_imbalance_mv");
            assertThat(r.known()).isFalse();
            assertThat(r.valueProperty().get()).isEqualTo(7.0);
        });
        assertThat(robot.lookup("#valuesTable").queryTableView().getItems()).hasSize(6);
        assertThat(d.tile("temperature").getValue()).isEqualTo(44.5);
        assertThat(d.tile("temperature").getDescription()).isEqualTo("Grid meter");
        assertThat(d.tile("temperatures").getBarChartItems())
                .extracting(i -> i.getName() + "=" + i.getValue()).containsExactly("meter-1=44.5", "bat-1=31.0");
    }

    @Test
    void readingsOfOtherSitesDoNotReachThisSitesTiles() throws Exception {
        await(() -> "plant-1".equals(fx.shell.context().selectedSite().get()));
        long now = System.currentTimeMillis();
        fx.backend.append(List.of(new Reading(now, "elsewhere", "bat-1", "soc_pct", 11.0),
                new Reading(now, "plant-1", "bat-1", "soc_pct", 80.0)));
        DashboardController d = dashboard();
        await(() -> d.tile("soc").getValue() == 80.0);
        assertThat(d.model().rows()).extracting(r -> r.key().siteId()).containsOnly("plant-1");
    }

    @Test
    void manySmallBatchesReachTheFxThreadAsAFewCoalescedUpdates() throws Exception {
        await(() -> "plant-1".equals(fx.shell.context().selectedSite().get()));
        AtomicInteger updates = new AtomicInteger();
        fx.shell.live().subscribe(u -> updates.incrementAndGet());
        long start = System.currentTimeMillis();
        int batches = 2000;
        for (int i = 0; i < batches; i++) {
            // Straight to the feed, as the pipeline's writer thread calls it after each commit.
            fx.shell.live().accept(List.of(new Reading(start + i, "plant-1", "bat-1", "soc_pct", i % 100)));
        }
        DashboardController d = dashboard();
        await(() -> d.tile("soc").getValue() == (batches - 1) % 100);
        long elapsed = System.currentTimeMillis() - start;
        // One update per 250 ms tick at most (plus one for a tick in progress), never one per batch.
        assertThat(updates.get()).isLessThanOrEqualTo((int) (elapsed / 250) + 2).isLessThan(batches / 10);
        assertThat(fx.shell.live().delivered()).isEqualTo(batches);
    }
}
