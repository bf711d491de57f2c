package ai.vidyut.console.ui.connections;

import java.util.List;

/** The saved live connections (the dialog's view of the ingest area's settings store). */
public interface ConnectionService {

    List<ConnectionSpec> list();

    /** Adds or replaces (by name) a connection, persists it and (re)starts its source. */
    void save(ConnectionSpec spec);

    /** Removes a connection, persists, and stops its source. */
    void remove(String name);
}
