package ai.vidyut.console.ui.models;

import ai.vidyut.console.registry.ModelRun;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The registry's training runs as the models view shows them (FX thread only). */
public final class ModelsModel {

    private final ObservableList<ModelRun> runs = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public ObservableList<ModelRun> runs() {
        return runs;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
