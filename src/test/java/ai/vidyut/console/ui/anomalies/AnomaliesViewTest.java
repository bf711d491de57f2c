package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AnomaliesViewTest {

    private static final long T0 = 1_772_000_000_000L;

    private ConsoleRuntime runtime;
    private Shell shell;
    private AlertService alerts;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("anomalies-view");
        runtime = ConsoleRuntime.open(dir, Pipeline.Options.defaults());
        runtime.readingStore().append(List.of(new Reading(T0, "s-1", "inv-1", "power_kw", 10)));
        AnomalyStore store = new AnomalyStore(runtime.database());
        alerts = new AlertService(runtime.database());
        alerts.raise(store.save(new Anomaly(0, "s-1", "inv-1", "power_kw", AnomalyType.POWER_DROP, Severity.HIGH,
                T0, T0 + 600_000, 20, 100, -80, 0.93, 10)));
        alerts.raise(store.save(new Anomaly(0, "s-1", "pump-1", "vibration_mm_s", AnomalyType.SPIKE, Severity.LOW,
                T0 + 3_600_000, T0 + 3_660_000, 9, 3, 200, 0.62, 1)));
        alerts.raise(store.save(new Anomaly(0, "s-1", "inv-1", "temperature_c", AnomalyType.OVERHEATING,
                Severity.CRITICAL, T0 + 7_200_000, T0 + 9_000_000, 95, 60, 58, 0.99, 30)));
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    @Test
    void listsFiltersAcknowledgesAndAttachesLiveDetection(FxRobot robot) throws Exception {
        await(() -> "s-1".equals(shell.context().selectedSite().get()));
        robot.clickOn("#view-" + Views.ANOMALIES);
        AnomaliesController view = (AnomaliesController) shell.controller().controllerOf(Views.ANOMALIES);
        await(() -> view.model().anomalies().size() == 3);
        assertThat(shell.context().services().find(ai.vidyut.console.detect.LiveDetection.class)).isPresent();

        @SuppressWarnings("unchecked")
        TableView<Anomaly> table = robot.lookup("#anomalyTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);

        @SuppressWarnings("unchecked")
        ChoiceBox<Severity> severity = robot.lookup("#severityFilter").queryAs(ChoiceBox.class);
        robot.interact(() -> severity.setValue(Severity.HIGH));
        assertThat(table.getItems()).extracting(Anomaly::type)
                .containsExactlyInAnyOrder(AnomalyType.POWER_DROP, AnomalyType.OVERHEATING);
        robot.interact(() -> severity.setValue(Severity.LOW));
        robot.interact(() -> view.model().textProperty().unbind());
        robot.interact(() -> view.model().textProperty().set("pump"));
        assertThat(table.getItems()).extracting(Anomaly::assetId).containsExactly("pump-1");
        robot.interact(() -> view.model().textProperty().set(""));

        long span = view.timeline().visibleTo() - view.timeline().visibleFrom();
        robot.interact(() -> view.timeline().zoom(0.5, 400));
        assertThat(view.timeline().visibleTo() - view.timeline().visibleFrom()).isLessThan(span);

        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(a -> a.type() == AnomalyType.POWER_DROP).findFirst().orElseThrow()));
        ShellFixture.press(robot, "#acknowledgeButton");
        await(() -> alerts.open().size() == 2);
        assertThat(alerts.open()).noneMatch(a -> a.type().equals("power_drop"));
        ShellFixture.press(robot, "#acknowledgeAllButton");
        await(() -> alerts.open().isEmpty());
    }
}
