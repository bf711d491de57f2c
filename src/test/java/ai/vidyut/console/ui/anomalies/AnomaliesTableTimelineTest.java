package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.TableColumn;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anomaly list sorts numbers as numbers; the timeline keeps the operator's zoom and pan and the selection across
 * a reload, and fits on request; times and statistics follow the site's zone.
 */
@ExtendWith(ApplicationExtension.class)
class AnomaliesTableTimelineTest {

    private static final long T0 = 1_772_000_000_000L;
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private ConsoleRuntime runtime;
    private Shell shell;
    private AnomalyStore store;

    private Anomaly anomaly(String asset, long start, long minutes, double confidence, double deviation) {
        return new Anomaly(0, "s-1", asset, "power_kw", AnomalyType.SPIKE, Severity.HIGH, start,
                start + minutes * 60_000, 20, 100, deviation, confidence, 3);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("anomalies-ux");
        runtime = ConsoleRuntime.open(dir, Pipeline.Options.defaults());
        runtime.siteStore().createSite(new Site("s-1", "Pune", 18.5, 73.8, "Asia/Kolkata", 500, false));
        runtime.readingStore().append(List.of(new Reading(T0, "s-1", "inv-1", "power_kw", 10)));
        store = new AnomalyStore(runtime.database());
        AlertService alerts = new AlertService(runtime.database());
        // as text, "100 %" < "5 %" < "62 %" < "93 %" < "99 %"; and "+200.0" < "+58.0" < "-80.0"
        alerts.raise(store.save(anomaly("inv-1", T0, 10, 0.93, -80)));
        alerts.raise(store.save(anomaly("pump-1", T0 + 3_600_000, 1, 0.62, 200)));
        alerts.raise(store.save(anomaly("inv-1", T0 + 7_200_000, 30, 0.99, 58)));
        alerts.raise(store.save(anomaly("meter-1", T0 + 10_800_000, 5, 1.0, 7)));
        alerts.raise(store.save(anomaly("meter-1", T0 + 14_400_000, 5, 0.05, -3)));
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    private AnomaliesController open(FxRobot robot) throws Exception {
        await(() -> "s-1".equals(shell.context().selectedSite().get()));
        robot.clickOn("#view-" + Views.ANOMALIES);
        AnomaliesController view = (AnomaliesController) shell.controller().controllerOf(Views.ANOMALIES);
        await(() -> view.model().anomalies().size() == 5);
        // the view's table is attached to the scene on a later pulse than the controller exists (slow under load)
        await(() -> robot.lookup("#anomalyTable").tryQuery().isPresent() && table(robot).getItems().size() == 5);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static TableView<Anomaly> table(FxRobot robot) {
        return robot.lookup("#anomalyTable").queryAs(TableView.class);
    }

    private static TableColumn<Anomaly, ?> column(TableView<Anomaly> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText()).filter(t -> t != null).toList();
    }

    @Test
    void sortsConfidenceAndDeviationAsNumbersAndFormatsThem(FxRobot robot) throws Exception {
        open(robot);
        TableView<Anomaly> table = table(robot);
        TableColumn<Anomaly, ?> confidence = column(table, "anomalyColumn-confidence");
        robot.interact(() -> {
            confidence.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(confidence));
        });
        assertThat(table.getItems()).extracting(Anomaly::confidence).containsExactly(0.05, 0.62, 0.93, 0.99, 1.0);
        robot.interact(() -> confidence.setSortType(TableColumn.SortType.DESCENDING));
        assertThat(table.getItems()).extracting(Anomaly::confidence).containsExactly(1.0, 0.99, 0.93, 0.62, 0.05);
        // the cells still show formatted text
        await(() -> cellTexts(robot).containsAll(List.of("100 %", "5 %"))); // cells render on a later pulse

        TableColumn<Anomaly, ?> deviation = column(table, "anomalyColumn-deviation");
        robot.interact(() -> {
            deviation.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(deviation));
        });
        assertThat(table.getItems()).extracting(Anomaly::deviationPct).containsExactly(-80.0, -3.0, 7.0, 58.0, 200.0);
    }

    @Test
    void zoomPanAndSelectionSurviveAReloadAndFitShowsEverything(FxRobot robot) throws Exception {
        AnomaliesController view = open(robot);
        Timeline timeline = view.timeline();
        long fittedFrom = timeline.visibleFrom();
        long fittedTo = timeline.visibleTo();
        assertThat(fittedFrom).isLessThanOrEqualTo(T0);
        assertThat(fittedTo).isGreaterThanOrEqualTo(T0 + 14_400_000 + 300_000);

        robot.interact(() -> timeline.zoom(0.25, 400));
        long zoomedFrom = timeline.visibleFrom();
        long zoomedTo = timeline.visibleTo();
        assertThat(zoomedTo - zoomedFrom).isLessThan((fittedTo - fittedFrom) / 3);

        robot.interact(() -> timeline.pan(200));
        long shift = timeline.visibleFrom() - zoomedFrom;
        assertThat(shift).as("dragging to the left moves the window later").isPositive();
        assertThat(timeline.visibleTo() - timeline.visibleFrom()).isEqualTo(zoomedTo - zoomedFrom);
        long pannedFrom = timeline.visibleFrom();
        long pannedTo = timeline.visibleTo();

        TableView<Anomaly> table = table(robot);
        Anomaly chosen = table.getItems().stream().filter(a -> a.confidence() == 0.99).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(chosen));
        assertThat(timeline.selected()).isEqualTo(chosen);

        // a new anomaly far outside the window arrives and the view reloads (as after an acknowledge)
        store.save(anomaly("inv-1", T0 + 86_400_000, 10, 0.7, 12));
        ShellFixture.press(robot, "#refreshButton");
        await(() -> view.model().anomalies().size() == 6);
        ShellFixture.await(() -> table.getItems().size() == 6);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the reload's FX update runs to its end
        assertThat(timeline.visibleFrom()).isEqualTo(pannedFrom);
        assertThat(timeline.visibleTo()).isEqualTo(pannedTo);
        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(chosen.id());
        assertThat(timeline.selected().id()).isEqualTo(chosen.id());

        ShellFixture.press(robot, "#timelineFitButton");
        assertThat(timeline.visibleFrom()).isLessThanOrEqualTo(T0);
        assertThat(timeline.visibleTo()).isGreaterThanOrEqualTo(T0 + 86_400_000 + 600_000);
    }

    @Test
    void timesAndStatisticsAreInTheSiteZone(FxRobot robot) throws Exception {
        AnomaliesController view = open(robot);
        TableView<Anomaly> table = table(robot);
        TableColumn<Anomaly, ?> start = table.getColumns().get(0);
        await(() -> start.getText().equals("Start (Asia/Kolkata)"));
        String local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.ofEpochMilli(T0).atZone(KOLKATA));
        await(() -> cellTexts(robot).contains(local)); // cells render on a later pulse than the header
        assertThat(view.timeline().zone()).isEqualTo(KOLKATA);
        assertThat(view.timeline().fromLabel()).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").format(Instant.ofEpochMilli(view.timeline().visibleFrom())
                        .atZone(KOLKATA)));

        StatsStrip stats = view.statsStrip();
        await(() -> stats.stats() != null && stats.stats().count() == 5);
        assertThat(stats.stats().zone()).isEqualTo("Asia/Kolkata");
        assertThat(stats.summaryText()).startsWith("5 anomalies").contains("max 100 %");
        int[] hours = new int[24];
        int[] days = new int[7];
        for (long offset : new long[]{0, 3_600_000, 7_200_000, 10_800_000, 14_400_000}) {
            ZonedDateTime t = Instant.ofEpochMilli(T0 + offset).atZone(KOLKATA);
            hours[t.getHour()]++;
            days[t.getDayOfWeek().getValue() - 1]++;
        }
        assertThat(stats.stats().byHour()).containsExactly(hours);
        assertThat(stats.stats().byDayOfWeek()).containsExactly(days);
    }
}
