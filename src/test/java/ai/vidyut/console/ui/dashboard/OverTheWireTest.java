package ai.vidyut.console.ui.dashboard;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.LoopbackWebSocketServer;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.SourceStatus;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: a WebSocket server on loopback sends telemetry; the real WebSocketSource, Pipeline and H2 file
 * store take it; the dashboard shows the value and the status bar counts the malformed message.
 */
@ExtendWith(ApplicationExtension.class)
class OverTheWireTest {

    private static final String VALID = "{\"siteId\":\"wire-1\",\"assetId\":\"bat-1\",\"ts\":\"2026-03-01T10:15:00.250Z\","
            + "\"metrics\":{\"soc_pct\":63.5,\"cell_imbalance_mv\":7.25}}";
    private static final String BROKEN = "{\"siteId\":\"wire-1\",\"metrics\":";

    @TempDir
    static Path dataDir;

    private LoopbackWebSocketServer server;
    private ConsoleRuntime runtime;
    private Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        server = LoopbackWebSocketServer.start(conn -> {
            conn.send(VALID);
            conn.send(BROKEN);
        });

        runtime = ConsoleRuntime.open(dataDir.resolve("wire-" + System.nanoTime()), Pipeline.Options.defaults());
        shell = ShellFixture.show(stage, runtime);
        runtime.connect(ConnectionSettings.webSocket(server.url("/ws/site/wire-1")));
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        runtime.close();
        server.stop(1000);
    }

    @Test
    void aValueReceivedOverWebSocketAppearsOnTheDashboardAndTheBadMessageIsCounted(FxRobot robot) throws Exception {
        DashboardController d = (DashboardController) shell.controller().controllerOf(Views.DASHBOARD);
        // The site was discovered on the wire, listed in the navigator and selected.
        await(() -> "wire-1".equals(shell.context().selectedSite().get()));
        await(() -> d.tile("soc").getValue() == 63.5);
        TableView<?> table = robot.lookup("#valuesTable").queryTableView();
        assertThat(d.model().rows()).anySatisfy(r -> {
            assertThat(r.metricName()).isEqualTo("cell_imbalance_mv");
            assertThat(r.known()).isFalse();
            assertThat(r.valueProperty().get()).isEqualTo(7.25);
        });
        assertThat(table.getItems()).hasSize(2);
        assertThat(runtime.readingStore().count()).isEqualTo(2);

        // Status bar: the source is connected, and the malformed message is in quarantine.
        await(() -> shell.controller().status().sources().stream().map(SourceStatus::state).toList().contains("CONNECTED"));
        Hyperlink quarantine = robot.lookup("#quarantineLink").queryAs(Hyperlink.class);
        await(() -> quarantine.getText().equals("Quarantined: 1"));
        robot.clickOn("#quarantineLink");
        TextArea payload = robot.lookup("#quarantinePayload").queryAs(TextArea.class);
        await(() -> payload.getText().equals(BROKEN));
    }
}
