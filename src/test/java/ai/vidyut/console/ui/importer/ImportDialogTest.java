package ai.vidyut.console.ui.importer;

import ai.vidyut.console.ui.ShellFixture;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
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

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    private ShellFixture fx;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> { });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void reportsTheBadLineWithItsNumberImportsNothingThenImportsGoodRowsWhenAskedTo(FxRobot robot) throws Exception {
        Path csv = dir.resolve("plant.csv");
        Files.writeString(csv, """
                timestamp,site,asset,metric,value
                2026-03-01T10:00:00Z,plant-9,inv-1,power_kw,850.2
                2026-03-01T10:00:01Z,plant-9,inv-1,power_kw,851.0
                2026-03-01T10:00:02Z,plant-9,inv-1,power_kw,not-a-number
                2026-03-01T10:00:03Z,plant-9,inv-1,temperature_c,41.5
                """);

        robot.clickOn("#importButton");
        TextField file = robot.lookup("#importFileField").queryAs(TextField.class);
        robot.interact(() -> file.setText(csv.toString()));
        robot.clickOn("#importRunButton");

        ListView<String> bad = robot.lookup("#importBadLines").queryListView();
        Label summary = robot.lookup("#importSummary").queryAs(Label.class);
        try {
            await(() -> !bad.getItems().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no bad lines; summary: " + summary.getText(), e);
        }
        assertThat(bad.getItems()).hasSize(1);
        assertThat(bad.getItems().get(0)).startsWith("line 4: ").contains("not-a-number");
        assertThat(summary.getText()).contains("1 bad line").contains("nothing imported");
        assertThat(fx.backend.readings().count()).isZero();

        ShellFixture.press(robot, "#importSkipBad");
        assertThat(robot.lookup("#importSkipBad").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#importRunButton");
        await(() -> summary.getText().startsWith("Imported"));
        assertThat(summary.getText()).contains("Imported 3 new readings").contains("skipped 1 bad line");
        assertThat(robot.lookup("#importProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(fx.backend.readings().count()).isEqualTo(3);
        // The imported site shows up in the navigator, marked as discovered.
        await(() -> fx.shell.controller().siteList().getItems().stream().anyMatch(s -> s.id().equals("plant-9")));

        // Importing the same file again stores nothing twice.
        robot.clickOn("#importRunButton");
        await(() -> summary.getText().startsWith("Imported 0"));
        assertThat(fx.backend.readings().count()).isEqualTo(3);
        assertThat(summary.getText()).contains("3 were already stored");
    }

    @Test
    void importsAWideFileForTheGivenSiteAndAsset(FxRobot robot) throws Exception {
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, """
                timestamp,power_kw,temperature_c,mystery_metric
                2026-03-01T10:00:00Z,850.2,41.5,1
                2026-03-01T10:01:00Z,851.0,41.7,2
                """);
        ShellFixture.press(robot, "#importButton");
        robot.interact(() -> {
            robot.lookup("#importFileField").queryAs(TextField.class).setText(csv.toString());
            robot.lookup("#importWideFormat").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
            robot.lookup("#importSiteField").queryAs(TextField.class).setText("wide-site");
            robot.lookup("#importAssetField").queryAs(TextField.class).setText("inv-2");
        });
        ShellFixture.press(robot, "#importRunButton");
        Label summary = robot.lookup("#importSummary").queryAs(Label.class);
        await(() -> summary.getText().startsWith("Imported"));
        assertThat(summary.getText()).contains("Imported 6 new readings").contains("wide");
        assertThat(fx.backend.readings().series("wide-site")).extracting(k -> k.metric())
                .containsExactlyInAnyOrder("power_kw", "temperature_c", "mystery_metric");
    }
}
