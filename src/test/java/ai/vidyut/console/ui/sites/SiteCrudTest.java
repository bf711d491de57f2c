package ai.vidyut.console.ui.sites;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.AssetKind;
import ai.vidyut.console.telemetry.Site;
import ai.vidyut.console.ui.ShellFixture;
import ai.vidyut.console.ui.views.Views;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Map;

import static ai.vidyut.console.ui.ShellFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SiteCrudTest {

    private ShellFixture fx;

    @Start
    void start(Stage stage) {
        fx = ShellFixture.show(stage, b -> b.sites().saveSite(new Site("old-1", "Old site", Double.NaN, Double.NaN,
                "UTC", Double.NaN, false)));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void set(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    @Test
    void createEditAndDeleteASiteFromTheNavigator(FxRobot robot) throws Exception {
        ShellFixture.press(robot, "#newSiteButton");
        set(robot, "#siteIdField", "plant-7");
        set(robot, "#siteNameField", "Harbour plant");
        set(robot, "#siteLatitudeField", "123");
        ShellFixture.press(robot, "#siteSaveButton");
        // Invalid latitude: the dialog stays open and says why.
        assertThat(robot.lookup("#siteError").queryAs(Label.class).getText()).contains("Latitude");
        set(robot, "#siteLatitudeField", "53.55");
        set(robot, "#siteCapacityField", "1200");
        ShellFixture.press(robot, "#siteSaveButton");

        await(() -> fx.backend.sites().site("plant-7").isPresent());
        Site saved = fx.backend.sites().site("plant-7").orElseThrow();
        assertThat(saved.name()).isEqualTo("Harbour plant");
        assertThat(saved.latitude()).isEqualTo(53.55);
        assertThat(saved.capacityKw()).isEqualTo(1200);
        assertThat(saved.discovered()).isFalse();
        await(() -> "plant-7".equals(fx.shell.context().selectedSite().get()));

        ShellFixture.press(robot, "#editSiteButton");
        assertThat(robot.lookup("#siteIdField").queryAs(TextField.class).isDisabled()).isTrue();
        set(robot, "#siteNameField", "Harbour plant B");
        ShellFixture.press(robot, "#siteSaveButton");
        await(() -> fx.backend.sites().site("plant-7").map(Site::name).orElse("").equals("Harbour plant B"));

        ShellFixture.press(robot, "#deleteSiteButton");
        ShellFixture.press(robot, "#confirmDeleteButton");
        await(() -> fx.backend.sites().site("plant-7").isEmpty());
        await(() -> fx.shell.controller().siteList().getItems().stream().noneMatch(s -> s.id().equals("plant-7")));
    }

    @Test
    void createEditAndDeleteAnAssetInTheSiteView(FxRobot robot) throws Exception {
        await(() -> "old-1".equals(fx.shell.context().selectedSite().get()));
        robot.clickOn("#view-" + Views.SITES);
        ShellFixture.press(robot, "#newAssetButton");
        set(robot, "#assetIdField", "inv-1");
        set(robot, "#assetNameField", "Inverter 1");
        robot.interact(() -> robot.lookup("#assetKindBox").<AssetKind>queryComboBox().setValue(AssetKind.INVERTER));
        set(robot, "#assetRatedField", "power_kw=500, voltage_v=400");
        ShellFixture.press(robot, "#assetSaveButton");
        await(() -> fx.backend.sites().asset("old-1", "inv-1").isPresent());
        Asset asset = fx.backend.sites().asset("old-1", "inv-1").orElseThrow();
        assertThat(asset.kind()).isEqualTo(AssetKind.INVERTER);
        assertThat(asset.ratedValues()).isEqualTo(Map.of("power_kw", 500.0, "voltage_v", 400.0));

        SitesController view = (SitesController) fx.shell.controller().controllerOf(Views.SITES);
        await(() -> view.model().assets().size() == 1);
        robot.interact(() -> robot.lookup("#assetTable").queryTableView().getSelectionModel().select(0));
        ShellFixture.press(robot, "#editAssetButton");
        set(robot, "#assetNameField", "Main inverter");
        ShellFixture.press(robot, "#assetSaveButton");
        await(() -> fx.backend.sites().asset("old-1", "inv-1").map(Asset::name).orElse("").equals("Main inverter"));

        robot.interact(() -> robot.lookup("#assetTable").queryTableView().getSelectionModel().select(0));
        ShellFixture.press(robot, "#deleteAssetButton");
        ShellFixture.press(robot, "#confirmDeleteAssetButton");
        await(() -> fx.backend.sites().asset("old-1", "inv-1").isEmpty());
        await(() -> view.model().assets().isEmpty());
    }
}
