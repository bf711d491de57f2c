package ai.vidyut.console.ingest;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A real WebSocket server on loopback feeding a real WebSocketSource, into a real H2 file. */
class WebSocketSourceIntegrationTest {

    private static final long T0 = 1_772_360_100_000L;

    @TempDir
    Path dataDir;
    private Database db;
    private ReadingStore readings;
    private QuarantineStore quarantine;
    private Pipeline pipeline;
    private FeedServer server;
    private WebSocketSource source;

    /** Sends whatever the test asks to every connected client. */
    static final class FeedServer extends WebSocketServer {
        final Set<WebSocket> clients = ConcurrentHashMap.newKeySet();
        final CountDownLatch started = new CountDownLatch(1);

        FeedServer(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
            setReuseAddr(true);
        }

        FeedServer begin() throws InterruptedException {
            start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            return this;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            clients.add(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            clients.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        void sendAll(String message) {
            clients.forEach(c -> c.send(message));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        readings = new ReadingStore(db, new SiteStore(db));
        quarantine = new QuarantineStore(db);
        pipeline = new Pipeline(readings, quarantine, Pipeline.Options.defaults().withMaxPayloadBytes(2048));
    }

    @AfterEach
    void close() throws Exception {
        if (source != null) {
            source.close();
        }
        if (server != null) {
            server.stop(1000);
        }
        pipeline.close();
        db.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String obj(String site, String asset, long ts, String metrics) {
        return "{\"siteId\":\"" + site + "\",\"assetId\":\"" + asset + "\",\"ts\":" + ts + ",\"metrics\":" + metrics + "}";
    }

    @Test
    void storesExactlyTheValidReadingsAndQuarantinesEveryMalformedMessage() throws Exception {
        int port = freePort();
        server = new FeedServer(port).begin();
        source = new WebSocketSource("ws:test", URI.create("ws://127.0.0.1:" + port + "/ws/site/s1"), pipeline,
                Duration.ofMillis(100), Duration.ofSeconds(1));
        source.start();
        await("connected", () -> source.state() == Source.State.CONNECTED && !server.clients.isEmpty());

        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("not json at all", Rejection.MALFORMED_JSON);
        malformed.put(obj("s1", "a1", T0, "{\"power_kw\":NaN}"), Rejection.NON_FINITE_VALUE);
        malformed.put(obj("s1", "a1", T0, "{\"power_kw\":false}"), Rejection.WRONG_TYPE);
        malformed.put(obj("s1", "a1", T0, "{\"power_kw\":[1]}"), Rejection.UNSUPPORTED_VALUE_TYPE);
        malformed.put("{\"assetId\":\"a1\",\"ts\":" + T0 + ",\"metrics\":{\"power_kw\":1}}", Rejection.MISSING_FIELD);
        malformed.put(obj("s1", "a1", T0, "{\"power_kw\":1,\"pad\":\"" + "y".repeat(3000) + "\"}"), Rejection.TOO_LARGE);

        int valid = 0;
        for (String bad : malformed.keySet()) {
            server.sendAll("[" + obj("s1", "a1", T0 + valid * 1000L, "{\"power_kw\":" + valid + "}") + ","
                    + obj("s1", "a2", T0 + valid * 1000L, "{\"soc_pct\":50.5,\"power_kw\":-3}") + "]");
            valid++;
            server.sendAll(bad);
        }
        int messages = valid + malformed.size();
        await("all messages", () -> pipeline.stats().messages() == messages);
        assertThat(pipeline.drain(Duration.ofSeconds(10))).isTrue();

        assertThat(readings.count()).isEqualTo(valid * 3L);
        Map<String, Long> expected = new TreeMap<>();
        malformed.values().forEach(r -> expected.merge(r, 1L, Long::sum));
        assertThat(quarantine.countByReason()).isEqualTo(expected);
        List<QuarantineStore.Entry> entries = quarantine.latest(50);
        malformed.forEach((payload, reason) -> assertThat(entries).as(reason)
                .anyMatch(e -> e.reason().equals(reason) && e.rawPayload().equals(payload) && e.source().equals("ws:test")));
        assertThat(pipeline.stats().source("ws:test").quarantined()).isEqualTo(malformed.size());
    }

    @Test
    void reconnectsWithBackoffWhenTheServerGoesAwayAndComesBack() throws Exception {
        int port = freePort();
        source = new WebSocketSource("ws:flaky", URI.create("ws://127.0.0.1:" + port + "/ws/site/s1"), pipeline,
                Duration.ofMillis(100), Duration.ofMillis(400));
        source.start(); // nothing listens yet
        await("a failed attempt", () -> source.state() == Source.State.DISCONNECTED && source.lastError() != null);

        server = new FeedServer(port).begin();
        await("connected", () -> source.state() == Source.State.CONNECTED && !server.clients.isEmpty());
        server.sendAll(obj("s1", "a1", T0, "{\"power_kw\":1}"));
        await("first reading", () -> readings.count() == 1);

        server.stop(1000);
        await("disconnected", () -> source.state() != Source.State.CONNECTED);
        server = new FeedServer(port).begin();
        await("reconnected", () -> source.state() == Source.State.CONNECTED && !server.clients.isEmpty());
        server.sendAll(obj("s1", "a1", T0 + 1000, "{\"power_kw\":2}"));
        await("second reading", () -> readings.count() == 2);
    }
}
