package ai.vidyut.console.ui.voice;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The voice panel's state. Changed on the FX thread only. */
public final class VoiceModel {

    public static final int HISTORY_SIZE = 50;

    private final BooleanProperty microphoneAvailable = new SimpleBooleanProperty(false);
    private final StringProperty microphoneStatus = new SimpleStringProperty("Checking the microphone...");
    private final BooleanProperty listening = new SimpleBooleanProperty(false);
    private final DoubleProperty level = new SimpleDoubleProperty(0);
    private final StringProperty heard = new SimpleStringProperty("");
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();

    public BooleanProperty microphoneAvailableProperty() {
        return microphoneAvailable;
    }

    public StringProperty microphoneStatusProperty() {
        return microphoneStatus;
    }

    public BooleanProperty listeningProperty() {
        return listening;
    }

    public DoubleProperty levelProperty() {
        return level;
    }

    public StringProperty heardProperty() {
        return heard;
    }

    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public ObservableList<String> history() {
        return history;
    }

    void addHistory(String line) {
        history.add(0, line);
        if (history.size() > HISTORY_SIZE) {
            history.remove(HISTORY_SIZE, history.size());
        }
    }
}
