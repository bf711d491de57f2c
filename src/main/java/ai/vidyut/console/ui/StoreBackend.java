package ai.vidyut.console.ui;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.store.SiteStore;
import ai.vidyut.console.telemetry.Reading;
import ai.vidyut.console.ui.connections.ConnectionService;
import ai.vidyut.console.ui.connections.InMemoryConnectionService;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A backend over the stores only, with no live sources: history, sites, import. Readings appended through
 * {@link #append} are announced to committed-batch listeners like the pipeline does.
 */
public final class StoreBackend implements ConsoleBackend {

    private final Database db;
    private final boolean ownsDb;
    private final SiteStore sites;
    private final ReadingStore readings;
    private final QuarantineStore quarantine;
    private final List<Consumer<List<Reading>>> listeners = new CopyOnWriteArrayList<>();
    private final ConnectionService connections = new InMemoryConnectionService();

    public StoreBackend(Database db, boolean ownsDb) {
        this.db = db;
        this.ownsDb = ownsDb;
        this.sites = new SiteStore(db);
        this.readings = new ReadingStore(db, sites);
        this.quarantine = new QuarantineStore(db);
    }

    public static StoreBackend open(Path dataDir) {
        return new StoreBackend(Database.open(dataDir), true);
    }

    /** Stores readings and tells the listeners, as the pipeline does after a committed batch. */
    public int append(List<Reading> batch) {
        int added = readings.append(batch);
        announce(batch);
        return added;
    }

    private void announce(List<Reading> batch) {
        for (Consumer<List<Reading>> l : listeners) {
            l.accept(batch);
        }
    }

    @Override
    public Database database() {
        return db;
    }

    @Override
    public SiteStore sites() {
        return sites;
    }

    @Override
    public ReadingStore readings() {
        return readings;
    }

    @Override
    public QuarantineStore quarantine() {
        return quarantine;
    }

    @Override
    public boolean isDemo() {
        return false;
    }

    @Override
    public void addCommittedListener(Consumer<List<Reading>> listener) {
        listeners.add(listener);
    }

    @Override
    public List<SourceStatus> sourceStatuses() {
        return List.of();
    }

    @Override
    public ConnectionService connections() {
        return connections;
    }

    @Override
    public void close() {
        if (ownsDb) {
            db.close();
        }
    }
}
