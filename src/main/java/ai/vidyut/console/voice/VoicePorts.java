package ai.vidyut.console.voice;

import java.time.Instant;
import java.util.Optional;

/**
 * The small interfaces through which {@link CommandExecutor} acts on the rest of the console. The UI plugs in its
 * navigator, the model areas their forecast and maintenance answers, the alerts area its service; tests plug in
 * their own. Every port has a "not available" default, so a command is never silently dropped.
 */
public final class VoicePorts {

    private VoicePorts() {
    }

    /** Shows a view (and/or a site) in the console window. */
    @FunctionalInterface
    public interface Navigator {
        /** {@code view} or {@code siteId} may be null (only the other changes). */
        void navigate(String view, String siteId);
    }

    /** Forecasts from the trained models: a sentence such as "Solar at Site 1 tomorrow: 412 kWh (95 %: 350-470)". */
    @FunctionalInterface
    public interface Forecasts {
        Optional<String> forecast(String siteId, String assetId, String deviceKind, String metric, Instant from,
                                  Instant to);
    }

    /** Maintenance plans: a sentence such as "Pump 1: service within 12 days (high priority)". */
    @FunctionalInterface
    public interface Maintenance {
        Optional<String> schedule(String siteId, String assetId, String deviceKind);
    }

    /**
     * Alarm acknowledgement, backed by the alerts area's {@code AlertService} ({@code acknowledge(id)},
     * {@code acknowledgeAll()}).
     */
    public interface Alarms {
        /** True if the alarm existed and is now acknowledged. */
        boolean acknowledge(long alarmId);

        /** How many alarms were acknowledged. */
        int acknowledgeAll();
    }

    /** The alerts area's {@link ai.vidyut.console.alerts.AlertService} as the {@link Alarms} port. */
    public static Alarms alarms(ai.vidyut.console.alerts.AlertService service) {
        return new Alarms() {
            @Override
            public boolean acknowledge(long alarmId) {
                return service.acknowledge(alarmId);
            }

            @Override
            public int acknowledgeAll() {
                return service.acknowledgeAll();
            }
        };
    }

    /** Sends a device command (an MQTT publish in the console). */
    @FunctionalInterface
    public interface DevicePublisher {
        void publish(String topic, byte[] payload) throws Exception;
    }
}
