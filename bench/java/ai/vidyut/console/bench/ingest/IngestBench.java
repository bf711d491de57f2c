package ai.vidyut.console.bench.ingest;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.EmbeddedBroker;
import ai.vidyut.console.ingest.MqttSource;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * End-to-end ingest throughput: readings per second from an MQTT publisher on loopback to rows committed in H2,
 * beside the raw broker throughput measured the same way in the same run (publisher to a subscriber that only
 * counts), and the store alone ({@code ReadingStore.append} of the same readings, no broker).
 *
 * <p>Usage: {@code bench/ingest.sh [--messages N] [--readings-per-message K] [--assets A] [--broker tcp://host:port]}.
 * Without {@code --broker} an embedded HiveMQ CE broker is started on a free loopback port.
 */
public final class IngestBench {

    private static final long T0 = 1_772_360_100_000L;

    private int messages = 20_000;
    private int perMessage = 20;
    private int assets = 50;
    private String brokerUrl;

    public static void main(String[] args) throws Exception {
        IngestBench b = new IngestBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> b.messages = Integer.parseInt(args[++i]);
                case "--readings-per-message" -> b.perMessage = Integer.parseInt(args[++i]);
                case "--assets" -> b.assets = Integer.parseInt(args[++i]);
                case "--broker" -> b.brokerUrl = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        b.run();
        System.exit(0);
    }

    /** Message i: asset i % assets, timestamp advancing one second per round over the assets. */
    private String topic(int i) {
        int a = i % assets;
        return WireFormat.topic("bench-site-" + (a % 5), "asset-" + a);
    }

    private byte[] payload(int i, long tsOffset) {
        StringBuilder sb = new StringBuilder(32 + perMessage * 24);
        sb.append("{\"ts\":").append(T0 + tsOffset + (long) (i / assets) * 1000).append(",\"metrics\":{");
        for (int k = 0; k < perMessage; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append("\"metric_").append(k).append("\":").append(100 + (i * 31 + k * 7) % 1000 / 10.0);
        }
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void run() throws Exception {
        long total = (long) messages * perMessage;
        EmbeddedBroker embedded = null;
        String url = brokerUrl;
        if (url == null) {
            embedded = new EmbeddedBroker().start();
            url = embedded.url();
        }
        System.out.printf("ingest bench: %d messages x %d readings = %d readings, %d assets, broker %s%s%n",
                messages, perMessage, total, assets, url, embedded != null ? " (embedded HiveMQ CE)" : "");
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        Map<String, Double> results = new LinkedHashMap<>();
        try {
            // warm-up of both paths (JIT, broker), not measured
            raw(url, Math.min(2000, messages), 1_000_000_000L);
            results.put("raw broker (publisher -> counting subscriber)", raw(url, messages, 0));
            results.put("end to end, ack after commit (default: crash-safe)", endToEnd(url, true));
            results.put("end to end, ack on receipt", endToEnd(url, false));
            results.put("store only (ReadingStore.append, 10k-reading batches, no broker)", storeOnly());
            results.put("H2 ceiling (plain INSERT batches into the readings table, no dedup/rollups)", h2Ceiling());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        System.out.println();
        results.forEach((k, v) -> System.out.printf("%-70s %,10.0f readings/s%n", k, v));
        System.out.printf("load average after: %s%n", loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private Mqtt5AsyncClient publisher(String url) {
        java.net.URI uri = java.net.URI.create(url);
        Mqtt5AsyncClient p = MqttClient.builder().useMqttVersion5()
                .identifier("bench-pub-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
        p.connect().join();
        return p;
    }

    private void publishAll(Mqtt5AsyncClient pub, long tsOffset) {
        List<CompletableFuture<?>> acks = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            acks.add(pub.publishWith().topic(topic(i)).qos(MqttQos.AT_LEAST_ONCE).payload(payload(i, tsOffset)).send());
            if (acks.size() >= 5000) { // keep memory bounded
                acks.forEach(CompletableFuture::join);
                acks.clear();
            }
        }
        acks.forEach(CompletableFuture::join);
    }

    /** Publisher to a QoS 1 subscriber that only counts readings (parsing nothing: counts messages x K). */
    private double raw(String url, int count, long tsOffset) throws Exception {
        java.net.URI uri = java.net.URI.create(url);
        Mqtt5AsyncClient sub = MqttClient.builder().useMqttVersion5()
                .identifier("bench-raw-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildAsync();
        AtomicLong received = new AtomicLong();
        sub.publishes(MqttGlobalPublishFilter.ALL, p -> received.incrementAndGet());
        sub.connect().join();
        sub.subscribeWith().topicFilter(WireFormat.DEFAULT_TOPIC_FILTER).qos(MqttQos.AT_LEAST_ONCE).send().join();
        Mqtt5AsyncClient pub = publisher(url);
        int saved = messages;
        messages = count;
        long start = System.nanoTime();
        publishAll(pub, tsOffset);
        while (received.get() < count) {
            Thread.sleep(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        messages = saved;
        pub.disconnect().join();
        sub.disconnect().join();
        return (double) count * perMessage / seconds;
    }

    private double endToEnd(String url, boolean ackAfterCommit) throws Exception {
        Path dir = Files.createTempDirectory("vidyut-ingest-bench-");
        try (Database db = Database.open(dir)) {
            ReadingStore readings = new ReadingStore(db, new SiteStore(db));
            Pipeline pipeline = new Pipeline(readings, new QuarantineStore(db));
            MqttSource source = new MqttSource(
                    new ConnectionSettings(null, ConnectionSettings.Kind.MQTT, null, url, null,
                            "bench-e2e-" + ackAfterCommit, null, null, 5, true),
                    pipeline, 3600, Duration.ofMillis(500), Duration.ofSeconds(5), ackAfterCommit);
            source.start();
            if (!source.awaitSubscribed(Duration.ofSeconds(30))) {
                throw new IllegalStateException("MqttSource did not subscribe");
            }
            Mqtt5AsyncClient pub = publisher(url);
            long total = (long) messages * perMessage;
            long start = System.nanoTime();
            publishAll(pub, 0);
            long published = System.nanoTime();
            long lastReport = System.nanoTime();
            while (pipeline.stats().readingsStored() < total) {
                Thread.sleep(2);
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                    lastReport = System.nanoTime();
                    var s = pipeline.stats();
                    System.out.printf("  t=%.0fs received %d msgs, stored %d readings, queued %d msgs, %d commits%n",
                            (lastReport - start) / 1e9, s.messages(), s.readingsStored(), s.queued(), s.commits());
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("only " + pipeline.stats().readingsStored() + " of " + total
                            + " stored after 10 minutes");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            source.close();
            pipeline.close();
            long rows = readings.count();
            System.out.printf("end to end (ack %s): %d rows in H2 (expected %d), publisher done after %.2f s, last commit after %.2f s, "
                            + "%d commits (%.0f readings each), quarantined %d%n",
                    ackAfterCommit ? "after commit" : "on receipt", rows, total, (published - start) / 1e9, seconds, pipeline.stats().commits(),
                    total / (double) pipeline.stats().commits(), pipeline.stats().quarantined());
            if (rows != total) {
                throw new IllegalStateException("H2 holds " + rows + " rows, expected " + total);
            }
            pub.disconnect().join();
            return total / seconds;
        } finally {
            delete(dir);
        }
    }

    private double storeOnly() throws Exception {
        Path dir = Files.createTempDirectory("vidyut-ingest-bench-store-");
        try (Database db = Database.open(dir)) {
            ReadingStore store = new ReadingStore(db, new SiteStore(db));
            List<Reading> batch = new ArrayList<>(10_000);
            long total = 0;
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                var parsed = WireFormat.parseMqtt(topic(i), new String(payload(i, 0), StandardCharsets.UTF_8));
                batch.addAll(parsed.readings());
                if (batch.size() >= 10_000) {
                    total += store.append(batch);
                    batch.clear();
                }
            }
            total += store.append(batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            return total / seconds;
        } finally {
            delete(dir);
        }
    }

    /** What H2 itself takes on this machine: JDBC batch INSERTs of the same rows, 1,000 per batch. */
    private double h2Ceiling() throws Exception {
        Path dir = Files.createTempDirectory("vidyut-ingest-bench-h2-");
        try (Database db = Database.open(dir); java.sql.Connection c = db.connection()) {
            c.setAutoCommit(false);
            long total = 0;
            long start = System.nanoTime();
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO readings (series_id, ts, reading_value) VALUES (?, ?, ?)")) {
                for (int i = 0; i < messages; i++) {
                    for (int k = 0; k < perMessage; k++) {
                        ps.setInt(1, (i % assets) * perMessage + k);
                        ps.setLong(2, T0 + (long) (i / assets) * 1000);
                        ps.setDouble(3, k);
                        ps.addBatch();
                        if (++total % 1000 == 0) {
                            ps.executeBatch();
                        }
                        if (total % 10_000 == 0) {
                            c.commit();
                        }
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
