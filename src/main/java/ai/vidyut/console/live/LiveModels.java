package ai.vidyut.console.live;

import ai.vidyut.console.alerts.AlertService;
import ai.vidyut.console.detect.AnomalyStore;
import ai.vidyut.console.detect.LiveDetection;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.runtime.ConsoleRuntime;

import java.time.Duration;

/**
 * The models that follow live telemetry, attached to a running console's pipeline: streaming anomaly detection
 * (stores anomalies, raises alerts) and the maintenance service (re-plans sites with new readings). One instance
 * per runtime; closing it detaches both.
 */
public final class LiveModels implements AutoCloseable {

    public static final Duration MAINTENANCE_PERIOD = Duration.ofMinutes(1);

    private final ConsoleRuntime runtime;
    private final LiveDetection detection;
    private final MaintenanceService maintenance;

    private LiveModels(ConsoleRuntime runtime, LiveDetection detection, MaintenanceService maintenance) {
        this.runtime = runtime;
        this.detection = detection;
        this.maintenance = maintenance;
    }

    /** Slow the first time (the live health model is trained and recorded if the registry has none): call off the FX thread. */
    public static LiveModels attach(ConsoleRuntime runtime) {
        LiveDetection detection = new LiveDetection(new AnomalyStore(runtime.database()),
                new AlertService(runtime.database()), runtime.readingStore(), runtime.registry());
        runtime.pipeline().addListener(detection);
        try {
            return new LiveModels(runtime, detection, MaintenanceService.attach(runtime, MAINTENANCE_PERIOD));
        } catch (RuntimeException e) {
            runtime.pipeline().removeListener(detection);
            detection.close();
            throw e;
        }
    }

    public LiveDetection detection() {
        return detection;
    }

    public MaintenanceService maintenance() {
        return maintenance;
    }

    @Override
    public void close() {
        runtime.pipeline().removeListener(detection);
        detection.close();
        maintenance.close();
    }
}
