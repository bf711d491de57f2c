package ai.vidyut.console.ingest;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Receives telemetry from a WebSocket server ({@code ws://} or {@code wss://}), one wire-format message per
 * text frame with {@code siteId}/{@code assetId} inside, and reconnects with exponential backoff whenever the
 * connection drops or cannot be made.
 */
public final class WebSocketSource implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSource.class);

    private final String name;
    private final URI uri;
    private final Pipeline pipeline;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private volatile State state = State.DISCONNECTED;
    private volatile String lastError;
    private volatile boolean closed;
    private volatile WebSocketClient client;

    public WebSocketSource(String name, URI uri, Pipeline pipeline) {
        this(name, uri, pipeline, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public WebSocketSource(String name, URI uri, Pipeline pipeline, Duration initialBackoff, Duration maxBackoff) {
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("WebSocket URL must start with ws:// or wss://: " + uri);
        }
        this.name = name;
        this.uri = uri;
        this.pipeline = pipeline;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vidyut-ws-reconnect-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The default source name for a URL: {@code ws:host:port/path}. */
    public static String defaultName(URI uri) {
        return "ws:" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    @Override
    public String name() {
        return name;
    }

    public URI uri() {
        return uri;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String lastError() {
        return lastError;
    }

    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("source " + name + " is closed");
        }
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        state = State.CONNECTING;
        WebSocketClient c = new Client(uri);
        c.setConnectionLostTimeout(30);
        client = c;
        c.connect();
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        LOG.info("{}: reconnecting in {} ms", name, delay);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private final class Client extends WebSocketClient {
        Client(URI target) {
            super(target);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            if (client != this) {
                return;
            }
            backoff.reset();
            lastError = null;
            state = State.CONNECTED;
            LOG.info("{}: connected", name);
        }

        @Override
        public void onMessage(String message) {
            pipeline.submit(name, message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            pipeline.submit(name, StandardCharsets.UTF_8.decode(bytes).toString());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (client != this) {
                return;
            }
            if (closed) {
                state = State.DISCONNECTED;
                return;
            }
            state = State.DISCONNECTED;
            if (code != 1000 && lastError == null) {
                lastError = "connection closed (" + code + (reason == null || reason.isEmpty() ? "" : ": " + reason) + ")";
            }
            scheduleReconnect();
        }

        @Override
        public void onError(Exception ex) {
            lastError = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
            LOG.debug("{}: {}", name, lastError, ex);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        WebSocketClient c = client;
        if (c != null) {
            try {
                c.closeBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = State.DISCONNECTED;
    }
}
