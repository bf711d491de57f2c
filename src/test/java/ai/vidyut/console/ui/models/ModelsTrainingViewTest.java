package ai.vidyut.console.ui.models;

import ai.vidyut.console.detect.AutoTraining;
import ai.vidyut.console.detect.eval.Training;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.TrainingTasks;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
import java.time.Duration;
import java.time.Instant;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The models view shows the trainer's tasks with a progress bar, and "Train now" trains a chosen series. */
@ExtendWith(ApplicationExtension.class)
class ModelsTrainingViewTest {

    private ConsoleRuntime runtime;
    private Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("models-training-view");
        runtime = ConsoleRuntime.open(dir, Pipeline.Options.defaults());
        long from = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
        runtime.readingStore().append(new SiteSimulator(SiteProfile.standard(1), 3)
                .readings(from, from + Duration.ofHours(54).toMillis(), 300_000));
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    @Test
    void showsTaskProgressAndTrainsASeriesOnDemand(FxRobot robot) throws Exception {
        robot.clickOn("#view-" + Views.MODELS);
        ModelsController view = (ModelsController) shell.controller().controllerOf(Views.MODELS);
        AutoTraining trainer = shell.context().services().find(AutoTraining.class).orElseThrow();

        // a task reporting progress appears with its bar at the reported fraction
        TrainingTasks.Task task = trainer.tasks().submit(Training.KIND, "site-1/pv-1/power_kw", AutoTraining.AUTO);
        trainer.tasks().progress(task.id(), 0.42, "search trial 3/8");
        await(() -> view.model().tasks().stream().anyMatch(t -> t.id() == task.id() && t.fraction() == 0.42));
        @SuppressWarnings("unchecked")
        TableView<TrainingTasks.Task> tasks = robot.lookup("#taskTable").queryAs(TableView.class);
        await(() -> tasks.lookupAll(".progress-bar").stream().map(n -> ((ProgressBar) n).getProgress())
                .anyMatch(p -> Math.abs(p - 0.42) < 1e-9));
        await(() -> tasks.lookupAll(".label").stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .anyMatch("search trial 3/8"::equals)
                || tasks.lookupAll(".table-cell").stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .anyMatch("search trial 3/8"::equals));

        // a trainer reporting a thousand times reaches the view as a few coalesced updates, not one per report
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> view.model().tasks().addListener(
                (javafx.collections.ListChangeListener<TrainingTasks.Task>) c -> updates.incrementAndGet()));
        for (int i = 1; i <= 1000; i++) {
            trainer.tasks().progress(task.id(), 0.42 + 0.5 * i / 1000, "step " + i);
        }
        await(() -> view.model().tasks().stream().anyMatch(t -> t.id() == task.id() && "step 1000".equals(t.message())));
        assertThat(updates.get()).as("task list updates for 1000 reports").isBetween(1, 20);
        trainer.tasks().done(task.id(), "finished elsewhere", null);

        // Train now: a real training of the chosen series, its progress to the end, and its run in the list
        SeriesKey key = new SeriesKey("site-1", "meter-1", "voltage_v");
        @SuppressWarnings("unchecked")
        ComboBox<SeriesKey> choice = robot.lookup("#seriesChoice").queryAs(ComboBox.class);
        await(() -> choice.getItems().contains(key));
        robot.interact(() -> choice.setValue(key));
        ShellFixture.press(robot, "#trainNowButton");
        await(() -> view.model().tasks().stream().anyMatch(t -> t.scope().equals(key.toString())));
        await(() -> view.model().tasks().stream().anyMatch(t -> t.scope().equals(key.toString())
                && t.state() == TrainingTasks.State.DONE && t.fraction() == 1.0));
        assertThat(view.model().messageProperty().get()).contains("Training of " + key + " is queued");
        @SuppressWarnings("unchecked")
        TableView<ModelRun> runs = robot.lookup("#runTable").queryAs(TableView.class);
        await(() -> runs.getItems().stream().anyMatch(r -> r.scope().equals(key.toString())
                && r.status().equals(ModelRun.TRAINED) && r.metrics().containsKey("activeObjective")));
        assertThat(runtime.registry().runs(Training.KIND, key.toString())).isNotEmpty();
    }
}
