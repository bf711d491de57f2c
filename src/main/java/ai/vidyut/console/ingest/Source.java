package ai.vidyut.console.ingest;

/**
 * A live telemetry feed (an MQTT subscription, a WebSocket connection) that hands every message it receives
 * to a {@link Pipeline}. A source reconnects by itself; {@link #state()} tells the status bar where it is.
 */
public interface Source extends AutoCloseable {

    /** Connection state of a source. */
    enum State {
        CONNECTING, CONNECTED, DISCONNECTED, FAILED
    }

    /** A short unique name, used in statistics and in the quarantine table (for example {@code mqtt:broker:1883}). */
    String name();

    State state();

    /** The last connection problem, or null. */
    default String lastError() {
        return null;
    }

    /** Starts connecting in the background; returns at once. */
    void start();

    /** Disconnects and stops reconnecting. Idempotent. */
    @Override
    void close();
}
