package ai.vidyut.console.ui.connections;

import ai.vidyut.console.ingest.ConnectionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps connections for this session only (the store-only backend has no live sources). */
public final class InMemoryConnectionService implements ConnectionService {

    private final Map<String, ConnectionSettings> specs = new ConcurrentSkipListMap<>();

    @Override
    public List<ConnectionSettings> list() {
        return new ArrayList<>(specs.values());
    }

    @Override
    public String save(ConnectionSettings connection) {
        specs.put(connection.id(), connection);
        return "Saved for this session.";
    }

    @Override
    public void remove(String id) {
        specs.remove(id);
    }
}
