package ai.vidyut.console.ui.connections;

import java.util.Objects;

/**
 * A configured live connection as the dialog edits it. For MQTT: broker URL ({@code tcp://} or {@code ssl://}),
 * topic filter, client id, credentials, TLS, protocol version ("5" or "3.1.1"). For WebSocket: only the URL.
 * {@code password} is held in memory only; the settings store keeps it encrypted.
 */
public record ConnectionSpec(String name, Kind kind, String url, String topicFilter, String clientId,
                             String username, String password, boolean tls, String mqttVersion) {

    public enum Kind { MQTT, WEBSOCKET }

    public ConnectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }

    public static ConnectionSpec webSocket(String name, String url) {
        return new ConnectionSpec(name, Kind.WEBSOCKET, url, null, null, null, null, url.startsWith("wss:"), null);
    }
}
