package ai.vidyut.console.ingest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Subscribes to telemetry on an MQTT broker (MQTT 5 or 3.1.1) with QoS 1, optional TLS and username/password.
 *
 * <p>The session is persistent ({@code cleanStart=false} with a session expiry for MQTT 5,
 * {@code cleanSession=false} for 3.1.1) under a stable client id, so the broker queues what is published while
 * the console is away and delivers it after reconnecting. The client reconnects by itself with exponential
 * backoff. Each message is acknowledged to the broker only after the pipeline has committed it.
 */
public final class MqttSource implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSource.class);
    /** How long the broker keeps our session and its queued messages while we are disconnected. */
    public static final long DEFAULT_SESSION_EXPIRY_SECONDS = 7 * 24 * 3600L;

    private final ConnectionSettings settings;
    private final Pipeline pipeline;
    private final String name;
    private final String host;
    private final int port;
    private final long sessionExpirySeconds;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final boolean acknowledgeAfterCommit;
    private final ExecutorService callbacks;
    private volatile State state = State.DISCONNECTED;
    private volatile String lastError;
    private volatile boolean closed;
    private volatile boolean subscribed;
    private Mqtt5AsyncClient client5;
    private Mqtt3AsyncClient client3;

    public MqttSource(ConnectionSettings settings, Pipeline pipeline) {
        this(settings, pipeline, DEFAULT_SESSION_EXPIRY_SECONDS, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public MqttSource(ConnectionSettings settings, Pipeline pipeline, long sessionExpirySeconds,
                      Duration initialBackoff, Duration maxBackoff) {
        this(settings, pipeline, sessionExpirySeconds, initialBackoff, maxBackoff, true);
    }

    /**
     * @param acknowledgeAfterCommit true (the default): a message is acknowledged once its readings are committed,
     *                               so even a crash loses nothing the broker considers delivered. Brokers keep only
     *                               a small window of unacknowledged messages in flight per client (HiveMQ 50,
     *                               mosquitto 20), so this bounds throughput by commit latency. False acknowledges
     *                               on receipt: faster, and still loses nothing on disconnect or a clean shutdown
     *                               (the queue is committed), but a crash loses what was queued.
     */
    public MqttSource(ConnectionSettings settings, Pipeline pipeline, long sessionExpirySeconds,
                      Duration initialBackoff, Duration maxBackoff, boolean acknowledgeAfterCommit) {
        if (settings.kind() != ConnectionSettings.Kind.MQTT) {
            throw new IllegalArgumentException("not an MQTT connection: " + settings.url());
        }
        URI uri = URI.create(settings.url());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("MQTT URL has no host: " + settings.url());
        }
        this.settings = settings;
        this.pipeline = pipeline;
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : (settings.tls() ? 8883 : 1883);
        this.name = defaultName(settings.url());
        this.sessionExpirySeconds = sessionExpirySeconds;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.acknowledgeAfterCommit = acknowledgeAfterCommit;
        // One thread keeps messages in order; parsing happens here, off the network threads.
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vidyut-mqtt-" + host + ":" + port);
            t.setDaemon(true);
            return t;
        });
    }

    /** The source name for an MQTT URL: {@code mqtt:host:port}. */
    public static String defaultName(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "tcp" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("ssl") || scheme.equals("mqtts");
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 8883 : 1883);
        return "mqtt:" + uri.getHost() + ":" + port;
    }

    @Override
    public String name() {
        return name;
    }

    public ConnectionSettings settings() {
        return settings;
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
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("source " + name + " is closed");
        }
        if (client5 != null || client3 != null) {
            return;
        }
        state = State.CONNECTING;
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(settings.clientId())
                .serverHost(host)
                .serverPort(port)
                .automaticReconnect()
                .initialDelay(initialBackoff.toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(maxBackoff.toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    state = State.CONNECTED;
                    lastError = null;
                    LOG.info("{}: connected", name);
                    subscribe();
                })
                .addDisconnectedListener(ctx -> {
                    if (closed || state == State.FAILED) {
                        ctx.getReconnector().reconnect(false);
                        return;
                    }
                    Throwable cause = ctx.getCause();
                    lastError = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
                    state = closed ? State.DISCONNECTED : State.CONNECTING;
                    LOG.info("{}: disconnected ({}), reconnecting", name, lastError);
                });
        if (settings.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (settings.mqttVersion() == 3) {
            Mqtt3ClientBuilder b = builder.useMqttVersion3();
            if (settings.username() != null) {
                b = b.simpleAuth().username(settings.username())
                        .password(bytes(settings.password())).applySimpleAuth();
            }
            client3 = b.buildAsync();
            client3.publishes(MqttGlobalPublishFilter.ALL, p -> handle(p.getTopic().toString(), p.getPayloadAsBytes(),
                    acknowledgeAfterCommit ? p::acknowledge : null), callbacks, acknowledgeAfterCommit);
            client3.connectWith().cleanSession(false).keepAlive(30).send()
                    .whenComplete((ack, ex) -> connectResult(ex));
        } else {
            Mqtt5ClientBuilder b = builder.useMqttVersion5();
            if (settings.username() != null) {
                b = b.simpleAuth().username(settings.username())
                        .password(bytes(settings.password())).applySimpleAuth();
            }
            client5 = b.buildAsync();
            client5.publishes(MqttGlobalPublishFilter.ALL, p -> handle(p.getTopic().toString(), p.getPayloadAsBytes(),
                    acknowledgeAfterCommit ? p::acknowledge : null), callbacks, acknowledgeAfterCommit);
            client5.connectWith().cleanStart(false).sessionExpiryInterval(sessionExpirySeconds).keepAlive(30).send()
                    .whenComplete((ack, ex) -> connectResult(ex));
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    private void connectResult(Throwable ex) {
        if (ex != null) {
            lastError = ex.getMessage();
            String msg = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
            // Refused credentials will not get better by retrying.
            if (msg.contains("not authorized") || msg.contains("bad user name") || msg.contains("bad_user_name")
                    || msg.contains("not_authorized")) {
                state = State.FAILED;
                LOG.warn("{}: connection refused: {}", name, ex.getMessage());
            }
        }
    }

    private void subscribe() {
        if (client5 != null) {
            client5.subscribeWith().topicFilter(settings.topicFilter()).qos(MqttQos.AT_LEAST_ONCE).send()
                    .whenComplete((ack, ex) -> subscribed(ex));
        } else if (client3 != null) {
            client3.subscribeWith().topicFilter(settings.topicFilter()).qos(MqttQos.AT_LEAST_ONCE).send()
                    .whenComplete((ack, ex) -> subscribed(ex));
        }
    }

    private void subscribed(Throwable ex) {
        if (ex == null) {
            synchronized (this) {
                subscribed = true;
                notifyAll();
            }
        } else {
            lastError = "subscribe to " + settings.topicFilter() + " failed: " + ex.getMessage();
            LOG.warn("{}: {}", name, lastError);
        }
    }

    /** Waits until the first subscription is acknowledged by the broker; false on timeout. */
    public synchronized boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribed) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private void handle(String topic, byte[] payload, Runnable ack) {
        try {
            pipeline.submitMqtt(name, topic, payload, ack);
        } catch (IllegalStateException e) {
            // pipeline closed: not acknowledged, so the broker redelivers next time
            LOG.debug("{}: message not taken: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeClients();
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state != State.FAILED) {
            state = State.DISCONNECTED;
        }
    }

    private synchronized void closeClients() {
        try {
            if (client5 != null) {
                // Keep the session: the broker queues QoS 1 messages until we come back.
                client5.disconnect().get(5, TimeUnit.SECONDS);
            } else if (client3 != null) {
                client3.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("{}: disconnect: {}", name, e.toString());
        }
    }
}
