package ai.vidyut.console.ingest;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.SeriesKey;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real embedded HiveMQ CE broker on loopback, into a real H2 file. */
class MqttSourceIntegrationTest {

    private static final long T0 = 1_772_360_100_000L;
    private static EmbeddedBroker broker;

    @TempDir
    Path dataDir;
    private Database db;
    private ReadingStore readings;
    private QuarantineStore quarantine;
    private Pipeline pipeline;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.shared();
    }

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        SiteStore sites = new SiteStore(db);
        readings = new ReadingStore(db, sites);
        quarantine = new QuarantineStore(db);
        pipeline = new Pipeline(readings, quarantine, Pipeline.Options.defaults().withMaxPayloadBytes(4096));
    }

    @AfterEach
    void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        pipeline.close();
        db.close();
    }

    private MqttSource source(ConnectionSettings settings) throws InterruptedException {
        MqttSource s = new MqttSource(settings, pipeline, 3600, Duration.ofMillis(200), Duration.ofSeconds(1));
        toClose.add(s);
        s.start();
        assertThat(s.awaitSubscribed(Duration.ofSeconds(15))).as("subscribed").isTrue();
        assertThat(s.state()).isEqualTo(Source.State.CONNECTED);
        return s;
    }

    private Mqtt5AsyncClient publisher() {
        Mqtt5AsyncClient p = MqttClient.builder().useMqttVersion5()
                .identifier("test-pub-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost("127.0.0.1").serverPort(broker.port())
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .buildAsync();
        p.connect().join();
        toClose.add(() -> p.disconnect().exceptionally(e -> null).get(5, TimeUnit.SECONDS));
        return p;
    }

    private static void publish(Mqtt5AsyncClient p, String topic, String payload) {
        publish(p, topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void publish(Mqtt5AsyncClient p, String topic, byte[] payload) {
        p.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send().join();
    }

    private static String valid(long ts, double power) {
        return "{\"ts\":" + ts + ",\"metrics\":{\"power_kw\":" + power + ",\"temperature_c\":41.5,\"voltage_v\":230.1}}";
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void storesExactlyTheValidReadingsAndQuarantinesEveryMalformedMessageWithItsReason() throws Exception {
        MqttSource source = source(ConnectionSettings.mqtt(broker.url(), "vidyut/#"));
        Mqtt5AsyncClient pub = publisher();
        String topic = WireFormat.topic("plant-1", "inv-1");

        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("{\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":8", Rejection.MALFORMED_JSON);
        malformed.put("{\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":NaN}}", Rejection.NON_FINITE_VALUE);
        malformed.put("{\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":Infinity}}", Rejection.NON_FINITE_VALUE);
        malformed.put("{\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":\"850\"}}", Rejection.WRONG_TYPE);
        malformed.put("{\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":{\"v\":1}}}", Rejection.UNSUPPORTED_VALUE_TYPE);
        malformed.put("{\"metrics\":{\"power_kw\":1}}", Rejection.MISSING_FIELD);
        malformed.put("{\"ts\":\"soon\",\"metrics\":{\"power_kw\":1}}", Rejection.BAD_TIMESTAMP);
        malformed.put("{\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":1},\"pad\":\"" + "x".repeat(5000) + "\"}",
                Rejection.TOO_LARGE);

        int valid = 0;
        int i = 0;
        for (Map.Entry<String, String> bad : malformed.entrySet()) {
            for (int k = 0; k < 5; k++) {
                publish(pub, topic, valid(T0 + (valid * 1000L), valid));
                valid++;
            }
            publish(pub, topic, bad.getKey());
            i++;
        }
        publish(pub, "vidyut/plant-1/inv-1/status", valid(T0, 1));     // wrong topic shape
        publish(pub, topic, valid(T0, 0));                               // a duplicate of the first reading
        int messages = valid + malformed.size() + 2;

        await("all messages", Duration.ofSeconds(20), () -> pipeline.stats().messages() == messages);
        assertThat(pipeline.drain(Duration.ofSeconds(10))).isTrue();

        assertThat(readings.count()).isEqualTo(valid * 3L);
        List<ReadingStore.Point> power = readings.range(new SeriesKey("plant-1", "inv-1", "power_kw"), 0, Long.MAX_VALUE);
        assertThat(power).hasSize(valid);
        assertThat(power).extracting(ReadingStore.Point::value).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, valid).mapToObj(v -> (double) v).toList());

        Map<String, Long> expected = new java.util.TreeMap<>();
        malformed.values().forEach(r -> expected.merge(r, 1L, Long::sum));
        expected.put(Rejection.BAD_TOPIC, 1L);
        assertThat(quarantine.countByReason()).isEqualTo(expected);
        List<QuarantineStore.Entry> entries = quarantine.latest(100);
        for (Map.Entry<String, String> bad : malformed.entrySet()) {
            assertThat(entries).as(bad.getValue()).anyMatch(e -> e.reason().equals(bad.getValue())
                    && e.rawPayload().equals(bad.getKey()) && e.source().equals(source.name()));
        }
        PipelineStats.SourceStats stats = pipeline.stats().source(source.name());
        assertThat(stats.messages()).isEqualTo(messages);
        assertThat(stats.quarantined()).isEqualTo(malformed.size() + 1);
        assertThat(stats.quarantinedByReason()).isEqualTo(expected);
    }

    @Test
    void speaksMqtt311WithCredentials() throws Exception {
        source(ConnectionSettings.mqtt(broker.url(), null).withMqttVersion(3).withCredentials("console", "s3cret"));
        Mqtt5AsyncClient pub = publisher();
        for (int k = 0; k < 20; k++) {
            publish(pub, WireFormat.topic("site-3", "meter-1"), valid(T0 + k * 1000L, k));
        }
        await("20 messages", Duration.ofSeconds(20), () -> pipeline.stats().readingsCommitted() == 60);
        assertThat(readings.count()).isEqualTo(60);
    }

    @Test
    void messagesPublishedWhileDisconnectedArriveAfterReconnect() throws Exception {
        ConnectionSettings settings = ConnectionSettings.mqtt(broker.url(), null);
        MqttSource first = source(settings);
        first.close();
        assertThat(first.state()).isEqualTo(Source.State.DISCONNECTED);

        Mqtt5AsyncClient pub = publisher();
        for (int k = 0; k < 50; k++) {
            publish(pub, WireFormat.topic("site-1", "pv-1"), valid(T0 + k * 1000L, k));
        }
        source(settings); // same client id: the broker kept the session and queued the messages
        await("queued messages", Duration.ofSeconds(20), () -> pipeline.stats().readingsCommitted() == 150);
        assertThat(pipeline.drain(Duration.ofSeconds(5))).isTrue();
        assertThat(readings.count()).isEqualTo(150);
    }

    @Test
    void noQos1ReadingIsLostWhenTheBrokerRestartsMidStream() throws Exception {
        MqttSource source = source(ConnectionSettings.mqtt(broker.url(), null));
        Mqtt5AsyncClient pub = publisher();
        int total = 300;
        Thread publisherThread = new Thread(() -> {
            for (int k = 0; k < total; k++) {
                byte[] payload = valid(T0 + k * 1000L, k).getBytes(StandardCharsets.UTF_8);
                while (true) { // a publisher that retries until the broker acknowledges (PUBACK)
                    try {
                        pub.publishWith().topic(WireFormat.topic("site-2", "bat-1")).qos(MqttQos.AT_LEAST_ONCE)
                                .payload(payload).send().get(5, TimeUnit.SECONDS);
                        break;
                    } catch (Exception e) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
                if (k % 10 == 0) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "test-publisher");
        publisherThread.start();

        await("first readings", Duration.ofSeconds(20), () -> pipeline.stats().readingsCommitted() >= 150);
        broker.stop();
        await("source notices", Duration.ofSeconds(10), () -> source.state() != Source.State.CONNECTED);
        broker.start();

        publisherThread.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(publisherThread.isAlive()).isFalse();
        await("every reading", Duration.ofSeconds(30), () -> readings.count() == total * 3L);
        assertThat(source.state()).isEqualTo(Source.State.CONNECTED);
        List<ReadingStore.Point> soc = readings.range(new SeriesKey("site-2", "bat-1", "power_kw"), 0, Long.MAX_VALUE);
        assertThat(soc).hasSize(total);
    }
}
