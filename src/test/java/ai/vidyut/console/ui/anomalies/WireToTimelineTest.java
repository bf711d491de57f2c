package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.LoopbackWebSocketServer;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.simulate.SimulatorWebSocketServer;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over the wire: the site simulator with an injected power drop, in accelerated time (a reading every
 * 10 s of simulated time, sent as fast as the socket takes them), serves its wire messages on a loopback WebSocket;
 * the real WebSocketSource, Pipeline and H2 file store take them, the window's live detection scores them as they
 * are committed, the anomaly is stored, and it appears in the running window's Anomalies list and timeline.
 */
@ExtendWith(ApplicationExtension.class)
class WireToTimelineTest {

    private static final long STEP_MS = 10_000;
    private static final int TICKS = 900;
    /** Monday 2026-03-02 10:00 in Pune (UTC+5:30): the office load is up. */
    private static final long FROM = Instant.parse("2026-03-02T04:30:00Z").toEpochMilli();
    private static final long FAULT_START = FROM + 600 * STEP_MS;
    private static final long FAULT_END = FROM + 700 * STEP_MS;

    @TempDir
    static Path dataDir;

    private LoopbackWebSocketServer server;
    private ConsoleRuntime runtime;
    private Shell shell;
    private final AtomicInteger sent = new AtomicInteger();
    private String siteId;

    @Start
    void start(Stage stage) throws Exception {
        SiteProfile profile = SiteProfile.standard(1);
        siteId = profile.siteId();
        SiteSimulator sim = new SiteSimulator(profile, 11,
                List.of(new Fault(SiteProfile.LOAD, FaultType.POWER_DROP, FAULT_START, FAULT_END, 0.6)));
        // the simulator's own wire form: one JSON array of the site's snapshots per tick
        server = LoopbackWebSocketServer.start(conn -> {
            for (int i = 0; i < TICKS; i++) {
                conn.send(WireFormat.encodeBatch(sim.step(FROM + i * STEP_MS), true));
                sent.incrementAndGet();
            }
        });

        runtime = ConsoleRuntime.open(dataDir.resolve("wire-" + System.nanoTime()), Pipeline.Options.defaults());
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        runtime.close();
        server.stop(1000);
    }

    @Test
    void anInjectedPowerDropSentOverWebSocketBecomesAStoredAnomalyAndAMarkOnTheTimeline(FxRobot robot)
            throws Exception {
        robot.clickOn("#view-" + Views.ANOMALIES);
        AnomaliesController view = (AnomaliesController) shell.controller().controllerOf(Views.ANOMALIES);
        assertThat(view.model().anomalies()).isEmpty();

        runtime.connect(ConnectionSettings.webSocket(server.url(SimulatorWebSocketServer.PATH_PREFIX + siteId)));
        await(() -> siteId.equals(shell.context().selectedSite().get()));
        await(() -> sent.get() == TICKS);

        // stored: an anomaly of load-1 power_kw overlapping the injected fault, typed as a power drop
        AnomalyStore store = new AnomalyStore(runtime.database());
        await(() -> store.list(siteId).stream().anyMatch(WireToTimelineTest::isTheFault));
        Anomaly stored = store.list(siteId).stream().filter(WireToTimelineTest::isTheFault).findFirst().orElseThrow();
        assertThat(stored.type()).isEqualTo(AnomalyType.POWER_DROP);
        assertThat(stored.startMillis() - FAULT_START).as("detection delay").isBetween(0L, 10 * STEP_MS);
        assertThat(stored.value()).isLessThan(stored.expectedValue());

        // shown: a row in the Anomalies list of the running window, and a mark inside the timeline's visible range
        @SuppressWarnings("unchecked")
        TableView<Anomaly> table = robot.lookup("#anomalyTable").queryAs(TableView.class);
        await(() -> table.getItems().stream().anyMatch(a -> a.id() == stored.id()));
        await(() -> view.model().visible().stream().anyMatch(a -> a.id() == stored.id()));
        await(() -> view.timeline().visibleFrom() <= stored.startMillis()
                && stored.endMillis() <= view.timeline().visibleTo());
        // no alarm on the faulted series before the fault (its end, the load coming back, may be flagged)
        List<Anomaly> loadAlarms = store.list(siteId).stream()
                .filter(a -> a.assetId().equals(SiteProfile.LOAD) && a.metric().equals("power_kw")).toList();
        assertThat(loadAlarms).as("load-1 power_kw anomalies").allSatisfy(a ->
                assertThat(a.startMillis()).isBetween(FAULT_START, FAULT_END + 30 * STEP_MS));
    }

    private static boolean isTheFault(Anomaly a) {
        return a.assetId().equals(SiteProfile.LOAD) && a.metric().equals("power_kw")
                && a.startMillis() < FAULT_END && a.endMillis() >= FAULT_START;
    }
}
