package ai.vidyut.console.cli;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.PipelineStats;
import ai.vidyut.console.ingest.Source;
import ai.vidyut.console.ingest.WireFormat;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.runtime.ConsoleRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code vidyut ingest}: the headless collector. Runs the same pipeline as the console, from the saved
 * connections or from {@code --mqtt}/{@code --websocket}, until stopped or for {@code --duration}; then commits
 * what it received and prints one JSON summary.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Collect telemetry into the history without a window, from the saved connections or the "
                + "given --mqtt/--websocket URLs, until stopped (Ctrl-C) or for --duration.",
                "Prints one JSON summary on exit: {\"seconds\", \"messages\", \"readings\", \"stored\", \"duplicates\", "
                        + "\"quarantined\", \"quarantinedByReason\", \"sources\"}. Progress goes to stderr."})
public final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    private VidyutCommand root;

    @Option(names = "--mqtt", paramLabel = "URL",
            description = "MQTT broker: tcp://host:1883, ssl://host:8883 (TLS), mqtt://, mqtts://. Repeatable.")
    private List<String> mqtt = new ArrayList<>();

    @Option(names = "--topic", paramLabel = "FILTER", defaultValue = WireFormat.DEFAULT_TOPIC_FILTER,
            description = "MQTT topic filter (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "MQTT client id; default derived from the data folder and URL, so the broker keeps the "
                    + "session across runs.")
    private String clientId;

    @Option(names = "--mqtt-version", paramLabel = "5|3", defaultValue = "5",
            description = "MQTT protocol version: 5 or 3 (3.1.1). Default: ${DEFAULT-VALUE}.")
    private int mqttVersion;

    @Option(names = "--username", paramLabel = "USER", description = "MQTT username.")
    private String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of an environment variable holding the MQTT password (kept off the command line).")
    private String passwordEnv;

    @Option(names = "--ack-on-receipt",
            description = "Acknowledge MQTT messages when received instead of after they are committed: about 3x "
                    + "the throughput on a busy broker, but a crash loses what was queued (a clean stop does not).")
    private boolean ackOnReceipt;

    @Option(names = "--websocket", paramLabel = "URL",
            description = "WebSocket feed: ws://host:port/ws/site/SITE or wss://... Repeatable.")
    private List<String> websocket = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (45s, 10m, 2h), commit what was received and exit 0.")
    private Duration duration;

    @Option(names = "--max-payload-bytes", paramLabel = "N", defaultValue = "262144",
            description = "Messages larger than this are quarantined as too_large. Default: ${DEFAULT-VALUE}.")
    private int maxPayloadBytes;

    @Option(names = "--live-models",
            description = "Also run the live models on what arrives, as the console window does: streaming anomaly "
                    + "detection (anomalies stored, alerts raised), automatic training of each series' detector from "
                    + "stored history, and the maintenance plan.")
    private boolean liveModels;

    @Override
    public Integer call() throws Exception {
        List<ConnectionSettings> connections = new ArrayList<>();
        String password = null;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException("environment variable " + passwordEnv + " is not set");
            }
        }
        for (String url : mqtt) {
            if (ConnectionSettings.Kind.fromUrl(url) != ConnectionSettings.Kind.MQTT) {
                throw new IllegalArgumentException("--mqtt needs an MQTT URL (tcp://, ssl://, mqtt://, mqtts://): " + url);
            }
            String id = clientId != null ? clientId : stableClientId(url);
            connections.add(new ConnectionSettings(null, ConnectionSettings.Kind.MQTT, null, url, topic, id,
                    username, password, mqttVersion, true));
        }
        for (String url : websocket) {
            if (ConnectionSettings.Kind.fromUrl(url) != ConnectionSettings.Kind.WEBSOCKET) {
                throw new IllegalArgumentException("--websocket needs a ws:// or wss:// URL: " + url);
            }
            connections.add(ConnectionSettings.webSocket(url));
        }

        long started;
        try (ConsoleRuntime rt = ConsoleRuntime.open(root.dataDir(),
                Pipeline.Options.defaults().withMaxPayloadBytes(maxPayloadBytes))) {
            if (connections.isEmpty()) {
                connections.addAll(rt.settings().load().stream().filter(ConnectionSettings::enabled).toList());
                if (connections.isEmpty()) {
                    throw new IllegalArgumentException("no connections: give --mqtt URL or --websocket URL, "
                            + "or add a connection in the console");
                }
            }
            ai.vidyut.console.live.LiveModels models = liveModels ? ai.vidyut.console.live.LiveModels.attach(rt) : null;
            for (ConnectionSettings c : connections) {
                Source s = ackOnReceipt && c.kind() == ConnectionSettings.Kind.MQTT
                        ? rt.connect(new ai.vidyut.console.ingest.MqttSource(c, rt.pipeline(),
                                ai.vidyut.console.ingest.MqttSource.DEFAULT_SESSION_EXPIRY_SECONDS, Duration.ofMillis(500),
                                Duration.ofSeconds(30), false))
                        : rt.connect(c);
                System.err.println("ingest: " + s.name() + " (" + c.url() + ")");
            }
            started = System.nanoTime();
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
            }, "vidyut-ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
                while (System.nanoTime() < end) {
                    long wait = Math.min(10_000, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
                    if (stop.await(Math.max(1, wait), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    if (System.nanoTime() < end) {
                        progress(rt);
                    }
                }
                for (Source s : rt.sources()) {
                    rt.disconnect(s);
                }
                rt.pipeline().drain(Duration.ofSeconds(60));
                if (models != null) {
                    models.close();
                }
                System.out.println(summary(rt, (System.nanoTime() - started) / 1e9));
                System.out.flush();
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
        }
        return 0;
    }

    private String stableClientId(String url) {
        String basis = root.dataDir().toAbsolutePath() + "|" + url;
        return "vidyut-ingest-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8))
                .toString().substring(0, 13);
    }

    private static void progress(ConsoleRuntime rt) {
        PipelineStats s = rt.pipeline().stats();
        StringBuilder line = new StringBuilder(String.format(
                "ingest: %d messages, %d readings stored, %d quarantined, %.0f msg/s", s.messages(),
                s.readingsStored(), s.quarantined(), s.messagesPerSecond()));
        for (Source src : rt.sources()) {
            line.append("; ").append(src.name()).append(' ').append(src.state());
        }
        System.err.println(line);
    }

    private static String summary(ConsoleRuntime rt, double seconds) throws Exception {
        PipelineStats s = rt.pipeline().stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", Math.round(seconds * 10) / 10.0);
        out.put("messages", s.messages());
        out.put("readings", s.readingsCommitted());
        out.put("stored", s.readingsStored());
        out.put("duplicates", s.duplicates());
        out.put("quarantined", s.quarantined());
        Map<String, Long> byReason = new java.util.TreeMap<>();
        s.sources().values().forEach(src -> src.quarantinedByReason().forEach((k, v) -> byReason.merge(k, v, Long::sum)));
        out.put("quarantinedByReason", byReason);
        Map<String, Object> sources = new LinkedHashMap<>();
        s.sources().forEach((name, src) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("messages", src.messages());
            m.put("readings", src.readingsCommitted());
            m.put("quarantined", src.quarantined());
            sources.put(name, m);
        });
        out.put("sources", sources);
        return new ObjectMapper().writeValueAsString(out);
    }
}
