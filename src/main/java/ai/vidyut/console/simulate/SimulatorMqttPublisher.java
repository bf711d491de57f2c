package ai.vidyut.console.simulate;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.ingest.WireFormat.Snapshot;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes simulated snapshots to an MQTT broker, one QoS 1 message per asset and tick on
 * {@code vidyut/{siteId}/{assetId}/telemetry}. Reconnects by itself; messages published while disconnected
 * are queued by the client and sent after reconnecting.
 */
public final class SimulatorMqttPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMqttPublisher.class);

    private final Mqtt5AsyncClient client5;
    private final Mqtt3AsyncClient client3;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    public SimulatorMqttPublisher(ConnectionSettings settings) {
        URI uri = URI.create(settings.url());
        MqttClientBuilder b = MqttClient.builder()
                .identifier(settings.clientId() + "-sim")
                .serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : (settings.tls() ? 8883 : 1883))
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect();
        if (settings.tls()) {
            b = b.sslWithDefaultConfig();
        }
        byte[] password = settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8);
        if (settings.mqttVersion() == 3) {
            Mqtt3ClientBuilder b3 = b.useMqttVersion3();
            if (settings.username() != null) {
                b3 = b3.simpleAuth().username(settings.username()).password(password).applySimpleAuth();
            }
            client3 = b3.buildAsync();
            client5 = null;
            client3.connect().join();
        } else {
            Mqtt5ClientBuilder b5 = b.useMqttVersion5();
            if (settings.username() != null) {
                b5 = b5.simpleAuth().username(settings.username()).password(password).applySimpleAuth();
            }
            client5 = b5.buildAsync();
            client3 = null;
            client5.connect().join();
        }
    }

    /**
     * Publishes each snapshot as its own message without waiting for the broker, so a slow broker does not slow
     * the simulation's clock; {@link #published()} and {@link #failed()} count acknowledgements as they arrive.
     */
    public void publish(List<Snapshot> snapshots) {
        for (Snapshot s : snapshots) {
            String topic = WireFormat.topic(s.siteId(), s.assetId());
            byte[] payload = WireFormat.encode(s.timestampMillis(), s.siteId(), s.assetId(), s.metrics(), false)
                    .getBytes(StandardCharsets.UTF_8);
            CompletableFuture<?> ack = client5 != null
                    ? client5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                    : client3.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
            pending.incrementAndGet();
            ack.whenComplete((result, ex) -> {
                if (ex == null) {
                    published.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    LOG.warn("publish failed: {}", ex.getMessage());
                }
                pending.decrementAndGet();
            });
        }
    }

    /** Waits until every message published so far is acknowledged or failed; false on timeout. */
    public boolean flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending.get() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    public long published() {
        return published.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        try {
            flush(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client5 != null) {
                client5.disconnect().get(5, TimeUnit.SECONDS);
            } else {
                client3.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("disconnect: {}", e.toString());
        }
    }
}
