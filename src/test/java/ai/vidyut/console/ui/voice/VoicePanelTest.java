package ai.vidyut.console.ui.voice;

import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.views.Views;
import ai.vidyut.console.voice.AuditLog;
import ai.vidyut.console.voice.VoiceFixtures;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The voice panel on a headless machine: no microphone, typed commands, the confirmation dialog. */
@ExtendWith(ApplicationExtension.class)
class VoicePanelTest {

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            VoiceFixtures.sites().forEach(b.sites()::saveSite);
            VoiceFixtures.assets().forEach(b.sites()::saveAsset);
        });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void type(FxRobot robot, String command) {
        TextField field = robot.lookup("#commandField").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText(command);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    private void answerDialog(FxRobot robot, String button) throws Exception {
        await(() -> robot.lookup("#voiceConfirmDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#voiceConfirmDialog").queryAs(DialogPane.class);
        Button b = (Button) pane.getButtonTypes().stream().filter(t -> t.getText().equals(button)).findFirst()
                .map(pane::lookupButton).orElseThrow();
        robot.interact(b::fire);
    }

    private List<AuditLog.Event> auditEvents() {
        AuditLog audit = new AuditLog(fx.backend.database(), Clock.systemUTC());
        List<AuditLog.Event> newestFirst = new java.util.ArrayList<>(audit.latest(10).stream().map(AuditLog.Entry::event)
                .toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Test
    void typedCommandsWorkWithoutAMicrophoneAndDeviceControlAsksFirst(FxRobot robot) throws Exception {
        robot.interact(() -> fx.shell.controller().show(Views.VOICE));
        await(() -> text(robot, "#micStatus").startsWith("No microphone"));
        assertThat(robot.lookup("#talkButton").queryAs(Button.class).isDisabled()).isTrue();

        // navigation happens at once
        type(robot, "show the history");
        await(() -> Views.HISTORY.equals(fx.shell.controller().currentViewProperty().get()));
        robot.interact(() -> fx.shell.controller().show(Views.VOICE));

        // a device command waits for the operator; cancelled, nothing is sent, and it is audited
        type(robot, "switch on pump two");
        answerDialog(robot, "Cancel");
        await(() -> text(robot, "#resultLabel").startsWith("Cancelled: Switch ON Pump 2"));
        assertThat(text(robot, "#commandLabel")).contains("device_control").contains("asset=pump-2");
        assertThat(auditEvents()).containsExactly(AuditLog.Event.REQUESTED, AuditLog.Event.CANCELLED);

        // confirmed, but no command broker is configured here: it says so, and the audit log shows it
        type(robot, "switch on pump two");
        answerDialog(robot, "Send");
        await(() -> text(robot, "#resultLabel").contains("no MQTT connection"));
        assertThat(auditEvents()).endsWith(AuditLog.Event.REQUESTED, AuditLog.Event.CONFIRMED, AuditLog.Event.FAILED);

        // an invalid command is explained with a suggestion
        type(robot, "turn on the flux capacitor");
        await(() -> text(robot, "#resultLabel").contains("unknown device"));
        assertThat(text(robot, "#resultLabel")).contains("Try:");

        @SuppressWarnings("unchecked")
        ListView<String> history = robot.lookup("#historyList").queryAs(ListView.class);
        await(() -> history.getItems().size() == 4);
        assertThat(history.getItems().get(0)).contains("turn on the flux capacitor");
        Node meter = robot.lookup(".progress-bar").query();
        assertThat(meter).isNotNull();
    }
}
