package ai.vidyut.console.ui;

import ai.vidyut.console.telemetry.SeriesKey;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The part of a view model whose view works on one stored series of the selected site: the site, its series, the
 * selected one and the view's message line. {@link SelectedSiteSeries} keeps them up to date. FX thread only.
 */
public abstract class SiteSeriesModel {

    private final StringProperty siteId = new SimpleStringProperty();
    private final ObservableList<SeriesKey> series = FXCollections.observableArrayList();
    private final ObjectProperty<SeriesKey> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    /** The selected site; null for none. */
    public StringProperty siteIdProperty() {
        return siteId;
    }

    /** The site's stored series, as the view's picker lists them. */
    public ObservableList<SeriesKey> series() {
        return series;
    }

    public ObjectProperty<SeriesKey> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
