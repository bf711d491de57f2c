package ai.vidyut.console.runtime;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.MqttSource;
import ai.vidyut.console.ingest.Pipeline;
import ai.vidyut.console.ingest.SettingsStore;
import ai.vidyut.console.ingest.Source;
import ai.vidyut.console.ingest.WebSocketSource;
import ai.vidyut.console.registry.ModelRegistry;
import ai.vidyut.console.simulate.LiveSimulation;
import ai.vidyut.console.simulate.SimulatorWebSocketServer;
import ai.vidyut.console.simulate.SiteSimulator;
import ai.vidyut.console.store.DataDir;
import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The headless core of a running console, wired once: the database of a data folder, its stores, the ingest
 * pipeline, the model registry and the live sources. With no saved connection it runs the demo: the simulator
 * serves on a loopback WebSocket port and the console connects to it through the real {@link WebSocketSource},
 * so what is shown went over the wire like real data. The UI and the live model adapters build on this;
 * they attach with {@code runtime.pipeline().addListener(...)}.
 */
public final class ConsoleRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRuntime.class);

    /** Demo: number of simulated sites, snapshot rate per site and seed. */
    public record DemoOptions(int sites, double rate, long seed) {
        public static DemoOptions defaults() {
            return new DemoOptions(2, 1, 20260301L);
        }
    }

    private final Database db;
    private final SiteStore siteStore;
    private final ReadingStore readingStore;
    private final QuarantineStore quarantineStore;
    private final Pipeline pipeline;
    private final ModelRegistry registry;
    private final SettingsStore settings;
    private final List<Source> sources = new CopyOnWriteArrayList<>();
    private SimulatorWebSocketServer demoServer;
    private boolean closed;

    private ConsoleRuntime(Database db, Path dataDir, Pipeline.Options options) {
        this.db = db;
        this.siteStore = new SiteStore(db);
        this.readingStore = new ReadingStore(db, siteStore);
        this.quarantineStore = new QuarantineStore(db);
        this.pipeline = new Pipeline(readingStore, quarantineStore, options);
        this.registry = new ModelRegistry(db, DataDir.modelsDir(dataDir));
        this.settings = new SettingsStore(dataDir);
    }

    /**
     * Opens the data folder and starts the saved connections, or the demo when there are none.
     */
    public static ConsoleRuntime start(Path dataDir) {
        return start(dataDir, DemoOptions.defaults());
    }

    public static ConsoleRuntime start(Path dataDir, DemoOptions demo) {
        ConsoleRuntime rt = open(dataDir, Pipeline.Options.defaults());
        try {
            List<ConnectionSettings> saved = rt.settings.load().stream().filter(ConnectionSettings::enabled).toList();
            if (saved.isEmpty()) {
                rt.startDemo(demo);
            } else {
                for (ConnectionSettings c : saved) {
                    rt.connect(c);
                }
            }
            return rt;
        } catch (RuntimeException e) {
            rt.close();
            throw e;
        }
    }

    /** Opens the data folder without starting any source (for the CLI and tests). */
    public static ConsoleRuntime open(Path dataDir, Pipeline.Options options) {
        Database db = Database.open(dataDir);
        try {
            return new ConsoleRuntime(db, dataDir, options);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Starts a source for the connection and adds it to {@link #sources()}. */
    public synchronized Source connect(ConnectionSettings connection) {
        Source source = switch (connection.kind()) {
            case MQTT -> new MqttSource(connection, pipeline);
            case WEBSOCKET -> new WebSocketSource(WebSocketSource.defaultName(URI.create(connection.url())),
                    URI.create(connection.url()), pipeline);
        };
        sources.add(source);
        source.start();
        return source;
    }

    /** Adds a source built elsewhere (for example with non-default options) and starts it. */
    public synchronized Source connect(Source source) {
        sources.add(source);
        source.start();
        return source;
    }

    /** Stops and removes a source. */
    public synchronized void disconnect(Source source) {
        sources.remove(source);
        source.close();
    }

    /** Starts the simulator on a loopback port and connects to each simulated site through a WebSocketSource. */
    public synchronized void startDemo(DemoOptions demo) {
        if (demoServer != null) {
            return;
        }
        List<SiteSimulator> sims = LiveSimulation.standardSites(demo.sites(), demo.seed());
        for (SiteSimulator sim : sims) {
            // Give demo sites their real names, coordinates and assets rather than "discovered" placeholders.
            if (siteStore.site(sim.profile().siteId()).isEmpty()) {
                siteStore.saveSite(sim.profile().site());
                sim.profile().assets().forEach(siteStore::saveAsset);
            }
        }
        demoServer = new SimulatorWebSocketServer(new InetSocketAddress("127.0.0.1", 0),
                new LiveSimulation(sims, demo.rate())).start();
        LOG.info("demo: simulator serving on ws://127.0.0.1:{}", demoServer.port());
        for (SiteSimulator sim : sims) {
            URI uri = demoServer.siteUri(sim.profile().siteId());
            WebSocketSource source = new WebSocketSource("demo:" + sim.profile().siteId(), uri, pipeline);
            sources.add(source);
            source.start();
        }
    }

    /** Stops the demo simulator and its sources (for example when the first real connection is added). */
    public synchronized void stopDemo() {
        if (demoServer == null) {
            return;
        }
        for (Source s : new ArrayList<>(sources)) {
            if (s.name().startsWith("demo:")) {
                disconnect(s);
            }
        }
        demoServer.close();
        demoServer = null;
    }

    /**
     * Saves a connection (new, or replacing the one with the same id), stops the demo if it runs, and
     * (re)connects it if enabled. What the connections dialog calls on OK.
     */
    public synchronized Source addConnection(ConnectionSettings connection) {
        settings.put(connection);
        removeSource(connection);
        stopDemo();
        return connection.enabled() ? connect(connection) : null;
    }

    /** Forgets a saved connection and stops its source. */
    public synchronized boolean removeConnection(String connectionId) {
        var existing = settings.find(connectionId);
        existing.ifPresent(this::removeSource);
        return settings.remove(connectionId);
    }

    private void removeSource(ConnectionSettings connection) {
        for (Source s : new ArrayList<>(sources)) {
            if (s instanceof MqttSource m && m.settings().id().equals(connection.id())
                    || s instanceof WebSocketSource w && w.uri().toString().equals(connection.url())) {
                disconnect(s);
            }
        }
    }

    /** True while the console shows simulated demo data (no connection configured). */
    public synchronized boolean isDemo() {
        return demoServer != null;
    }

    public Database database() {
        return db;
    }

    public SiteStore siteStore() {
        return siteStore;
    }

    public ReadingStore readingStore() {
        return readingStore;
    }

    public QuarantineStore quarantineStore() {
        return quarantineStore;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public SettingsStore settings() {
        return settings;
    }

    public Path dataDir() {
        return db.dataDir();
    }

    /** The running sources (read-only view). */
    public List<Source> sources() {
        return Collections.unmodifiableList(sources);
    }

    /** Stops the sources and the demo, commits what was received, then closes the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Source s : new ArrayList<>(sources)) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {}: {}", s.name(), e.toString());
            }
        }
        if (demoServer != null) {
            demoServer.close();
        }
        pipeline.close();
        db.close();
    }
}
