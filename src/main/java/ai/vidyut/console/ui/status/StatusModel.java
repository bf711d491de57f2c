package ai.vidyut.console.ui.status;

import ai.vidyut.console.ui.SourceStatus;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The status bar's state: per-source connection state, message rate, quarantine count. FX thread only. */
public final class StatusModel {

    private final ObservableList<SourceStatus> sources = FXCollections.observableArrayList();
    // One wrapper, kept: listeners on an unmodifiable view are held weakly by the backing list.
    private final ObservableList<SourceStatus> readOnlySources = FXCollections.unmodifiableObservableList(sources);
    private final DoubleProperty messagesPerSecond = new SimpleDoubleProperty();
    private final DoubleProperty readingsPerSecond = new SimpleDoubleProperty();
    private final LongProperty quarantined = new SimpleLongProperty();
    private final javafx.beans.property.BooleanProperty demo = new javafx.beans.property.SimpleBooleanProperty();

    public ObservableList<SourceStatus> sources() {
        return readOnlySources;
    }

    public ReadOnlyDoubleProperty messagesPerSecondProperty() {
        return messagesPerSecond;
    }

    public ReadOnlyDoubleProperty readingsPerSecondProperty() {
        return readingsPerSecond;
    }

    public ReadOnlyLongProperty quarantinedProperty() {
        return quarantined;
    }

    /** True while the runtime shows demo data from the built-in simulator. */
    public javafx.beans.property.ReadOnlyBooleanProperty demoProperty() {
        return demo;
    }

    /** Applies a snapshot polled off the FX thread. */
    public void apply(List<SourceStatus> snapshot, long quarantineCount, double uiReadingsPerSecond, boolean demoMode) {
        demo.set(demoMode);
        if (!sources.equals(snapshot)) {
            sources.setAll(snapshot);
        }
        messagesPerSecond.set(snapshot.stream().mapToDouble(SourceStatus::messagesPerSecond).sum());
        readingsPerSecond.set(uiReadingsPerSecond);
        quarantined.set(quarantineCount);
    }
}
