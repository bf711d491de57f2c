package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.HistoryScanTest;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.events.AnomaliesChanged;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A CSV imported through the dialog is scanned for anomalies in the background and shows up in the Anomalies view. */
@ExtendWith(ApplicationExtension.class)
class ImportScanViewTest {

    private ConsoleRuntime runtime;
    private Shell shell;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("import-scan-view");
        runtime = ConsoleRuntime.open(dir.resolve("data"), Pipeline.Options.defaults());
        // the site exists (and is selected) before the import; the import adds two series to it
        runtime.readingStore().append(List.of(new Reading(HistoryScanTest.START - 86_400_000L, "imp", "meter-0",
                "power_kw", 1)));
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    @Test
    void importedHistoryIsScannedAndTheAnomaliesViewReloads(FxRobot robot) throws Exception {
        Path csv = HistoryScanTest.writeCsv(dir);
        List<AnomaliesChanged> events = new CopyOnWriteArrayList<>();
        shell.context().bus().subscribe(AnomaliesChanged.class, events::add);
        robot.clickOn("#view-" + Views.ANOMALIES);
        AnomaliesController view = (AnomaliesController) shell.controller().controllerOf(Views.ANOMALIES);
        await(() -> "imp".equals(shell.context().selectedSite().get()));
        assertThat(view.model().anomalies()).isEmpty();

        ShellFixture.press(robot, "#importButton");
        robot.interact(() -> robot.lookup("#importFileField").queryAs(TextField.class).setText(csv.toString()));
        ShellFixture.press(robot, "#importRunButton");
        Label summary = robot.lookup("#importSummary").queryAs(Label.class);
        await(() -> summary.getText().contains("Anomaly scan:"));
        assertThat(summary.getText()).contains("Imported " + 2 * 4 * 1440 + " new readings").contains("2 series");
        await(() -> !events.isEmpty());
        int stored = new AnomalyStore(runtime.database()).list("imp").size();
        assertThat(stored).isPositive();
        assertThat(events.get(0).siteIds()).containsExactly("imp");
        assertThat(events.get(0).stored()).isEqualTo(stored);
        await(() -> view.model().anomalies().size() == stored);
    }
}
