package ai.vidyut.console.ui.models;

import ai.vidyut.console.registry.ModelRun;
import ai.vidyut.console.registry.TrainingTasks;
import ai.vidyut.console.telemetry.SeriesKey;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The registry's training runs and the background training tasks as the models view shows them (FX thread only). */
public final class ModelsModel {

    private final ObservableList<ModelRun> runs = FXCollections.observableArrayList();
    private final ObservableList<TrainingTasks.Task> tasks = FXCollections.observableArrayList();
    private final ObservableList<SeriesKey> series = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty shipped = new SimpleStringProperty("");

    public ObservableList<ModelRun> runs() {
        return runs;
    }

    /** Running, queued and recently finished training tasks (replaced at most a few times a second). */
    public ObservableList<TrainingTasks.Task> tasks() {
        return tasks;
    }

    /** Stored series that can be trained on demand. */
    public ObservableList<SeriesKey> series() {
        return series;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Which scopes use the shipped default detector parameters, and what is known about them. */
    public StringProperty shippedProperty() {
        return shipped;
    }
}
