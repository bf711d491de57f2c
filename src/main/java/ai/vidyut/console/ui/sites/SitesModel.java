package ai.vidyut.console.ui.sites;

import ai.vidyut.console.telemetry.Asset;
import ai.vidyut.console.telemetry.Site;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected site and its assets, as the sites view shows them. FX thread only. */
public final class SitesModel {

    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ObservableList<Asset> assets = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObservableList<Asset> assets() {
        return assets;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
