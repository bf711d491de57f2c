package ai.vidyut.console.ui;

import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.dashboard.DashboardController;
import ai.vidyut.console.ui.dashboard.LatestRow;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing configured the runtime runs the demo: the simulator on a loopback WebSocket, through the real
 * WebSocketSource and pipeline. The banner says so, the dashboard shows what was stored, and adding a real
 * connection stops the demo and hides the banner.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModeTest {

    @TempDir
    static Path root;

    private ConsoleRuntime runtime;
    private Shell shell;

    @Start
    void start(Stage stage) {
        runtime = ConsoleRuntime.start(root.resolve("demo-" + System.nanoTime()),
                new ConsoleRuntime.DemoOptions(1, 2, 42));
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    @Test
    void demoDataReachesTheDashboardUnderABannerUntilARealConnectionIsAdded(FxRobot robot) throws Exception {
        Label banner = robot.lookup("#demoBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("Demo data from the built-in simulator");

        DashboardController d = (DashboardController) shell.controller().controllerOf(Views.DASHBOARD);
        await(() -> "site-1".equals(shell.context().selectedSite().get()));
        await(() -> d.model().rows().stream().anyMatch(r -> r.metricName().equals("voltage_v")
                && r.asset().equals("meter-1") && r.timestampProperty().get() > 0));
        // The value on screen is the one stored from the wire.
        long[] ts = new long[1];
        double[] shown = new double[1];
        robot.interact(() -> {
            LatestRow voltage = d.model().rows().stream()
                    .filter(r -> r.metricName().equals("voltage_v") && r.asset().equals("meter-1")).findFirst()
                    .orElseThrow();
            ts[0] = voltage.timestampProperty().get();
            shown[0] = voltage.valueProperty().get();
        });
        List<ReadingStore.Point> stored = runtime.readingStore()
                .range(new SeriesKey("site-1", "meter-1", "voltage_v"), ts[0], ts[0] + 1);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).value()).isEqualTo(shown[0]);

        ShellFixture.press(robot, "#connectionsButton");
        TextField url = robot.lookup("#connUrlField").queryAs(TextField.class);
        robot.interact(() -> url.setText("ws://127.0.0.1:9/ws/site/plant-1"));
        ShellFixture.press(robot, "#connSaveButton");
        await(() -> !banner.isVisible());
        assertThat(runtime.isDemo()).isFalse();
        assertThat(runtime.sources()).noneMatch(s -> s.name().startsWith("demo:"));
        Label message = robot.lookup("#connMessage").queryAs(Label.class);
        await(() -> message.getText().contains("demo has stopped"));
    }
}
