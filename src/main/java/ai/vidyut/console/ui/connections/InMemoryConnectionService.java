package ai.vidyut.console.ui.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps connections for this session only. Stand-in until the ingest area's settings store (encrypted
 * passwords, sources restarted on change) is wired in {@link ai.vidyut.console.ui.Backends}.
 */
public final class InMemoryConnectionService implements ConnectionService {

    private final Map<String, ConnectionSpec> specs = new ConcurrentSkipListMap<>();

    @Override
    public List<ConnectionSpec> list() {
        return new ArrayList<>(specs.values());
    }

    @Override
    public void save(ConnectionSpec spec) {
        specs.put(spec.name(), spec);
    }

    @Override
    public void remove(String name) {
        specs.remove(name);
    }
}
