package ai.vidyut.console.simulate;

import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.ingest.WireFormat.Snapshot;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves simulated telemetry at {@code ws://host:port/ws/site/{siteId}}: each tick, every client of a site gets
 * one message, a JSON array of that site's snapshots in the WebSocket wire form (with {@code siteId} and
 * {@code assetId}). A path naming an unknown site is refused with close code 4404.
 */
public final class SimulatorWebSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorWebSocketServer.class);
    public static final String PATH_PREFIX = "/ws/site/";

    private final LiveSimulation simulation;
    private final Server server;
    private final Map<String, Set<WebSocket>> clients = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startError;
    private final java.util.concurrent.atomic.AtomicLong snapshots = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong readings = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();

    public SimulatorWebSocketServer(InetSocketAddress bind, LiveSimulation simulation) {
        this.simulation = simulation;
        for (SiteSimulator s : simulation.sites()) {
            clients.put(s.profile().siteId(), ConcurrentHashMap.newKeySet());
        }
        this.server = new Server(bind);
        server.setReuseAddr(true);
    }

    /** Binds, waits until the port is open, then starts the simulation. */
    public SimulatorWebSocketServer start() {
        server.start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("WebSocket server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the WebSocket server", e);
        }
        if (startError != null) {
            throw new IllegalStateException("cannot serve on " + server.getAddress() + ": " + startError.getMessage(),
                    startError);
        }
        simulation.start(this::publish);
        return this;
    }

    public int port() {
        return server.getPort();
    }

    /** The URL of a site's feed, for example {@code ws://127.0.0.1:8787/ws/site/site-1}. */
    public URI siteUri(String siteId) {
        String host = server.getAddress().getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : server.getAddress().getAddress().getHostAddress();
        return URI.create("ws://" + host + ":" + port() + PATH_PREFIX + siteId);
    }

    /** Asset snapshots generated (one per asset and tick), whether or not a client was connected. */
    public long snapshotsGenerated() {
        return snapshots.get();
    }

    public long readingsGenerated() {
        return readings.get();
    }

    /** WebSocket messages sent (one per site, tick and client). */
    public long framesSent() {
        return frames.get();
    }

    public int clientCount() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private void publish(List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        this.snapshots.addAndGet(snapshots.size());
        snapshots.forEach(s -> readings.addAndGet(s.metrics().size()));
        Set<WebSocket> targets = clients.get(snapshots.get(0).siteId());
        if (targets == null || targets.isEmpty()) {
            return;
        }
        String message = WireFormat.encodeBatch(snapshots, true);
        for (WebSocket ws : targets) {
            if (ws.isOpen()) {
                try {
                    ws.send(message);
                    frames.incrementAndGet();
                } catch (RuntimeException e) {
                    LOG.debug("send failed: {}", e.toString());
                }
            }
        }
    }

    private final class Server extends WebSocketServer {
        Server(InetSocketAddress bind) {
            super(bind);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String path = handshake.getResourceDescriptor();
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            String siteId = path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : null;
            Set<WebSocket> set = siteId == null ? null : clients.get(siteId);
            if (set == null) {
                conn.close(4404, "no such site feed: " + path + " (use " + PATH_PREFIX + "{siteId})");
                return;
            }
            conn.setAttachment(siteId);
            set.add(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            String siteId = conn.getAttachment();
            if (siteId != null) {
                clients.get(siteId).remove(conn);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            // the feed is one-way
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                startError = ex;
                started.countDown();
            }
            LOG.debug("simulator server error: {}", ex.toString());
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    /** Stops the simulation and closes every client connection. */
    @Override
    public void close() {
        simulation.close();
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
