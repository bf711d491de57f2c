package ai.vidyut.console.ui.maintenance;

import ai.vidyut.console.maintain.HealthClassifier;
import ai.vidyut.console.maintain.LiveHealthModel;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.ui.ConsoleBackend;
import ai.vidyut.console.ui.StoreBackend;

import java.time.Clock;

/**
 * Builds the headless {@link MaintenanceService} the view reads from when the window has no live runtime (a store-only
 * backend); with a runtime the view uses the window's attached service.
 */
final class MaintenanceBackend {

    private MaintenanceBackend() {
    }

    /** Slow (loads or trains the live health model): call off the FX thread. Null when the backend has no database. */
    static MaintenanceService open(ConsoleBackend backend) {
        Database db;
        ModelRegistry registry;
        if (backend instanceof StoreBackend sb) {
            db = sb.database();
            registry = db.dataDir() == null ? null : new ModelRegistry(db, DataDir.modelsDir(db.dataDir()));
        } else {
            return null;
        }
        if (registry != null) {
            // follows the registry: a model activated by `train-health --live` is used from the next refresh
            return MaintenanceService.live(db, backend.sites(), backend.readings(), registry,
                    MaintenanceService.Settings.defaults(), Clock.systemUTC());
        }
        HealthClassifier model = LiveHealthModel.trainDefault();
        return new MaintenanceService(db, backend.sites(), backend.readings(), model, "live-condition (unsaved)",
                MaintenanceService.Settings.defaults(), Clock.systemUTC());
    }
}
