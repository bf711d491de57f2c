package ai.vidyut.console.ui.maintenance;

import ai.vidyut.console.maintain.MaintenanceItem;
import ai.vidyut.console.maintain.PlanStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** What the maintenance view shows; updated on the FX thread only. */
public final class MaintenanceModel {

    /** The degradation chart of one asset: its driving signal, the failure threshold and the projected crossing. */
    public record Degradation(String assetId, String metric, List<double[]> points, double threshold,
                              long asOfMillis, double level, double daysToThreshold) {
    }

    private final ObservableList<PlanStore.HealthRecord> health = FXCollections.observableArrayList();
    private final ObservableList<MaintenanceItem> plan = FXCollections.observableArrayList();
    private final ObjectProperty<PlanStore.HealthRecord> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Degradation> degradation = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ObservableList<PlanStore.HealthRecord> health() {
        return health;
    }

    public ObservableList<MaintenanceItem> plan() {
        return plan;
    }

    public ObjectProperty<PlanStore.HealthRecord> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Degradation> degradationProperty() {
        return degradation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void setMessage(String m) {
        message.set(m);
    }

    void update(List<PlanStore.HealthRecord> newHealth, List<MaintenanceItem> newPlan) {
        String keep = selected.get() == null ? null : selected.get().assetId();
        health.setAll(newHealth);
        plan.setAll(newPlan);
        PlanStore.HealthRecord again = newHealth.stream().filter(h -> h.assetId().equals(keep)).findFirst()
                .orElse(newHealth.isEmpty() ? null : newHealth.get(0));
        selected.set(again);
    }
}
