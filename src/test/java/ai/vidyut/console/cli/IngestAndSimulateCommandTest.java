package ai.vidyut.console.cli;

import ai.vidyut.console.ingest.EmbeddedBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI end to end: simulate publishes to a real broker while ingest collects for a bounded time. */
class IngestAndSimulateCommandTest {

    private static EmbeddedBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.shared();
    }

    record Run(int code, String out, String err) {
    }

    /** Runs a command in-process, capturing stdout (System.out is what commands print to). */
    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = VidyutCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void ingestCollectsWhatSimulatePublishesForABoundedRunAndStatsAgrees() throws Exception {
        String data = dir.resolve("data").toString();
        // Create the collector's persistent session first (the client id it will use), as an earlier run would.
        try (var db = ai.vidyut.console.store.Database.inMemory("pre-session")) {
            var pipeline = new ai.vidyut.console.ingest.Pipeline(
                    new ai.vidyut.console.store.ReadingStore(db, new ai.vidyut.console.store.SiteStore(db)),
                    new ai.vidyut.console.store.QuarantineStore(db));
            try (var s = new ai.vidyut.console.ingest.MqttSource(
                    ai.vidyut.console.ingest.ConnectionSettings.mqtt(broker.url(), null).withClientId("collector-1"),
                    pipeline)) {
                s.start();
                assertThat(s.awaitSubscribed(Duration.ofSeconds(15))).isTrue();
            }
            pipeline.close();
        }
        // Publisher in a background thread via the API the command uses (System.out is captured per run).
        CompletableFuture<Void> sim = CompletableFuture.runAsync(() -> {
            try (var pub = new ai.vidyut.console.simulate.SimulatorMqttPublisher(
                    ai.vidyut.console.ingest.ConnectionSettings.mqtt(broker.url(), null))) {
                var sims = ai.vidyut.console.simulate.LiveSimulation.standardSites(2, 3);
                long t = 1_772_360_100_000L;
                for (int tick = 0; tick < 20; tick++) {
                    for (var s : sims) {
                        pub.publish(s.step(t + tick * 1000L));
                    }
                    Thread.sleep(20);
                }
                // A malformed message, to be quarantined and counted.
                var raw = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion5().identifier("raw-pub")
                        .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
                raw.connect();
                raw.publishWith().topic("vidyut/site-1/pv-1/telemetry")
                        .qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE)
                        .payload("{\"ts\":1772360100000,\"metrics\":{\"power_kw\":NaN}}".getBytes(StandardCharsets.UTF_8))
                        .send();
                raw.disconnect();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // What is published while the collector is starting (or not running) is queued in its session.
        Run ingest = run("--data-dir", data, "ingest", "--mqtt", broker.url(), "--client-id", "collector-1", "--duration", "3s");
        sim.get();
        assertThat(ingest.code()).as(ingest.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(ingest.out().trim());
        // 20 ticks x 2 sites x 6 assets messages, 18 readings per site tick, plus one malformed message
        long readings = summary.get("readings").asLong();

        // A second bounded run picks up anything the broker still queued for the same (stable) client id.
        Run again = run("--data-dir", data, "ingest", "--mqtt", broker.url(), "--client-id", "collector-1", "--duration", "2s");
        readings += new ObjectMapper().readTree(again.out().trim()).get("readings").asLong();
        assertThat(readings).isEqualTo(20L * 2 * 18);
        assertThat(summary.get("quarantined").asLong() + new ObjectMapper().readTree(again.out().trim())
                .get("quarantined").asLong()).isEqualTo(1);

        Run stats = run("--data-dir", data, "stats");
        JsonNode s = new ObjectMapper().readTree(stats.out().trim());
        assertThat(s.get("readings").asLong()).isEqualTo(20L * 2 * 18);
        assertThat(s.get("quarantined").asLong()).isEqualTo(1);
        assertThat(s.get("quarantinedByReason").get("non_finite_value").asLong()).isEqualTo(1);
        assertThat(s.get("sites").asInt()).isEqualTo(2);
        assertThat(s.get("assets").asInt()).isEqualTo(12);
        List<String> keys = new java.util.ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("readings", "quarantined", "quarantinedByReason", "sites", "assets");
    }

    @Test
    void ingestWithLiveModelsAttachesDetectionAndMaintenanceToTheSamePipeline() throws Exception {
        String data = dir.resolve("live").toString();
        Run ingest = run("--data-dir", data, "ingest", "--mqtt", broker.url(), "--client-id", "collector-live",
                "--duration", "1s", "--live-models");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        try (var db = ai.vidyut.console.store.Database.open(dir.resolve("live"))) {
            var registry = new ai.vidyut.console.registry.ModelRegistry(db,
                    ai.vidyut.console.store.DataDir.modelsDir(dir.resolve("live")));
            // the maintenance service loaded (here: trained and recorded) its live health model
            assertThat(registry.runs("maintenance-health", null)).isNotEmpty();
        }
    }

    @Test
    void simulateWritesALabelledCsvFasterThanRealTime() throws Exception {
        Path csv = dir.resolve("week.csv");
        Run r = run("simulate", "--csv", csv.toString(), "--from", "2026-03-01T00:00:00Z", "--to",
                "2026-03-02T00:00:00Z", "--step", "5m", "--sites", "2", "--labels",
                "--fault", "site-2/pump-1=rising_vibration,6h,4h");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("timestamp,site,asset,metric,value,fault");
        assertThat(lines).hasSize(1 + 288 * 2 * 18);
        assertThat(lines).filteredOn(l -> l.endsWith(",rising_vibration"))
                .hasSize(48 * 4) // 4 h of 5-minute steps, 4 pump metrics
                .allMatch(l -> l.contains(",site-2,pump-1,") && l.startsWith("2026-03-01T0") || l.startsWith("2026-03-01T1"));
        assertThat(new ObjectMapper().readTree(r.out().trim()).get("readings").asLong()).isEqualTo(288L * 2 * 18);
    }

    @Test
    void badOptionsGiveClearErrors() {
        Run noSource = run("--data-dir", dir.toString(), "ingest", "--duration", "1s");
        assertThat(noSource.code()).isEqualTo(1);
        assertThat(noSource.err()).contains("error: no connections");
        Run badDuration = run("ingest", "--mqtt", "tcp://127.0.0.1:1", "--duration", "45x");
        assertThat(badDuration.code()).isEqualTo(2);
        assertThat(badDuration.err()).contains("'45x' is not a duration");
        Run badFault = run("simulate", "--csv", dir.resolve("x.csv").toString(), "--from", "2026-03-01T00:00:00Z",
                "--to", "2026-03-01T01:00:00Z", "--fault", "site-1/pump-1=melting,1m,1m");
        assertThat(badFault.err()).contains("unknown fault type 'melting'");
        assertThat(DurationConverter.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationConverter.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> DurationConverter.parse("5")).hasMessageContaining("not a duration");
    }

    @Test
    void simulatePublishesToABrokerAtTheRequestedRate() throws Exception {
        try (var db = ai.vidyut.console.store.Database.inMemory("simulate-cli")) {
            var readings = new ai.vidyut.console.store.ReadingStore(db, new ai.vidyut.console.store.SiteStore(db));
            var pipeline = new ai.vidyut.console.ingest.Pipeline(readings, new ai.vidyut.console.store.QuarantineStore(db));
            try (var source = new ai.vidyut.console.ingest.MqttSource(
                    ai.vidyut.console.ingest.ConnectionSettings.mqtt(broker.url(), null), pipeline)) {
                source.start();
                assertThat(source.awaitSubscribed(Duration.ofSeconds(15))).isTrue();
                Run r = run("simulate", "--mqtt", broker.url(), "--sites", "2", "--rate", "5", "--duration", "2s",
                        "--seed", "9");
                assertThat(r.code()).as(r.err()).isZero();
                String[] lines = r.out().trim().split("\\R");
                JsonNode started = new ObjectMapper().readTree(lines[0]);
                assertThat(started.get("mqtt").asText()).isEqualTo(broker.url());
                JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
                long messages = summary.get("messages").asLong();
                // 6 assets x 2 sites per tick; about 10 ticks in 2 s (fewer on a heavily loaded machine)
                assertThat(messages).isBetween(6L * 2 * 2, 6L * 2 * 20);
                assertThat(messages % 12).isZero();
                assertThat(summary.get("failed").asLong()).isZero();
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
                while (pipeline.stats().readingsCommitted() < summary.get("readings").asLong()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(pipeline.stats().messages()).isEqualTo(messages);
                assertThat(readings.count()).isEqualTo(summary.get("readings").asLong());
                assertThat(readings.series("site-2")).extracting(k -> k.assetId()).contains("pv-1", "pump-1");
            } finally {
                pipeline.close();
            }
        }
    }
}
