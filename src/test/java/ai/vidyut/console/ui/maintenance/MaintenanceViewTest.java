package ai.vidyut.console.ui.maintenance;

import ai.vidyut.console.maintain.MaintenanceItem;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's rising-vibration fault drives the pump to the top of the maintenance view. */
@ExtendWith(ApplicationExtension.class)
class MaintenanceViewTest {

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            Instant from = end.minus(Duration.ofDays(2));
            SiteProfile profile = SiteProfile.standard(1);
            b.sites().saveSite(profile.site());
            for (Asset a : profile.assets()) {
                b.sites().saveAsset(a);
            }
            SiteSimulator sim = new SiteSimulator(profile, 9, List.of(Fault.of(SiteProfile.PUMP,
                    FaultType.RISING_VIBRATION, end.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)))));
            b.readings().append(sim.readings(from.toEpochMilli(), end.toEpochMilli(), Duration.ofMinutes(30).toMillis()));
        });
    }

    static void awaitLong(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> why)
            throws Exception {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS,
                    () -> org.testfx.util.WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; view says: " + org.testfx.util.WaitForAsyncUtils.asyncFx(why::get).get());
        }
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void showsHealthPlanAndDegradationWithTheFaultyPumpOnTop(FxRobot robot) throws Exception {
        await(() -> fx.shell.context().selectedSite().get() != null);
        robot.clickOn("#view-" + Views.MAINTENANCE);
        MaintenanceController view = (MaintenanceController) fx.shell.controller().controllerOf(Views.MAINTENANCE);
        // the first refresh trains the live health model (in-memory data folder: nothing to load)
        awaitLong(() -> !view.model().plan().isEmpty(), () -> view.model().messageProperty().get());
        MaintenanceItem top = view.model().plan().get(0);
        assertThat(top.assetId()).isEqualTo(SiteProfile.PUMP);
        assertThat(top.recommendation()).contains("vibration");
        assertThat(view.model().health()).extracting(h -> h.assetId()).contains(SiteProfile.PUMP, SiteProfile.INVERTER);
        assertThat(view.model().health().get(0).assetId()).isEqualTo(SiteProfile.PUMP);

        // the least healthy asset is selected: its degradation chart has the history, the threshold and the projection
        await(() -> view.model().degradationProperty().get() != null
                && view.model().degradationProperty().get().assetId().equals(SiteProfile.PUMP));
        await(() -> view.chart().getData().size() >= 2);
        assertThat(view.chart().getData().get(0).getData()).isNotEmpty();
        assertThat(view.chart().getData()).anyMatch(s -> s.getName().startsWith("failure threshold"));

        // the plan table sorts by a clicked column
        @SuppressWarnings("unchecked")
        TableView<MaintenanceItem> table = robot.lookup("#planTable").queryAs(TableView.class);
        TableColumn<MaintenanceItem, ?> asset = table.getColumns().stream()
                .filter(c -> "col-asset".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSortOrder().setAll(List.of(asset));
            asset.setSortType(TableColumn.SortType.ASCENDING);
            table.sort();
        });
        List<String> names = table.getItems().stream().map(MaintenanceItem::assetName).toList();
        assertThat(names).isSorted();
    }
}
