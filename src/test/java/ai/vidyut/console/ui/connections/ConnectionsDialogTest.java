package ai.vidyut.console.ui.connections;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.MqttSource;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.ingest.SettingsStore;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.ui.shell.Shell;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import ai.vidyut.console.ui.ShellFixture;
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
class ConnectionsDialogTest {

    @TempDir
    static Path root;

    private Path dataDir;
    private ConsoleRuntime runtime;
    private Shell shell;

    @Start
    void start(Stage stage) {
        dataDir = root.resolve("conn-" + System.nanoTime());
        runtime = ConsoleRuntime.open(dataDir, Pipeline.Options.defaults());
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    private void set(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    @Test
    void addsAnMqttConnectionPersistsItWithAnEncryptedPasswordStartsItsSourceAndRemovesIt(FxRobot robot)
            throws Exception {
        ShellFixture.press(robot, "#connectionsButton");
        set(robot, "#connNameField", "plant broker");
        set(robot, "#connUrlField", "http://127.0.0.1:1");
        ShellFixture.press(robot, "#connSaveButton");
        Label message = robot.lookup("#connMessage").queryAs(Label.class);
        assertThat(message.getText()).contains("tcp://");

        set(robot, "#connUrlField", "tcp://127.0.0.1:1");
        assertThat(robot.lookup("#connKindLabel").queryAs(Label.class).getText()).isEqualTo("MQTT");
        set(robot, "#connClientIdField", "console-7");
        set(robot, "#connUserField", "operator");
        PasswordField password = robot.lookup("#connPasswordField").queryAs(PasswordField.class);
        robot.interact(() -> password.setText("s3cret-Pa55"));
        ShellFixture.press(robot, "#connTlsBox");
        assertThat(robot.lookup("#connTlsBox").queryAs(CheckBox.class).isSelected()).isTrue();
        ShellFixture.press(robot, "#connSaveButton");

        ListView<ConnectionSettings> list = robot.lookup("#connList").queryListView();
        await(() -> list.getItems().size() == 1);
        List<ConnectionSettings> saved = new SettingsStore(dataDir).load();
        assertThat(saved).hasSize(1);
        ConnectionSettings c = saved.get(0);
        assertThat(c.name()).isEqualTo("plant broker");
        assertThat(c.url()).isEqualTo("ssl://127.0.0.1:1");
        assertThat(c.tls()).isTrue();
        assertThat(c.clientId()).isEqualTo("console-7");
        assertThat(c.username()).isEqualTo("operator");
        assertThat(c.password()).isEqualTo("s3cret-Pa55");
        assertThat(c.mqttVersion()).isEqualTo(5);
        assertThat(Files.readString(dataDir.resolve(SettingsStore.FILE_NAME))).doesNotContain("s3cret-Pa55");
        assertThat(runtime.sources()).extracting(s -> s.name()).containsExactly(MqttSource.defaultName(c.url()));

        robot.interact(() -> list.getSelectionModel().select(0));
        ShellFixture.press(robot, "#connRemoveButton");
        await(() -> list.getItems().isEmpty());
        assertThat(new SettingsStore(dataDir).load()).isEmpty();
        assertThat(runtime.sources()).isEmpty();
    }
}
