package ai.vidyut.console.voice;

import ai.vidyut.console.store.Database;
import ai.vidyut.console.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The append-only audit log of device-control commands (table {@code voice_audit}, migration V6). */
public final class AuditLog {

    /** What happened to a control request. */
    public enum Event { REQUESTED, INVALID, CONFIRMED, PUBLISHED, CANCELLED, EXPIRED, FAILED }

    /** One row of the log. */
    public record Entry(long id, long atMillis, String requestId, Event event, String siteId, String assetId,
                        String action, String transcript, String topic, String detail) {
    }

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String requestId, Event event, String siteId, String assetId, String action, String transcript,
                       String topic, String detail) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO voice_audit (at_ms, request_id, event, site_id, "
                     + "asset_id, action, transcript, topic, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, clock.millis());
            ps.setString(2, requestId);
            ps.setString(3, event.name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(4, siteId);
            ps.setString(5, assetId);
            ps.setString(6, action);
            ps.setString(7, truncate(transcript, 1000));
            ps.setString(8, topic);
            ps.setString(9, truncate(detail, 2000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the voice audit log", e);
        }
    }

    /** The events of one request, oldest first. */
    public List<Entry> of(String requestId) {
        return query("WHERE request_id = ? ORDER BY id", requestId, Integer.MAX_VALUE);
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int limit) {
        return query("ORDER BY id DESC", null, limit);
    }

    private List<Entry> query(String where, String arg, int limit) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, at_ms, request_id, event, site_id, asset_id, action, "
                     + "transcript, topic, detail FROM voice_audit " + where + " LIMIT ?")) {
            int i = 1;
            if (arg != null) {
                ps.setString(i++, arg);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Entry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            Event.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the voice audit log", e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
