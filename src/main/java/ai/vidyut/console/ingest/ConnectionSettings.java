package ai.vidyut.console.ingest;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One saved telemetry connection, as edited in the connections dialog and used by {@code vidyut ingest}.
 * TLS follows from the URL scheme: {@code ssl://} or {@code mqtts://} for MQTT, {@code wss://} for WebSocket.
 * The password is held in memory in clear; {@link SettingsStore} encrypts it on disk.
 *
 * @param topicFilter  MQTT only; default {@code vidyut/+/+/telemetry}
 * @param clientId     MQTT only; keep it stable so the broker keeps the persistent session
 * @param mqttVersion  MQTT only; 5 or 3 (3.1.1)
 */
public record ConnectionSettings(String id, Kind kind, String name, String url, String topicFilter, String clientId,
                                 String username, String password, int mqttVersion, boolean enabled) {

    public enum Kind {
        MQTT, WEBSOCKET;

        public static Kind fromUrl(String url) {
            String scheme = URI.create(url).getScheme();
            if (scheme == null) {
                throw new IllegalArgumentException("URL has no scheme: " + url);
            }
            return switch (scheme.toLowerCase(Locale.ROOT)) {
                case "tcp", "mqtt", "ssl", "mqtts" -> MQTT;
                case "ws", "wss" -> WEBSOCKET;
                default -> throw new IllegalArgumentException(
                        "unsupported URL scheme '" + scheme + "' (use tcp://, ssl://, mqtt://, mqtts://, ws:// or wss://)");
            };
        }
    }

    public ConnectionSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        name = name == null || name.isBlank() ? url : name;
        if (kind == Kind.MQTT) {
            topicFilter = topicFilter == null || topicFilter.isBlank() ? WireFormat.DEFAULT_TOPIC_FILTER : topicFilter;
            clientId = clientId == null || clientId.isBlank()
                    ? "vidyut-" + UUID.randomUUID().toString().substring(0, 8) : clientId;
            mqttVersion = mqttVersion == 3 ? 3 : 5;
        } else {
            topicFilter = null;
            clientId = null;
            mqttVersion = 0;
        }
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
    }

    public static ConnectionSettings mqtt(String url, String topicFilter) {
        return new ConnectionSettings(null, Kind.MQTT, null, url, topicFilter, null, null, null, 5, true);
    }

    public static ConnectionSettings webSocket(String url) {
        return new ConnectionSettings(null, Kind.WEBSOCKET, null, url, null, null, null, null, 0, true);
    }

    public boolean tls() {
        String scheme = URI.create(url).getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("ssl") || scheme.equals("mqtts") || scheme.equals("wss");
    }

    public ConnectionSettings withCredentials(String user, String pass) {
        return new ConnectionSettings(id, kind, name, url, topicFilter, clientId, user, pass, mqttVersion, enabled);
    }

    public ConnectionSettings withClientId(String newClientId) {
        return new ConnectionSettings(id, kind, name, url, topicFilter, newClientId, username, password, mqttVersion,
                enabled);
    }

    public ConnectionSettings withMqttVersion(int version) {
        return new ConnectionSettings(id, kind, name, url, topicFilter, clientId, username, password, version, enabled);
    }

    public ConnectionSettings withName(String newName) {
        return new ConnectionSettings(id, kind, newName, url, topicFilter, clientId, username, password, mqttVersion,
                enabled);
    }

    public ConnectionSettings withEnabled(boolean on) {
        return new ConnectionSettings(id, kind, name, url, topicFilter, clientId, username, password, mqttVersion, on);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + kind + " " + url + (username != null ? " user=" + username : "")
                + (password != null ? " password=***" : "") + "]";
    }
}
