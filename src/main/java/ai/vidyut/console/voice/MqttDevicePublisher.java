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
