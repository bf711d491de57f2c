package ai.vidyut.console.live;

import ai.vidyut.console.detect.AutoTraining;
import ai.vidyut.console.detect.LiveDetection;
import ai.vidyut.console.maintain.MaintenanceService;
import ai.vidyut.console.runtime.ConsoleRuntime;

import java.time.Duration;

/**
 * The models that follow live telemetry, attached to a running console's pipeline: streaming anomaly detection
 * (stores anomalies, raises alerts), the automatic trainer of each series' detector (trains from stored history in
 * the background and switches live detection to a better run) and the maintenance service (re-plans sites with new
 * readings). One instance per runtime; closing it detaches all three. (The window attaches the two separately, see {@code ui.shell.Shell}, so that
 * detection starts at once while the maintenance model loads in the background.)
 */
public final class LiveModels implements AutoCloseable {

    public static final Duration MAINTENANCE_PERIOD = Duration.ofMinutes(1);

    private final LiveDetection detection;
    private final AutoTraining training;
    private final MaintenanceService maintenance;

    private LiveModels(LiveDetection detection, AutoTraining training, MaintenanceService maintenance) {
        this.detection = detection;
        this.training = training;
        this.maintenance = maintenance;
    }

    /** Slow the first time (the live health model is trained and recorded if the registry has none): call off the FX thread. */
    public static LiveModels attach(ConsoleRuntime runtime) {
        LiveDetection detection = LiveDetection.attach(runtime);
        AutoTraining training = AutoTraining.attach(runtime, detection);
        try {
            return new LiveModels(detection, training, MaintenanceService.attach(runtime, MAINTENANCE_PERIOD));
        } catch (RuntimeException e) {
            training.close();
            detection.close();
            throw e;
        }
    }

    public LiveDetection detection() {
        return detection;
    }

    public AutoTraining training() {
        return training;
    }

    public MaintenanceService maintenance() {
        return maintenance;
    }

    @Override
    public void close() {
        training.close();
        detection.close();
        maintenance.close();
    }
}
