package ai.vidyut.console.ui;

import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.connections.ConnectionService;

import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the window needs from the headless core, in one small face. The UI holds no core logic:
 * the implementation wraps the runtime (stores, pipeline, sources, settings).
 */
public interface ConsoleBackend extends AutoCloseable {

    SiteStore sites();

    /** The database itself, for capabilities that keep their own tables (the voice audit log, alerts). */
    ai.vidyut.console.store.Database database();

    ReadingStore readings();

    QuarantineStore quarantine();

    /** True when no connection is configured and the built-in simulator feeds the console. */
    boolean isDemo();

    /**
     * Registers a listener for committed batches. It is called off the FX thread, after each batch is
     * stored; it must be quick (the UI hands the batch to a coalescing buffer).
     */
    void addCommittedListener(Consumer<List<Reading>> listener);

    /** The live sources and their state, a cheap snapshot (polled by the status bar about once a second). */
    List<SourceStatus> sourceStatuses();

    ConnectionService connections();

    /** The full headless runtime (pipeline, registry, database), when the window runs on one. */
    default java.util.Optional<ai.vidyut.console.runtime.ConsoleRuntime> runtime() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
