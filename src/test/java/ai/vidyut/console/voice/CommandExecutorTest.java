package ai.vidyut.console.voice;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.embedded.EmbeddedHiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Execution against real parts: an embedded HiveMQ broker on loopback with a real subscriber, and an H2 file
 * database for the audit log and the stored readings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandExecutorTest {

    private Path tmp;

    private EmbeddedHiveMQ broker;
    private int port;
    private Mqtt5BlockingClient subscriber;
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private MqttDevicePublisher publisher;
    private Database db;
    private AuditLog audit;
    private CommandParser parser;
    private CommandExecutor executor;
    private ReadingStore readings;
    private final List<String> navigations = new ArrayList<>();

    @BeforeAll
    void startBroker() throws Exception {
        tmp = Files.createTempDirectory("vidyut-voice-exec-");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = Files.createDirectories(tmp.resolve("hivemq-conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                  <persistence><mode>in-memory</mode></persistence>
                </hivemq>
                """.formatted(port));
        broker = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(tmp.resolve("hivemq-data")))
                .withExtensionsFolder(Files.createDirectories(tmp.resolve("hivemq-ext"))).build();
        broker.start().get(60, TimeUnit.SECONDS);
        subscriber = MqttClient.builder().useMqttVersion5().identifier("test-device").serverHost("127.0.0.1")
                .serverPort(port).buildBlocking();
        subscriber.connect();
        subscriber.toAsync().subscribeWith().topicFilter("vidyut/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> received.add(new String[] {p.getTopic().toString(),
                        new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)}))
                .send().get(10, TimeUnit.SECONDS);
        // through a saved-connection description, as the voice panel does by default
        publisher = MqttDevicePublisher.forConnection(
                ai.vidyut.console.ingest.ConnectionSettings.mqtt("tcp://127.0.0.1:" + port, null));

        db = Database.open(tmp.resolve("data"));
        SiteStore sites = new SiteStore(db);
        VoiceFixtures.sites().forEach(sites::saveSite);
        VoiceFixtures.assets().forEach(sites::saveAsset);
        readings = new ReadingStore(db, sites);
        // pump 2 ran at 4 kW from 08:00 to 10:00 on the fixture clock's day, then its vibration was measured
        long eight = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();
        List<Reading> batch = new ArrayList<>();
        for (int m = 0; m <= 120; m += 5) {
            batch.add(new Reading(eight + m * 60_000L, "site-1", "pump-2", "power_kw", 4.0));
        }
        batch.add(new Reading(eight + 110 * 60_000L, "site-1", "pump-2", "vibration_mm_s", 2.5));
        batch.add(new Reading(eight + 115 * 60_000L, "site-1", "pump-2", "vibration_mm_s", 3.25));
        readings.append(batch);
        Vocabulary vocabulary = Vocabulary.load(sites);
        parser = new CommandParser(vocabulary, VoiceFixtures.CLOCK);
        audit = new AuditLog(db, VoiceFixtures.CLOCK);
        executor = new CommandExecutor(vocabulary, audit, new StoredReadings(db, readings), VoiceFixtures.CLOCK)
                .navigator((view, site) -> navigations.add(view + "@" + site))
                .publisher(publisher);
    }

    @AfterAll
    void stop() throws Exception {
        publisher.close();
        subscriber.disconnect();
        broker.stop().get(30, TimeUnit.SECONDS);
        db.close();
        try (var walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    private ExecutionResult run(String text) {
        return executor.execute(parser.parse(text, "site-1"));
    }

    private List<AuditLog.Event> events(String requestId) {
        return audit.of(requestId).stream().map(AuditLog.Entry::event).toList();
    }

    @Test
    void aControlCommandIsNotPublishedUntilConfirmedAndIsAudited() throws Exception {
        ExecutionResult asked = run("switch on pump two");
        assertThat(asked.status()).isEqualTo(ExecutionResult.Status.NEEDS_CONFIRMATION);
        assertThat(asked.message()).contains("Switch ON Pump 2");
        assertThat(received.poll(1500, TimeUnit.MILLISECONDS)).as("published before confirmation").isNull();
        assertThat(events(asked.requestId())).containsExactly(AuditLog.Event.REQUESTED);

        ExecutionResult sent = executor.confirm(asked.requestId());
        assertThat(sent.status()).isEqualTo(ExecutionResult.Status.DONE);
        String[] message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("published after confirmation").isNotNull();
        assertThat(message[0]).isEqualTo("vidyut/site-1/pump-2/command");
        JsonNode payload = new ObjectMapper().readTree(message[1]);
        assertThat(payload.path("action").asText()).isEqualTo("on");
        assertThat(payload.path("requestId").asText()).isEqualTo(asked.requestId());
        assertThat(events(asked.requestId())).containsExactly(AuditLog.Event.REQUESTED, AuditLog.Event.CONFIRMED,
                AuditLog.Event.PUBLISHED);
        assertThat(audit.of(asked.requestId()).get(2).detail()).isEqualTo(message[1]);

        // confirming twice sends nothing more
        assertThat(executor.confirm(asked.requestId()).status()).isEqualTo(ExecutionResult.Status.REJECTED);
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aCancelledCommandIsNeverPublishedButIsAudited() throws Exception {
        ExecutionResult asked = run("turn off the lights in lab three");
        assertThat(asked.status()).isEqualTo(ExecutionResult.Status.NEEDS_CONFIRMATION);
        assertThat(executor.cancel(asked.requestId()).status()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(executor.confirm(asked.requestId()).status()).isEqualTo(ExecutionResult.Status.REJECTED);
        assertThat(received.poll(1500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(events(asked.requestId())).containsExactly(AuditLog.Event.REQUESTED, AuditLog.Event.CANCELLED);
        assertThat(audit.of(asked.requestId()).get(0).assetId()).isEqualTo("lab-3-lights");
        assertThat(audit.of(asked.requestId()).get(0).action()).isEqualTo("off");
    }

    @Test
    void anInvalidControlCommandIsAuditedAndNeverAsksOrPublishes() throws Exception {
        ExecutionResult r = run("switch on pump nine");
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.REJECTED);
        assertThat(r.message()).contains("there is no pump nine");
        assertThat(executor.confirm(r.requestId()).status()).isEqualTo(ExecutionResult.Status.REJECTED);
        assertThat(received.poll(1000, TimeUnit.MILLISECONDS)).isNull();
        assertThat(events(r.requestId())).containsExactly(AuditLog.Event.INVALID);
    }

    @Test
    void withoutABrokerAConfirmedCommandFailsAndSaysSo() {
        CommandExecutor offline = new CommandExecutor(parser.vocabulary(), audit, null, VoiceFixtures.CLOCK);
        ExecutionResult asked = offline.execute(parser.parse("set the battery to charge", "site-1"));
        ExecutionResult r = offline.confirm(asked.requestId());
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.UNAVAILABLE);
        assertThat(events(asked.requestId())).containsExactly(AuditLog.Event.REQUESTED, AuditLog.Event.CONFIRMED,
                AuditLog.Event.FAILED);
    }

    @Test
    void navigationHappensAtOnce() {
        ExecutionResult r = run("show anomalies for site two");
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(navigations).contains("anomalies@site-2");
        run("show the dashboard");
        assertThat(navigations).contains("dashboard@null");
    }

    @Test
    void queriesAreAnsweredFromStoredData() {
        ExecutionResult vibration = run("what is the vibration of pump two");
        assertThat(vibration.status()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(vibration.message()).contains("Pump 2 vibration 3.3 mm/s");

        ExecutionResult energy = run("energy consumption of pump two today");
        assertThat(energy.status()).isEqualTo(ExecutionResult.Status.DONE);
        // 4 kW from 08:00 to the last reading before now (09:55; "today" ends at the clock's 10:00)
        assertThat((Double) energy.data().get("kwh")).isCloseTo(4.0 * 115 / 60, org.assertj.core.data.Offset.offset(1e-9));

        ExecutionResult nothing = run("what is the temperature of the main transformer");
        assertThat(nothing.message()).startsWith("No readings stored for Main Transformer");

        assertThat(run("forecast solar for tomorrow").status()).isEqualTo(ExecutionResult.Status.UNAVAILABLE);
        assertThat(run("make me a sandwich").status()).isEqualTo(ExecutionResult.Status.REJECTED);
    }

    @Test
    void alarmsAreAcknowledgedThroughThePort() {
        List<Long> acked = new ArrayList<>();
        executor.alarms(new VoicePorts.Alarms() {
            @Override
            public boolean acknowledge(long alarmId) {
                acked.add(alarmId);
                return alarmId == 3;
            }

            @Override
            public int acknowledgeAll() {
                return 5;
            }
        });
        assertThat(run("acknowledge alarm three").status()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(run("acknowledge alarm four").status()).isEqualTo(ExecutionResult.Status.REJECTED);
        assertThat(acked).containsExactly(3L, 4L);
        assertThat(run("acknowledge all alarms").message()).isEqualTo("Acknowledged 5 alarms");
    }

    @Test
    void alarmsAreAcknowledgedInTheRealAlertService() {
        ai.vidyut.console.alerts.AlertService service = new ai.vidyut.console.alerts.AlertService(db);
        long t = VoiceFixtures.CLOCK.millis();
        long first = service.raise(new ai.vidyut.console.detect.Anomaly(0, "site-1", "pump-2", "vibration_mm_s",
                ai.vidyut.console.detect.AnomalyType.SPIKE, ai.vidyut.console.detect.Severity.HIGH, t, t, 9, 3, 200,
                0.9, 1)).orElseThrow().id();
        service.raise(new ai.vidyut.console.detect.Anomaly(0, "site-1", "inv-1", "temperature_c",
                ai.vidyut.console.detect.AnomalyType.OVERHEATING, ai.vidyut.console.detect.Severity.MEDIUM, t, t, 80, 50,
                60, 0.8, 1)).orElseThrow();
        CommandExecutor withAlerts = new CommandExecutor(parser.vocabulary(), audit, null, VoiceFixtures.CLOCK)
                .alarms(VoicePorts.alarms(service));
        VoiceCommand one = parser.parse("acknowledge alarm " + first, "site-1");
        assertThat(withAlerts.execute(one).status()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(service.find(first).orElseThrow().acknowledged()).isTrue();
        assertThat(service.open()).hasSize(1);
        assertThat(withAlerts.execute(parser.parse("acknowledge all alarms", "site-1")).message())
                .isEqualTo("Acknowledged 1 alarm");
        assertThat(service.open()).isEmpty();
    }

    @Test
    void maintenanceQuestionsAreAnsweredFromThePlan() {
        java.time.Instant failure = Instant.parse("2026-12-04T00:00:00Z");
        List<ai.vidyut.console.maintain.MaintenanceItem> plan = List.of(
                new ai.vidyut.console.maintain.MaintenanceItem("site-1", "pump-1", "Pump 1",
                        ai.vidyut.console.maintain.MaintenanceItem.Type.PREVENTIVE,
                        ai.vidyut.console.maintain.MaintenanceItem.Priority.HIGH, failure, 12, 0.82,
                        "replace the bearing", "degraded", 0.7, "vibration_mm_s", Instant.EPOCH),
                new ai.vidyut.console.maintain.MaintenanceItem("site-1", "inv-2", "Inverter 2",
                        ai.vidyut.console.maintain.MaintenanceItem.Type.INSPECTION,
                        ai.vidyut.console.maintain.MaintenanceItem.Priority.LOW, null, 40, 0.6,
                        "check the fans", "healthy", 0.9, "temperature_c", Instant.EPOCH));
        CommandExecutor withPlan = new CommandExecutor(parser.vocabulary(), audit, null, VoiceFixtures.CLOCK)
                .maintenance(new MaintenanceAnswers(site -> site.equals("site-1") ? plan : List.of(),
                        parser.vocabulary()));
        ExecutionResult pump = withPlan.execute(parser.parse("when is the next maintenance for pump one", "site-1"));
        assertThat(pump.status()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(pump.message()).isEqualTo("Pump 1: preventive maintenance within 12 days (high priority, "
                + "predicted failure 2026-12-04, confidence 0.82): replace the bearing.");
        assertThat(withPlan.execute(parser.parse("what is the maintenance schedule", "site-1")).message())
                .contains("Pump 1").contains("Inverter 2");
        assertThat(withPlan.execute(parser.parse("when is pump two due for service", "site-1")).message())
                .isEqualTo("Nothing is planned for Pump 2.");
        assertThat(withPlan.execute(parser.parse("what is the maintenance schedule at site two", "site-1")).status())
                .isEqualTo(ExecutionResult.Status.UNAVAILABLE);
    }

    @Test
    void forecastQuestionsAreAnsweredByTheForecastService() {
        // ten days of a daily load cycle at the meter of site three: 50 kW +- 20 kW, peak at 18:00
        long now = VoiceFixtures.CLOCK.millis();
        List<Reading> history = new ArrayList<>();
        for (long t = now - 10 * 86_400_000L; t <= now; t += 3_600_000L) {
            double hour = (t / 3_600_000L) % 24;
            history.add(new Reading(t, "site-3", "meter-1", "power_kw", 50 + 20 * Math.sin(2 * Math.PI * (hour - 12) / 24)));
        }
        readings.append(history);
        ai.vidyut.console.forecast.ForecastService service = new ai.vidyut.console.forecast.ForecastService(readings,
                null, VoiceFixtures.CLOCK, java.time.Duration.ofMinutes(5));
        CommandExecutor withForecasts = new CommandExecutor(parser.vocabulary(), audit, null, VoiceFixtures.CLOCK)
                .forecasts(new ForecastAnswers(service, parser.vocabulary(), VoiceFixtures.CLOCK));
        ExecutionResult r = withForecasts.execute(parser.parse(
                "what is the load forecast for the next six hours at site three", "site-1"));
        assertThat(r.status()).as(r.message()).isEqualTo(ExecutionResult.Status.DONE);
        assertThat(r.message()).startsWith("Meter 1 power forecast");
        // between 10:00 and 16:00 the cycle rises from 45 to 67 kW: the mean of the forecast lies in that range
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mean ([0-9.]+) kW").matcher(r.message());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(45.0, 67.0);
        service.close();
    }
}
