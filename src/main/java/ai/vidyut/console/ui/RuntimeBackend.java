package ai.vidyut.console.ui;

import ai.vidyut.console.ingest.ConnectionSettings;
import ai.vidyut.console.ingest.PipelineStats;
import ai.vidyut.console.ingest.Source;
import ai.vidyut.console.runtime.ConsoleRuntime;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.connections.ConnectionService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The window's backend over the real {@link ConsoleRuntime}: stores, pipeline, live sources, saved connections. */
public final class RuntimeBackend implements ConsoleBackend {

    private final ConsoleRuntime runtime;
    private final ConnectionService connections = new RuntimeConnections();

    public RuntimeBackend(ConsoleRuntime runtime) {
        this.runtime = runtime;
    }

    /** Opens the data folder and starts the saved connections, or the demo when none is configured. */
    public static RuntimeBackend start(Path dataDir) {
        return new RuntimeBackend(ConsoleRuntime.start(dataDir));
    }

    @Override
    public java.util.Optional<ConsoleRuntime> runtime() {
        return java.util.Optional.of(runtime);
    }

    @Override
    public ai.vidyut.console.store.Database database() {
        return runtime.database();
    }

    @Override
    public SiteStore sites() {
        return runtime.siteStore();
    }

    @Override
    public ReadingStore readings() {
        return runtime.readingStore();
    }

    @Override
    public QuarantineStore quarantine() {
        return runtime.quarantineStore();
    }

    @Override
    public boolean isDemo() {
        return runtime.isDemo();
    }

    @Override
    public void addCommittedListener(Consumer<List<Reading>> listener) {
        runtime.pipeline().addListener(listener::accept);
    }

    @Override
    public List<SourceStatus> sourceStatuses() {
        PipelineStats stats = runtime.pipeline().stats();
        List<SourceStatus> out = new ArrayList<>();
        for (Source s : runtime.sources()) {
            PipelineStats.SourceStats st = stats.source(s.name());
            out.add(new SourceStatus(s.name(), s.state().name(), st == null ? 0 : st.messagesPerSecond(),
                    st == null ? 0 : st.messages(), st == null ? 0 : st.quarantined(), s.lastError()));
        }
        return out;
    }

    @Override
    public ConnectionService connections() {
        return connections;
    }

    @Override
    public void close() {
        runtime.close();
    }

    private final class RuntimeConnections implements ConnectionService {

        @Override
        public List<ConnectionSettings> list() {
            return runtime.settings().load();
        }

        @Override
        public String save(ConnectionSettings connection) {
            boolean wasDemo = runtime.isDemo();
            runtime.addConnection(connection);
            String note = connection.enabled() ? "Saved; connecting." : "Saved (disabled).";
            return wasDemo && !runtime.isDemo() ? note + " The demo has stopped." : note;
        }

        @Override
        public void remove(String id) {
            runtime.removeConnection(id);
        }
    }
}
