package ai.vidyut.console.ui;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.events.NavigateRequested;
import ai.vidyut.console.ui.events.SiteSelected;
import ai.vidyut.console.ui.shell.Shell;
import ai.vidyut.console.ui.views.ViewSpec;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.ListView;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ShellTest {

    private StoreBackend backend;
    private Shell shell;

    @Start
    void start(Stage stage) {
        backend = new StoreBackend(Database.inMemory("shell-" + System.nanoTime()), true);
        backend.sites().saveSite(new Site("plant-1", "North plant", 52.5, 13.4, "Europe/Berlin", 800, false));
        backend.sites().ensureSite("found-9");
        shell = new Shell(backend);
        stage.setScene(shell.scene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        shell.close();
        backend.close();
    }

    @Test
    void navigatorListsSitesAndMarksDiscoveredOnes(FxRobot robot) throws Exception {
        ListView<Site> list = robot.lookup("#siteList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertThat(list.getItems()).extracting(Site::id).containsExactly("found-9", "plant-1");
        assertThat(robot.lookup("#site-found-9 .tag-discovered").tryQuery()).isPresent();
        assertThat(robot.lookup("#site-plant-1 .tag-discovered").tryQuery()).isEmpty();
    }

    @Test
    void everyRegisteredViewLoadsAndTheViewBarSwitchesViews(FxRobot robot) {
        for (ViewSpec spec : Views.all()) {
            robot.clickOn("#view-" + spec.id());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shell.controller().currentViewProperty().get()).isEqualTo(spec.id());
        }
    }

    @Test
    void selectingASitePublishesSiteSelectedAndNavigateRequestSwitchesViewAndSite(FxRobot robot) throws Exception {
        List<String> selected = new ArrayList<>();
        robot.interact(() -> shell.bus().subscribe(SiteSelected.class, e -> selected.add(e.siteId())));
        ListView<Site> list = robot.lookup("#siteList").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        robot.clickOn("#site-plant-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected).endsWith("plant-1");
        assertThat(shell.context().selectedSite().get()).isEqualTo("plant-1");

        robot.interact(() -> shell.bus().publish(new NavigateRequested(Views.HISTORY, "found-9")));
        assertThat(shell.controller().currentViewProperty().get()).isEqualTo(Views.HISTORY);
        assertThat(shell.context().selectedSite().get()).isEqualTo("found-9");
        assertThat(selected).endsWith("found-9");
    }

    @Test
    void noDemoBannerWhenNotInDemoMode(FxRobot robot) {
        assertThat(robot.lookup(".demo-banner").query().isVisible()).isFalse();
    }
}
