package ai.vidyut.console.ui.history;

import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.telemetry.SeriesKey;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.events.NavigateRequested;
import ai.vidyut.console.ui.events.SeriesRequested;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.DatePicker;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class HistoryTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    private static final SeriesKey POWER = new SeriesKey("h-1", "meter-1", "power_kw");
    private static final SeriesKey TEMP = new SeriesKey("h-1", "inv-1", "temperature_c");

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i <= 120; i++) { // two hours, one reading a minute, values 0..120
                readings.add(new Reading(T0 + i * 60_000L, "h-1", "meter-1", "power_kw", i));
                readings.add(new Reading(T0 + i * 60_000L, "h-1", "inv-1", "temperature_c", 40 + i % 7));
            }
            b.readings().append(readings);
        });
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void chartsAStoredSeriesOverACustomRangeWithMinMaxBandAndMean(FxRobot robot) throws Exception {
        await(() -> "h-1".equals(fx.shell.context().selectedSite().get()));
        robot.clickOn("#view-" + Views.HISTORY);
        HistoryController history = (HistoryController) fx.shell.controller().controllerOf(Views.HISTORY);
        await(() -> history.model().series().size() == 2);
        assertThat(history.model().selectedProperty().get()).isEqualTo(POWER);

        ShellFixture.press(robot, "#preset-custom");
        DatePicker from = robot.lookup("#fromPicker").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#toPicker").queryAs(DatePicker.class);
        robot.interact(() -> {
            from.setValue(LocalDate.of(2026, 2, 28));
            to.setValue(LocalDate.of(2026, 3, 2));
        });
        await(() -> !history.model().buckets().isEmpty());

        List<ReadingStore.Bucket> buckets = List.copyOf(history.model().buckets());
        assertThat(buckets.stream().mapToLong(ReadingStore.Bucket::count).sum()).isEqualTo(121);
        assertThat(buckets.stream().mapToDouble(ReadingStore.Bucket::min).min().orElseThrow()).isEqualTo(0);
        assertThat(buckets.stream().mapToDouble(ReadingStore.Bucket::max).max().orElseThrow()).isEqualTo(120);
        assertThat(buckets.size()).isLessThanOrEqualTo(HistoryModel.TARGET_BUCKETS);
        // Downsampled: a 4-day range is not drawn point by point.
        assertThat(history.model().bucketMillisProperty().get()).isGreaterThan(60_000L);
        await(() -> history.chart().band().size() == buckets.size());
        assertThat(history.chart().getData().get(0).getData()).hasSize(buckets.size());
        assertThat(history.model().messageProperty().get()).contains("121 readings");
    }

    @Test
    void anotherViewCanAskForASeriesThroughTheBus(FxRobot robot) throws Exception {
        await(() -> "h-1".equals(fx.shell.context().selectedSite().get()));
        robot.interact(() -> {
            fx.shell.bus().publish(new NavigateRequested(Views.HISTORY, "h-1"));
            fx.shell.bus().publish(new SeriesRequested(TEMP));
        });
        HistoryController history = (HistoryController) fx.shell.controller().controllerOf(Views.HISTORY);
        await(() -> TEMP.equals(history.model().selectedProperty().get()));
        assertThat(fx.shell.controller().currentViewProperty().get()).isEqualTo(Views.HISTORY);
    }
}
