package ai.vidyut.console.ui.connections;

import ai.vidyut.console.ingest.ConnectionSettings;

import java.util.List;

/** The saved live connections as the dialog edits them (persisted by the ingest area's settings store). */
public interface ConnectionService {

    List<ConnectionSettings> list();

    /** Adds or replaces (by id) a connection, persists it and (re)starts its source. Returns a note for the user. */
    String save(ConnectionSettings connection);

    /** Removes a connection, persists, and stops its source. */
    void remove(String id);
}
