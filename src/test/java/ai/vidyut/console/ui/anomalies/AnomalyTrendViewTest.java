package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.AnomalyType;
import ai.vidyut.console.detect.Severity;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.charts.MarkedChart;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Selecting an anomaly draws the stored series around it, its expected band and its span. */
@ExtendWith(ApplicationExtension.class)
class AnomalyTrendViewTest {

    private static final long T0 = 1_772_000_000_000L;
    private static final long MINUTE = 60_000L;

    private ConsoleRuntime runtime;
    private Shell shell;

    @Start
    void start(Stage stage) throws Exception {
        runtime = ConsoleRuntime.open(Files.createTempDirectory("anomaly-trend"), Pipeline.Options.defaults());
        List<Reading> readings = new ArrayList<>();
        // 100 ± 1 every minute for two hours, a drop to 20 for ten minutes at T0; another series far away.
        for (int i = -60; i <= 60; i++) {
            long t = T0 + i * MINUTE;
            double v = i >= 0 && i <= 10 ? 20 : 100 + (i % 2 == 0 ? 1 : -1);
            readings.add(new Reading(t, "s-1", "inv-1", "power_kw", v));
            readings.add(new Reading(t, "s-1", "inv-2", "power_kw", 5000));
        }
        runtime.readingStore().append(readings);
        AnomalyStore store = new AnomalyStore(runtime.database());
        store.save(new Anomaly(0, "s-1", "inv-1", "power_kw", AnomalyType.POWER_DROP, Severity.HIGH,
                T0, T0 + 10 * MINUTE, 20, 100, -80, 0.93, 11));
        store.save(new Anomaly(0, "s-1", "pump-1", "vibration_mm_s", AnomalyType.SPIKE, Severity.LOW,
                T0 + 3_600_000, T0 + 3_660_000, 9, 3, 200, 0.62, 1));
        shell = ShellFixture.show(stage, runtime);
    }

    @AfterEach
    void stop() {
        shell.close();
        runtime.close();
    }

    @Test
    void selectingAnAnomalyShowsItsTrendExpectedBandAndSpan(FxRobot robot) throws Exception {
        await(() -> "s-1".equals(shell.context().selectedSite().get()));
        robot.clickOn("#view-" + Views.ANOMALIES);
        AnomaliesController view = (AnomaliesController) shell.controller().controllerOf(Views.ANOMALIES);
        await(() -> view.model().anomalies().size() == 2);
        MarkedChart chart = view.trendChart();
        assertThat(chart.getData().get(0).getData()).isEmpty();

        @SuppressWarnings("unchecked")
        TableView<Anomaly> table = robot.lookup("#anomalyTable").queryAs(TableView.class);
        Anomaly drop = table.getItems().stream().filter(a -> a.type() == AnomalyType.POWER_DROP).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(drop));
        await(() -> !chart.getData().get(0).getData().isEmpty() && chart.expectedBand() != null);

        List<XYChart.Data<Number, Number>> points = List.copyOf(chart.getData().get(0).getData());
        // the series of the selected anomaly only, from before its start to after its end
        assertThat(points).hasSizeGreaterThan(60);
        assertThat(points).allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isBetween(19.0, 101.5));
        assertThat(points.get(0).getXValue().longValue()).isLessThan(T0 - 20 * MINUTE);
        assertThat(points.get(points.size() - 1).getXValue().longValue()).isGreaterThan(T0 + 30 * MINUTE);
        assertThat(points).anySatisfy(d -> assertThat(d.getYValue().doubleValue()).isEqualTo(20.0));

        // expected 100, band ± 2 σ of the readings before the anomaly (alternating 99 / 101: σ ≈ 1)
        MarkedChart.ExpectedBand band = chart.expectedBand();
        assertThat(band.expected()).isEqualTo(100.0);
        assertThat(band.high() - band.expected()).isCloseTo(2.0, within(0.1));
        assertThat(band.expected() - band.low()).isCloseTo(2.0, within(0.1));
        robot.interact(() -> chart.layout());
        assertThat(chart.bandNode().isVisible()).isTrue();
        assertThat(chart.bandNode().getHeight()).isGreaterThan(0);

        // the anomalous span is highlighted, coloured by severity
        assertThat(chart.marks()).singleElement().satisfies(m -> {
            assertThat(m.fromX()).isEqualTo((double) T0);
            assertThat(m.toX()).isEqualTo((double) (T0 + 10 * MINUTE));
            assertThat(m.color()).isEqualTo(Timeline.color(Severity.HIGH));
        });
        assertThat(chart.markNodes()).singleElement()
                .satisfies(r -> assertThat(r.getWidth()).isGreaterThan(3));

        robot.interact(() -> table.getSelectionModel().clearSelection());
        await(() -> chart.getData().get(0).getData().isEmpty() && chart.marks().isEmpty());
    }
}
