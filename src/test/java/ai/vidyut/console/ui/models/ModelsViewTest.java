package ai.vidyut.console.ui.models;

import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.NewRun;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {

    private ConsoleRuntime runtime;
    private Shell shell;
    private ModelRun v1;
    private ModelRun v2;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("models-view");
        runtime = ConsoleRuntime.open(dir, Pipeline.Options.defaults());
        Path a1 = runtime.registry().nextArtifactPath("anomaly-ensemble", "global", "json");
        Files.writeString(a1, "{}");
        v1 = runtime.registry().record(NewRun.trained("anomaly-ensemble", "global", Map.of("trials", 2),
                Map.of("nab", 61.5, "f1", 0.71), 0L, 1L, a1));
        Path a2 = runtime.registry().nextArtifactPath("anomaly-ensemble", "global", "json");
        Files.writeString(a2, "{}");
        v2 = runtime.registry().record(NewRun.trained("anomaly-ensemble", "global", Map.of("trials", 8),
                Map.of("nab", 70.2, "f1", 0.77), 0L, 1L, a2));
        runtime.registry().activate(v2.id());
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    @Test
    void listsRunsWithMetricsAndActivatesAndReverts(FxRobot robot) throws Exception {
        robot.clickOn("#view-" + Views.MODELS);
        ModelsController view = (ModelsController) shell.controller().controllerOf(Views.MODELS);
        // the window's live models may add runs of their own (the maintenance health model): look at ours
        await(() -> view.model().runs().stream().filter(r -> r.kind().equals("anomaly-ensemble")).count() == 2);
        @SuppressWarnings("unchecked")
        TableView<ModelRun> table = robot.lookup("#runTable").queryAs(TableView.class);
        ModelRun newest = table.getItems().stream().filter(r -> r.kind().equals("anomaly-ensemble")).findFirst()
                .orElseThrow();
        assertThat(ModelsController.metrics(newest)).contains("nab=");
        assertThat(table.getItems()).filteredOn(r -> r.kind().equals("anomaly-ensemble")).filteredOn(ModelRun::active)
                .extracting(ModelRun::id).containsExactly(v2.id());

        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(r -> r.id() == v1.id()).findFirst().orElseThrow()));
        ShellFixture.press(robot, "#activateButton");
        await(() -> runtime.registry().active("anomaly-ensemble", "global").map(ModelRun::id).orElse(-1L) == v1.id());
        await(() -> view.model().runs().stream().anyMatch(r -> r.id() == v1.id() && r.active()));

        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(r -> r.id() == v1.id()).findFirst().orElseThrow()));
        ShellFixture.press(robot, "#revertButton");
        await(() -> runtime.registry().active("anomaly-ensemble", "global").map(ModelRun::id).orElse(-1L) == v2.id());

        // with a global run active the shipped default is not in use; once no run is active, it is
        javafx.scene.control.Label shipped = robot.lookup("#shippedLabel").queryAs(javafx.scene.control.Label.class);
        await(() -> shipped.getText().contains("global run " + v2.id()) && shipped.getText().contains("not in use"));
        runtime.registry().revert("anomaly-ensemble", "global");
        runtime.registry().revert("anomaly-ensemble", "global");
        assertThat(runtime.registry().active("anomaly-ensemble", "global")).isEmpty();
        robot.interact(view::refresh);
        await(() -> shipped.getText().startsWith(
                "Anomaly detection active: shipped default (models/detect/default.json) for every series"));
        assertThat(shipped.getText()).contains("SKAB held-out F1");
    }
}
