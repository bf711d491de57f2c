package ai.vidyut.console.voice;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

import java.util.UUID;

/** Publishes device commands to an MQTT broker at QoS 1 (at least once; the request id lets devices de-duplicate). */
public final class MqttDevicePublisher implements VoicePorts.DevicePublisher, AutoCloseable {

    private final Mqtt5BlockingClient client;

    public MqttDevicePublisher(String host, int port) {
        this.client = MqttClient.builder().useMqttVersion5()
                .identifier("vidyut-voice-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(host).serverPort(port)
                .automaticReconnectWithDefaultConfig()
                .buildBlocking();
        client.connectWith().cleanStart(true).send();
    }

    /**
     * Publishes through a saved MQTT connection of the console: its broker, TLS and credentials, under a client id of
     * its own (MQTT 5; publishing needs no session).
     */
    public static MqttDevicePublisher forConnection(ai.vidyut.console.ingest.ConnectionSettings connection) {
        java.net.URI uri = java.net.URI.create(connection.url());
        int port = uri.getPort() > 0 ? uri.getPort() : (connection.tls() ? 8883 : 1883);
        var builder = MqttClient.builder().useMqttVersion5()
                .identifier("vidyut-voice-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost()).serverPort(port)
                .automaticReconnectWithDefaultConfig();
        if (connection.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (connection.username() != null) {
            builder = builder.simpleAuth().username(connection.username())
                    .password(connection.password() == null ? new byte[0]
                            : connection.password().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return new MqttDevicePublisher(builder.buildBlocking());
    }

    private MqttDevicePublisher(Mqtt5BlockingClient client) {
        this.client = client;
        client.connectWith().cleanStart(true).send();
    }

    /** "host:port" or "tcp://host:port" (port 1883 if omitted). */
    public static MqttDevicePublisher connect(String address) {
        String a = address.replaceFirst("^(tcp|mqtt)://", "");
        int colon = a.lastIndexOf(':');
        String host = colon < 0 ? a : a.substring(0, colon);
        int port = colon < 0 ? 1883 : Integer.parseInt(a.substring(colon + 1));
        return new MqttDevicePublisher(host, port);
    }

    @Override
    public void publish(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (RuntimeException ignored) {
            // already disconnected
        }
    }
}
