package ai.vidyut.console.cli;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.WireFormat.Snapshot;
import ai.vidyut.console.simulate.Fault;
import ai.vidyut.console.simulate.FaultType;
import ai.vidyut.console.simulate.LiveSimulation;
import ai.vidyut.console.simulate.SimulatorMqttPublisher;
import ai.vidyut.console.simulate.SimulatorWebSocketServer;
import ai.vidyut.console.simulate.SiteProfile;
import ai.vidyut.console.simulate.SiteSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vidyut simulate}: realistic site telemetry, live to an MQTT broker or served over WebSocket, or
 * generated faster than real time into a CSV file.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate energy sites (PV following the sun, building load, battery, inverter, grid meter, "
                + "cooling pump) with optional faults.",
                "  --mqtt URL              publish live to a broker on vidyut/{siteId}/{assetId}/telemetry",
                "  --websocket-port PORT   serve live at ws://HOST:PORT/ws/site/{siteId}",
                "  --csv FILE --from --to  write readings faster than real time (timestamp,site,asset,metric,value"
                        + "[,fault])",
                "Prints one JSON line when serving starts and one JSON summary at the end."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--mqtt", paramLabel = "URL", description = "Broker to publish to (tcp://host:1883, ssl://...).")
    private String mqtt;

    @Option(names = "--mqtt-version", paramLabel = "5|3", defaultValue = "5", description = "Default: ${DEFAULT-VALUE}.")
    private int mqttVersion;

    @Option(names = "--username", paramLabel = "USER", description = "MQTT username.")
    private String username;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable with the MQTT password.")
    private String passwordEnv;

    @Option(names = "--websocket-port", paramLabel = "PORT", description = "Serve over WebSocket on this port (0: any free port).")
    private Integer websocketPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the WebSocket server listens on (0.0.0.0 for all). Default: ${DEFAULT-VALUE}.")
    private String bind;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write readings for --from..--to to this CSV file.")
    private Path csv;

    @Option(names = "--from", paramLabel = "INSTANT", description = "CSV start, ISO-8601 (2026-03-01T00:00:00Z).")
    private Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "CSV end (exclusive), ISO-8601.")
    private Instant to;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "CSV time step (s, m, h). Default: ${DEFAULT-VALUE}.")
    private Duration step;

    @Option(names = "--labels", description = "CSV: add a 'fault' column (the injected fault type, or empty).")
    private boolean labels;

    @Option(names = "--sites", paramLabel = "N", defaultValue = "1", description = "Number of sites (site-1..site-N). Default: ${DEFAULT-VALUE}.")
    private int sites;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "1",
            description = "Live: snapshots per second per site (each is one message per asset). Default: ${DEFAULT-VALUE}.")
    private double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Live: stop after this long (45s, 10m, 2h). Default: until Ctrl-C.")
    private Duration duration;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = {"Inject a fault: SITE/ASSET=TYPE,START,LENGTH[,MAGNITUDE]. START is an offset from the "
                    + "start (live) or from --from (CSV), e.g. site-1/pump-1=rising_vibration,10m,2h. Types: "
                    + "power_drop, stuck_sensor, overheating, rising_vibration, offline. Repeatable."})
    private List<String> faultSpecs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        int modes = (mqtt != null ? 1 : 0) + (websocketPort != null ? 1 : 0) + (csv != null ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("give exactly one of --mqtt URL, --websocket-port PORT or --csv FILE");
        }
        if (sites < 1 || sites > 1000) {
            throw new IllegalArgumentException("--sites must be between 1 and 1000");
        }
        if (csv != null) {
            return writeCsv();
        }
        long start = System.currentTimeMillis();
        List<SiteSimulator> sims = simulators(start);
        LiveSimulation live = new LiveSimulation(sims, rate);
        ObjectMapper json = new ObjectMapper();
        PrintStream out = System.out;
        AtomicLong readings = new AtomicLong();
        AtomicLong messages = new AtomicLong();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        if (mqtt != null) {
            if (ConnectionSettings.Kind.fromUrl(mqtt) != ConnectionSettings.Kind.MQTT) {
                throw new IllegalArgumentException("--mqtt needs an MQTT URL (tcp://, ssl://, mqtt://, mqtts://): " + mqtt);
            }
            String password = passwordEnv == null ? null : System.getenv(passwordEnv);
            ConnectionSettings settings = new ConnectionSettings(null, ConnectionSettings.Kind.MQTT, null, mqtt, null,
                    "vidyut-sim-" + seed, username, password, mqttVersion, true);
            try (SimulatorMqttPublisher publisher = new SimulatorMqttPublisher(settings)) {
                out.println(json.writeValueAsString(Map.of("mqtt", mqtt, "sites", siteIds(sims), "rate", rate)));
                out.flush();
                live.start(snapshots -> {
                    publisher.publish(snapshots);
                    count(snapshots, messages, readings);
                });
                await(stop);
                live.close();
                publisher.flush(30_000);
                summary(json, start, messages.get(), readings.get(), Map.of("failed", publisher.failed()));
            }
        } else {
            try (SimulatorWebSocketServer server = new SimulatorWebSocketServer(
                    new InetSocketAddress(bind, websocketPort), live)) {
                server.start();
                out.println(json.writeValueAsString(Map.of("websocket",
                        "ws://" + bind + ":" + server.port() + SimulatorWebSocketServer.PATH_PREFIX + "{siteId}",
                        "sites", siteIds(sims), "rate", rate)));
                out.flush();
                await(stop);
                live.close();
                summary(json, start, server.snapshotsGenerated(), server.readingsGenerated(),
                        Map.of("framesSent", server.framesSent()));
            }
        }
        return 0;
    }

    private void await(CountDownLatch stop) throws InterruptedException {
        if (duration == null) {
            stop.await();
        } else {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void count(List<Snapshot> snapshots, AtomicLong messages, AtomicLong readings) {
        messages.addAndGet(snapshots.size());
        for (Snapshot s : snapshots) {
            readings.addAndGet(s.metrics().size());
        }
    }

    private void summary(ObjectMapper json, long start, long messages, long readings, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", Math.round((System.currentTimeMillis() - start) / 100.0) / 10.0);
        out.put("sites", sites);
        out.put("messages", messages);
        out.put("readings", readings);
        out.putAll(extra);
        System.out.println(json.writeValueAsString(out));
    }

    private static List<String> siteIds(List<SiteSimulator> sims) {
        return sims.stream().map(s -> s.profile().siteId()).toList();
    }

    private List<SiteSimulator> simulators(long origin) {
        List<Fault> faults = parseFaults(origin);
        List<SiteSimulator> out = new ArrayList<>();
        for (int i = 1; i <= sites; i++) {
            SiteProfile p = SiteProfile.standard(i);
            List<Fault> mine = new ArrayList<>();
            for (int f = 0; f < faults.size(); f++) {
                if (faultSites.get(f).equals(p.siteId())) {
                    mine.add(faults.get(f));
                }
            }
            out.add(new SiteSimulator(p, seed, mine));
        }
        for (String site : faultSites) {
            if (out.stream().noneMatch(s -> s.profile().siteId().equals(site))) {
                throw new IllegalArgumentException("--fault names " + site + ", but only site-1..site-" + sites
                        + " are simulated");
            }
        }
        return out;
    }

    private final List<String> faultSites = new ArrayList<>();

    private List<Fault> parseFaults(long origin) {
        List<Fault> out = new ArrayList<>();
        faultSites.clear();
        for (String spec : faultSpecs) {
            String[] target = spec.split("=", 2);
            String[] where = target[0].split("/", 2);
            if (target.length != 2 || where.length != 2) {
                throw badFault(spec);
            }
            String[] parts = target[1].split(",");
            if (parts.length < 3 || parts.length > 4) {
                throw badFault(spec);
            }
            FaultType type;
            try {
                type = FaultType.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault type '" + parts[0] + "' in " + spec);
            }
            if (!SiteProfile.ASSETS.contains(where[1])) {
                throw new IllegalArgumentException("unknown asset '" + where[1] + "' in " + spec + "; assets: "
                        + String.join(", ", SiteProfile.ASSETS));
            }
            long startAt = origin + DurationConverter.parse(parts[1].trim()).toMillis();
            long length = DurationConverter.parse(parts[2].trim()).toMillis();
            double magnitude = parts.length == 4 ? Double.parseDouble(parts[3].trim()) : type.defaultMagnitude();
            out.add(new Fault(where[1], type, startAt, startAt + length, magnitude));
            faultSites.add(where[0]);
        }
        return out;
    }

    private static IllegalArgumentException badFault(String spec) {
        return new IllegalArgumentException("bad --fault '" + spec
                + "': use SITE/ASSET=TYPE,START,LENGTH[,MAGNITUDE], e.g. site-1/pump-1=rising_vibration,10m,2h");
    }

    private int writeCsv() throws Exception {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("--csv needs --from and a later --to");
        }
        long start = System.currentTimeMillis();
        List<SiteSimulator> sims = simulators(from.toEpochMilli());
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(labels ? "timestamp,site,asset,metric,value,fault\n" : "timestamp,site,asset,metric,value\n");
            for (long t = from.toEpochMilli(); t < to.toEpochMilli(); t += step.toMillis()) {
                for (SiteSimulator sim : sims) {
                    for (Snapshot s : sim.step(t)) {
                        String label = labels ? "," + faultLabel(sim, s.assetId(), t) : "";
                        String ts = Instant.ofEpochMilli(t).toString();
                        for (Map.Entry<String, Double> m : s.metrics().entrySet()) {
                            w.write(ts + "," + s.siteId() + "," + s.assetId() + "," + m.getKey() + "," + m.getValue()
                                    + label + "\n");
                            rows++;
                        }
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds", Math.round((System.currentTimeMillis() - start) / 100.0) / 10.0);
        out.put("sites", sites);
        out.put("readings", rows);
        out.put("csv", csv.toString());
        System.out.println(new ObjectMapper().writeValueAsString(out));
        return 0;
    }

    private static String faultLabel(SiteSimulator sim, String assetId, long t) {
        for (Fault f : sim.faults()) {
            if (f.assetId().equals(assetId) && f.activeAt(t)) {
                return f.type().name().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
