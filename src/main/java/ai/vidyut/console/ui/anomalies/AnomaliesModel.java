package ai.vidyut.console.ui.anomalies;

import ai.vidyut.console.detect.Anomaly;
import ai.vidyut.console.detect.Severity;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;

/** The anomalies of the selected site and the filter over them (FX thread only). */
public final class AnomaliesModel {

    private final ObservableList<Anomaly> anomalies = FXCollections.observableArrayList();
    private final FilteredList<Anomaly> visible = new FilteredList<>(anomalies, a -> true);
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(Severity.LOW);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public AnomaliesModel() {
        minimumSeverity.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
    }

    private void refilter() {
        Severity min = minimumSeverity.get() == null ? Severity.LOW : minimumSeverity.get();
        String t = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(a -> a.severity().ordinal() >= min.ordinal() && (t.isEmpty()
                || (a.assetId() + " " + a.metric() + " " + a.type().wireName()).toLowerCase(Locale.ROOT).contains(t)));
    }

    public ObservableList<Anomaly> anomalies() {
        return anomalies;
    }

    public FilteredList<Anomaly> visible() {
        return visible;
    }

    public ObjectProperty<Severity> minimumSeverityProperty() {
        return minimumSeverity;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
