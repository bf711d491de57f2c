package ai.vidyut.console.ui;

import ai.vidyut.console.telemetry.SeriesKey;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SelectedSiteSeriesTest {

    private static final SeriesKey A_POWER = new SeriesKey("a", "meter-1", "power_kw");
    private static final SeriesKey A_TEMP = new SeriesKey("a", "inv-1", "temperature_c");
    private static final SeriesKey A_SOC = new SeriesKey("a", "bat-1", "soc_pct");
    private static final SeriesKey B_POWER = new SeriesKey("b", "meter-1", "power_kw");

    private final Background background = new Background();
    private final SiteSeriesModel model = new SiteSeriesModel() { };
    /** The lists the fake store hands out per site; a site with a latch waits for it before answering. */
    private final Map<String, List<SeriesKey>> stored = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final List<String> fetchedOnFxThread = new CopyOnWriteArrayList<>();
    private final List<String> fetches = new CopyOnWriteArrayList<>();
    private int reselected;
    private final List<SeriesKey> keptOffered = new ArrayList<>();
    private SelectedSiteSeries<List<SeriesKey>> picker;

    @Start
    void start(Stage stage) {
        picker = new SelectedSiteSeries<>(background, model, new SelectedSiteSeries.View<>() {
            @Override
            public List<SeriesKey> fetch(String siteId) throws Exception {
                fetches.add(siteId);
                if (Platform.isFxApplicationThread()) {
                    fetchedOnFxThread.add(siteId);
                }
                CountDownLatch hold = holds.get(siteId);
                if (hold != null && !hold.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test hold never released");
                }
                return stored.getOrDefault(siteId, List.of());
            }

            @Override
            public List<SeriesKey> series(List<SeriesKey> fetched) {
                return fetched;
            }

            @Override
            public SeriesKey choose(List<SeriesKey> fetched, List<SeriesKey> list, SeriesKey kept) {
                keptOffered.add(kept);
                return kept != null ? kept : list.isEmpty() ? null : list.get(0);
            }

            @Override
            public void reselected() {
                reselected++;
            }
        });
    }

    @AfterEach
    void stop() {
        holds.values().forEach(CountDownLatch::countDown);
        background.close();
    }

    @Test
    void aListThatComesBackAfterAnotherSiteWasSelectedIsDropped(FxRobot robot) throws Exception {
        stored.put("a", List.of(A_POWER, A_TEMP));
        stored.put("b", List.of(B_POWER));
        CountDownLatch slowA = new CountDownLatch(1);
        holds.put("a", slowA);
        robot.interact(() -> {
            picker.shown();
            picker.siteChanged("a");
        });
        await(() -> fetches.contains("a"));
        robot.interact(() -> picker.siteChanged("b"));
        await(() -> List.of(B_POWER).equals(model.series()));
        assertThat(model.selectedProperty().get()).isEqualTo(B_POWER);

        slowA.countDown(); // site a's list arrives late, while b is selected
        bothWorkersFree();
        WaitForAsyncUtils.waitForFxEvents(); // a's list, handed over before, has reached the picker
        robot.interact(() -> {
            assertThat(model.series()).containsExactly(B_POWER);
            assertThat(model.selectedProperty().get()).isEqualTo(B_POWER);
        });
        assertThat(fetches).containsExactly("a", "b");
        assertThat(fetchedOnFxThread).isEmpty();
    }

    @Test
    void theSelectionStaysWhenTheNewListStillHasItAndTheViewQueriesItAgain(FxRobot robot) throws Exception {
        stored.put("a", List.of(A_POWER, A_TEMP));
        robot.interact(() -> {
            picker.shown();
            picker.siteChanged("a");
        });
        await(() -> model.series().size() == 2);
        robot.interact(() -> model.selectedProperty().set(A_TEMP));

        stored.put("a", List.of(A_SOC, A_TEMP, A_POWER)); // an import added a series
        robot.interact(picker::dataChanged);
        await(() -> model.series().size() == 3);
        assertThat(model.selectedProperty().get()).isEqualTo(A_TEMP);
        assertThat(reselected).isEqualTo(1);
        assertThat(keptOffered).containsExactly(null, A_TEMP);

        stored.put("a", List.of(A_SOC)); // the selected series is gone: the view chooses again
        robot.interact(picker::reload);
        await(() -> model.series().size() == 1);
        assertThat(model.selectedProperty().get()).isEqualTo(A_SOC);
        assertThat(keptOffered).containsExactly(null, A_TEMP, null);
        assertThat(reselected).isEqualTo(1);
    }

    @Test
    void aHiddenViewReadsTheListWhenShownAndSaysWhatIsMissing(FxRobot robot) throws Exception {
        robot.interact(() -> picker.siteChanged("a"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fetches).isEmpty();

        robot.interact(picker::shown);
        await(() -> model.messageProperty().get().equals("No stored readings for a yet."));
        assertThat(fetches).containsExactly("a");
        robot.interact(picker::hidden);
        robot.interact(picker::shown); // nothing changed meanwhile: no second read
        assertThat(fetches).containsExactly("a");

        robot.interact(() -> picker.siteChanged(null));
        assertThat(model.messageProperty().get()).isEqualTo("Select a site on the left.");
        assertThat(model.series()).isEmpty();
        assertThat(fetches).containsExactly("a");
    }

    /**
     * Returns once both of the pool's workers ran a task together, so site a's task, with the hand-over of its
     * result to the FX thread, has finished.
     */
    private void bothWorkersFree() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        var first = background.run(() -> both.await(20, TimeUnit.SECONDS), x -> { });
        var second = background.run(() -> both.await(20, TimeUnit.SECONDS), x -> { });
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
    }
}
